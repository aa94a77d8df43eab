// .phantom.net.http.session: one connection of an HTTP server, served on a
// thread of its own: requests one after the other (keep-alive, pipelining)
// until the client closes, asks to close, idles past the server's idle
// timeout, or sends a request that is malformed or over a limit (answered
// with its 4xx status, then the connection is closed).  A restart ends it
// (ConnectionLostException), like every connection open at the snapshot.
package .phantom.net.http;

import .phantom.net.connection;

class session
{
    var srv : server;
    var conn : connection;

    void session(server srv, connection conn)
    {
        this.srv = srv;
        this.conn = conn;
    }

    void run()
    {
        try {
            conn.setTimeout(srv.idleTimeoutMs);
            while (serveOne()) {
            }
        } catch (.phantom.net.NetException e) {
            // the client went away, timed out, or the world restarted
        }
        srv.ended();
        conn.close();
    }

    // Serves one request; true if the connection stays open for the next.
    private bool serveOne()
    {
        request req;
        try {
            req = request.read(conn, srv);
        } catch (HttpException e) {
            refuse(e);
            return false;
        }
        if (req == null)
            return false;
        response res = new response(conn, req.method != "HEAD", req.keepAlive);
        try {
            srv.dispatch(req, res);
        } catch (HttpException e) {
            refuse(e);   // the path could not be decoded
            return false;
        }
        res.finish();
        return !res.closing;
    }

    // Answers a request that could not be read with its status, then ends
    // the connection: what the client sent after the bad part is read and
    // dropped for a moment (at most 64 KiB), so that closing with unread
    // input does not reset the connection before the client reads the answer.
    private void refuse(HttpException e)
    {
        response res = new response(conn, true, false);
        res.send(e.getStatus(), e.getMessage() + "\n");
        res.finish();
        conn.shutdownOutput();
        conn.setTimeout(1000);
        int drained = 0;
        .internal.binary rest = conn.read(16384);
        while (rest != null && drained < 65536) {
            drained = drained + rest.size();
            rest = conn.read(16384);
        }
    }
};
