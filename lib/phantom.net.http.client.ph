// .phantom.net.http.client: an HTTP/1.1 client.  The static methods make
// one request on a connection of their own (get, post, request, taking a
// URL "http://host[:port]/path"); an instance keeps one keep-alive
// connection to a host and sends requests on it one after the other (send).
// timeoutMs bounds the connect and each wait for the reply's bytes
// (0: none).  Failures: ConnectionRefusedException, NameNotFoundException,
// TimeoutException, ConnectionResetException (.phantom.net), HttpException
// (a URL it cannot use, a reply it cannot read).  Requests leave once the
// state that made them is durable (output commit), unless setCommit(false).
package .phantom.net.http;

import .phantom.net.connection;

class client
{
    var host : string;
    var port, timeoutMs, maxBodyBytes : int;
    var commit : bool;
    var conn : connection;

    void client(string host, int port) { this.client(host, port, 0); }

    void client(string host, int port, int timeoutMs)
    {
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
        commit = true;
        maxBodyBytes = 67108864;
    }

    void setTimeout(int ms) { timeoutMs = ms; if (conn != null) conn.setTimeout(ms); }
    // Applies from the next connection on.
    void setCommit(bool on) { commit = on; }
    // Replies with a longer body raise HttpException (default 64 MiB).
    void setMaxBody(int bytes) { maxBodyBytes = bytes; }

    // Sends a request on the kept connection (connecting first if there is
    // none) and reads the reply.  headers (name -> value) may be null; body
    // (a string or binary) may be null.  Content-Length and Host are added.
    // A request that could not be sent on a connection the server had
    // closed meanwhile is sent once more on a new one (if idempotent).
    reply send(string method, string path, .internal.directory headers, var body)
    {
        bool reused = conn != null;
        if (!reused)
            open();
        try {
            return exchange(method, path, headers, body);
        } catch (.phantom.net.ConnectionResetException | .phantom.net.ConnectionLostException | .phantom.EOFException e) {
            close();
            if (!reused || !idempotent(method))
                throw e;
        } catch (e) {
            close();
            throw e;
        }
        open();
        return exchange(method, path, headers, body);
    }

    // Closes the kept connection (the next send opens another).
    void close()
    {
        if (conn != null)
            conn.close();
        conn = null;
    }

    private void open()
    {
        conn = connection.connect(host, port, timeoutMs, commit);
    }

    private static bool idempotent(string method)
    {
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS";
    }

    private reply exchange(string method, string path, .internal.directory headers, var body)
    {
        .phantom.text.builder head = new .phantom.text.builder();
        head.append(method).append(" ").append(path).append(" HTTP/1.1\r\n");
        bool hostGiven = false;
        if (headers != null) {
            foreach (string name in headers) {
                string value = "" + headers.get(name);
                if (name.contains("\r") || name.contains("\n") || value.contains("\r") || value.contains("\n"))
                    throw new .phantom.ArgumentException("send: a line break in header " + name);
                if (name.toLowerCase() == "host")
                    hostGiven = true;
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        if (!hostGiven)
            head.append("Host: ").append(host.contains(":") ? "[" + host + "]" : host).append(port == 80 ? "" : ":" + port).append("\r\n");
        if (body != null || method == "POST" || method == "PUT")
            head.append("Content-Length: ").append(wire.bodyLength(body)).append("\r\n");
        head.append("\r\n");
        wire.writeMessage(conn, head.toString(), body, true);
        reply r = readReply(method);
        if (!wire.keepAlive(r.version, r.headers))
            close();
        return r;
    }

    private reply readReply(string method)
    {
        while (true) {
            reply r = new reply();
            string start = wire.readHead(conn, r.headers, 65536, 1000);
            if (start == null)
                throw new .phantom.EOFException("the server closed the connection without a reply");
            int sp1 = start.indexOf(" ");
            if (!start.startsWith("HTTP/1.") || sp1 < 0 || start.length() < sp1 + 4)
                throw new HttpException("not a status line: " + wire.clip(start), 400);
            r.version = start.substring(0, sp1);
            string code = start.substring(sp1 + 1, 3);
            try {
                r.status = code.toInt();
            } catch (.phantom.ArgumentException e) {
                throw new HttpException("not a status line: " + wire.clip(start), 400);
            }
            r.reason = start.length() > sp1 + 5 ? start.substring(sp1 + 5, start.length() - sp1 - 5) : "";
            if (r.status >= 100 && r.status < 200)
                continue;   // an interim reply (100 Continue): the real one follows
            bool bodyless = method == "HEAD" || r.status == 204 || r.status == 304;
            if (!bodyless)
                r.body = wire.readBody(conn, r.headers, maxBodyBytes, 65536, true);
            return r;
        }
    }

    // ---- one request per connection, by URL ---------------------------------------------

    static reply get(string url) { return request("GET", url, null, null, 0); }
    static reply get(string url, int timeoutMs) { return request("GET", url, null, null, timeoutMs); }

    static reply post(string url, var body, string contentType)
    {
        return post(url, body, contentType, 0);
    }

    static reply post(string url, var body, string contentType, int timeoutMs)
    {
        .internal.directory h = new .internal.directory();
        h.put("Content-Type", contentType);
        return request("POST", url, h, body, timeoutMs);
    }

    // Any method; headers and body may be null.
    static reply request(string method, string url, .internal.directory headers, var body, int timeoutMs)
    {
        string lower = url.toLowerCase();
        if (!lower.startsWith("http://"))
            throw new HttpException("not an http:// URL: " + wire.clip(url), 400);
        string rest = url.substring(7, url.length() - 7);
        int slash = rest.indexOf("/");
        string authority = slash < 0 ? rest : rest.substring(0, slash);
        string path = slash < 0 ? "/" : rest.substring(slash, rest.length() - slash);
        string h = authority;
        int p = 80;
        int colon = authority.lastIndexOf(":");
        if (authority.startsWith("[")) {
            int close = authority.indexOf("]");
            if (close < 0)
                throw new HttpException("a bad host in " + wire.clip(url), 400);
            h = authority.substring(1, close - 1);
            if (colon < close)
                colon = -1;
        } else if (colon >= 0) {
            h = authority.substring(0, colon);
        }
        if (colon >= 0) {
            string digits = authority.substring(colon + 1, authority.length() - colon - 1);
            try {
                p = digits.toInt();
            } catch (.phantom.ArgumentException e) {
                throw new HttpException("a bad port in " + wire.clip(url), 400);
            }
        }
        if (h == "")
            throw new HttpException("no host in " + wire.clip(url), 400);
        .internal.directory all = new .internal.directory();
        if (headers != null)
            foreach (string name in headers)
                all.put(name, headers.get(name));
        all.put("Connection", "close");
        client c = new client(h, p, timeoutMs);
        try {
            return c.send(method, path, all, body);
        } finally {
            c.close();
        }
    }
};
