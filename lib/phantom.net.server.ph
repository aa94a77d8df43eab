// .phantom.net.server: a TCP server socket.  accept() waits for the next
// connection; other threads run meanwhile.  After a restart the server
// listens again on the same address and port, and threads waiting in
// accept() keep waiting (docs/TRANSIENT.md).
package .phantom.net;

class server
{
    var sock : .internal.net.listener;

    // Listens on every local address.  Port 0 picks a free port: port().
    void server(int port) { this.server("", port, true); }

    // host: a local address ("127.0.0.1", "::1"; "" for all).
    void server(string host, int port) { this.server(host, port, true); }

    // commit false: the connections it accepts send at once, not after
    // their state is durable (docs/TRANSIENT.md, output commit).
    void server(string host, int port, bool commit)
    {
        sock = new .internal.net.listener();
        sock.setCommit(commit);
        NetException.check(sock.listen(host, port), "listen " + host + ":" + port);
    }

    // The next connection, waiting for it (TimeoutException after
    // setTimeout's bound, if one was set).
    connection accept()
    {
        return connection.of((.internal.net.connection)NetException.check(sock.accept(), "accept"));
    }

    int port() { return sock.port(); }
    void setTimeout(int ms) { sock.setTimeout(ms); }
    void close() { sock.close(); }
};
