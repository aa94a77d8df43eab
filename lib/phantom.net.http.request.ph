// .phantom.net.http.request: a request as the server read it.  Fields (read
// them, do not change them): method ("GET"), target (as sent: "/kv/a%20b?x=1"),
// path (its path, undecoded: "/kv/a%20b"), queryString ("x=1", "" if none),
// version ("HTTP/1.1"), headers (lower-case name -> value), body (a string,
// "" if none), params (the route's parameters, decoded: key -> "a b"),
// keepAlive (the connection stays open after the reply).
package .phantom.net.http;

import .phantom.net.connection;

class request
{
    var method, target, path, queryString, version : string;
    var headers, params : .internal.directory;
    var body : string;
    var keepAlive : bool;

    void request()
    {
        headers = new .internal.directory();
        params = new .internal.directory();
        body = "";
        queryString = "";
    }

    // A header field's value (any case of name), or null.
    string header(string name) { return (string)headers.get(name.toLowerCase()); }

    // A route parameter (":key" in the pattern, "*" for a trailing *), or null.
    string param(string name) { return (string)params.get(name); }

    // A query parameter, decoded ("+" is a space), or null; the first of
    // repeated ones.
    string query(string name)
    {
        if (queryString == "")
            return null;
        foreach (string pair in queryString.split("&")) {
            int eq = pair.indexOf("=");
            string key = eq < 0 ? pair : pair.substring(0, eq);
            if (wire.decode(key, true) == name)
                return eq < 0 ? "" : wire.decode(pair.substring(eq + 1, pair.length() - eq - 1), true);
        }
        return null;
    }

    // Reads the next request from c within srv's limits: null at a clean end
    // of the stream (the client closed between requests); HttpException for
    // a malformed or oversized request.  An "Expect: 100-continue" is
    // answered before the body is read.
    static request read(connection c, server srv)
    {
        request r = new request();
        string start = wire.readHead(c, r.headers, srv.maxHeaderBytes, srv.maxHeaders);
        if (start == null)
            return null;
        string[] parts = start.split(" ");
        if (parts.length != 3 || parts[0] == "" || parts[1] == "")
            throw new HttpException("not a request line: " + wire.clip(start), 400);
        r.method = parts[0];
        r.version = parts[2];
        if (r.version != "HTTP/1.1" && r.version != "HTTP/1.0")
            throw new HttpException("not HTTP/1.x: " + wire.clip(start), 400);
        r.setTarget(parts[1]);
        r.keepAlive = wire.keepAlive(r.version, r.headers);
        string expect = r.header("expect");
        if (expect != null && expect.toLowerCase() == "100-continue" && r.version == "HTTP/1.1") {
            // the limit is checked first, so a refused body is never asked for
            if (r.header("content-length") != null)
                wire.contentLength(r.header("content-length"), srv.maxBodyBytes);
            c.write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        r.body = wire.readBody(c, r.headers, srv.maxBodyBytes, srv.maxHeaderBytes, false);
        return r;
    }

    // Splits the request target into path and query; an absolute URL
    // ("http://host/p") keeps only its path.  400 unless it is "/..." or,
    // for OPTIONS, "*".
    private void setTarget(string t)
    {
        target = t;
        string lower = t.toLowerCase();
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = t.indexOf("/", lower.indexOf("//") + 2);
            t = slash < 0 ? "/" : t.substring(slash, t.length() - slash);
        }
        if (!t.startsWith("/") && !(t == "*" && method == "OPTIONS"))
            throw new HttpException("not a request target: " + wire.clip(t), 400);
        int question = t.indexOf("?");
        if (question < 0) {
            path = t;
        } else {
            path = t.substring(0, question);
            queryString = t.substring(question + 1, t.length() - question - 1);
        }
    }
};
