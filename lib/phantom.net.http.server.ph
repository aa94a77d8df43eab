// .phantom.net.http.server: an HTTP/1.1 server with routing.  Routes are
// tried in the order they were added; the first whose method and pattern
// match runs its handler (HEAD also matches GET routes).  A path no route
// matches gets 404, a path matched only for other methods 405 with an
// "Allow" field, a handler that throws 500.  Each connection is served on a
// VM thread of its own (a session); a thread waiting for the next request
// holds no host thread, so idle keep-alive connections cost only memory.
//
// After a restart the server listens again on the same port and its accept
// loop keeps waiting; connections open at the snapshot are lost (their
// clients see the connection close) (docs/TRANSIENT.md).
package .phantom.net.http;

import .phantom.net.connection;

class server implements .phantom.net.http.handler
{
    var listener : .phantom.net.server;
    var routes : route[];
    // the limits of one request: its head in bytes (start line and fields),
    // its number of header fields, its body in bytes
    var maxHeaderBytes, maxHeaders, maxBodyBytes : int;
    // an open connection waiting longer than this for a request (or inside
    // one, for its next bytes) is closed; 0: never
    var idleTimeoutMs : int;
    var open : int;   // sessions running now

    void server(int port) { this.server("", port, true); }
    void server(string host, int port) { this.server(host, port, true); }

    // commit false: replies leave at once, not once their state is durable
    // (docs/TRANSIENT.md, output commit).
    void server(string host, int port, bool commit)
    {
        routes = new route[]();
        maxHeaderBytes = 8192;
        maxHeaders = 100;
        maxBodyBytes = 1048576;
        idleTimeoutMs = 60000;
        listener = new .phantom.net.server(host, port, commit);
    }

    // Adds a route: method ("GET", "PUT", ... or "*" for any) and pattern
    // ("/kv/:key", "/files/*").
    void route(string method, string pattern, handler h) { routes.add(new route(method, pattern, h)); }
    void get(string pattern, handler h) { route("GET", pattern, h); }
    void put(string pattern, handler h) { route("PUT", pattern, h); }
    void post(string pattern, handler h) { route("POST", pattern, h); }
    void delete(string pattern, handler h) { route("DELETE", pattern, h); }

    void setLimits(int maxHeaderBytes, int maxHeaders, int maxBodyBytes)
    {
        if (maxHeaderBytes < 64 || maxHeaders < 0 || maxBodyBytes < 0)
            throw new .phantom.ArgumentException("setLimits: a head needs at least 64 bytes, counts at least 0");
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaders = maxHeaders;
        this.maxBodyBytes = maxBodyBytes;
    }

    void setIdleTimeout(int ms)
    {
        if (ms < 0)
            throw new .phantom.ArgumentException("setIdleTimeout: " + ms + " is negative");
        idleTimeoutMs = ms;
    }

    int port() { return listener.port(); }
    int connections() { return open; }

    // Accepts connections and serves each on a new thread, until close().
    void serve()
    {
        while (true) {
            connection c;
            try {
                c = listener.accept();
            } catch (.phantom.net.NetException e) {
                int code = e.getCode();
                if (code == -6 || code == -7)
                    return;   // closed, or the port was taken while the world was down
                // a failure of this one connection, or of the host (out of
                // file descriptors): try again, without spinning
                .internal.thread.sleep(10);
                continue;
            }
            synchronized (this) { open++; }
            .internal.thread.start(new session(this, c));
        }
    }

    // serve() on a new thread, returned.
    .internal.thread start() { return .internal.thread.start(this); }
    void run() { serve(); }

    // Stops accepting; open connections are served until they end.
    void close() { listener.close(); }

    // A session ended (session's report; not for programs).
    void ended() { synchronized (this) { open--; } }

    // Runs the route for req (the server is itself a handler: the router).
    void handle(request req, response res) { dispatch(req, res); }

    void dispatch(request req, response res)
    {
        string[] path = req.path.split("/");
        string allowed = "";
        foreach (route r in routes) {
            bool methodFits = r.method == req.method || r.method == "*" || (req.method == "HEAD" && r.method == "GET");
            .internal.directory params = new .internal.directory();
            if (!r.matches(path, params))
                continue;
            if (!methodFits) {
                if (!allowed.contains(r.method))
                    allowed = allowed == "" ? r.method : allowed + ", " + r.method;
                continue;
            }
            req.params = params;
            runHandler(r.target, req, res);
            return;
        }
        if (allowed != "") {
            res.setHeader("Allow", allowed);
            res.send(405, "method not allowed: " + req.method + "\n");
        } else {
            res.send(404, "not found: " + req.path + "\n");
        }
    }

    // Runs a handler; what it throws becomes a 500 (or, once the reply is
    // being streamed, ends the connection), except a failure of the
    // connection itself, which ends the session.
    private void runHandler(handler h, request req, response res)
    {
        try {
            h.handle(req, res);
        } catch (HttpException e) {
            answerFailure(res, e.getStatus(), e.getMessage());
        } catch (e) {
            if (res.failed)
                throw e;
            answerFailure(res, 500, "internal server error: " + e);
        }
    }

    private void answerFailure(response res, int status, string message)
    {
        if (res.streaming) {
            // no last chunk: the client sees the body cut short
            res.closing = true;
            res.finished = true;
            return;
        }
        res.reset();
        res.send(status, message + "\n");
    }
};
