// .phantom.net.connection: a TCP connection, read as lines, text or bytes
// and written with strings or binaries.  Made by connect() or by
// server.accept().  Failures raise .phantom.net.NetException subclasses:
// ConnectionRefusedException, ConnectionResetException, TimeoutException,
// NameNotFoundException, ConnectionLostException (open when the world was
// snapshotted, so gone after a restart).
//
// What it writes leaves only once the state that produced it is durable
// (output commit, docs/TRANSIENT.md): a peer never sees a reply whose state
// a crash could take back.  setCommit(false) before connecting, or on the
// server, sends at once instead.
package .phantom.net;

class connection
{
    var sock : .internal.net.connection;

    void connection() { sock = new .internal.net.connection(); }

    // Connects to host (a name or an address) and port, waiting as long as
    // it takes.
    static connection connect(string host, int port)
    {
        return connect(host, port, 0, true);
    }

    // timeoutMs > 0 bounds the connect and every later read (0: no bound);
    // commit false sends without waiting for durable state.
    static connection connect(string host, int port, int timeoutMs, bool commit)
    {
        connection c = new connection();
        c.sock.setTimeout(timeoutMs);
        c.sock.setCommit(commit);
        NetException.check(c.sock.connect(host, port), "connect " + host + ":" + port);
        return c;
    }

    // Wraps a connection the internal classes made (server.accept).
    static connection of(.internal.net.connection s)
    {
        connection c = new connection();
        c.sock = s;
        return c;
    }

    // The next line without its ending (\n or \r\n); null at the end of
    // the stream.  A line longer than 1 MiB raises NetException.
    string readLine() { return readLine(1048576); }

    string readLine(int max)
    {
        return (string)NetException.check(sock.readLine(max), "readLine");
    }

    // Up to max bytes, as soon as at least one came; null at the end.
    .internal.binary read(int max)
    {
        return (.internal.binary)NetException.check(sock.read(max), "read");
    }

    // The same as text.
    string readText(int max)
    {
        return (string)NetException.check(sock.readText(max), "readText");
    }

    // Exactly n bytes as text; EOFException if the stream ends first.
    string readFully(int n)
    {
        string s = "";
        while (s.byteLength() < n) {
            string part = readText(n - s.byteLength());
            if (part == null)
                throw new .phantom.EOFException("readFully: the stream ended after " + s.byteLength() + " of " + n + " bytes");
            s = s + part;
        }
        return s;
    }

    // Writes a string or binary (anything else as its text).
    void write(var data)
    {
        if (!(data instanceof string || data instanceof .internal.binary))
            data = "" + data;
        NetException.check(sock.write(data), "write");
    }

    // Writes the text of x and "\r\n".
    void writeLine(var x) { write("" + x + "\r\n"); }

    // Ends the sending side, after what was written; the peer reads the end.
    void shutdownOutput() { NetException.check(sock.shutdownOutput(), "shutdownOutput"); }

    void close() { sock.close(); }
    bool isOpen() { return sock.isOpen(); }
    string peerHost() { return sock.host(); }
    int peerPort() { return sock.port(); }
    void setTimeout(int ms) { sock.setTimeout(ms); }
};
