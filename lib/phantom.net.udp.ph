// .phantom.net.udp: a UDP socket.  Datagrams sent leave once the state
// that produced them is durable (output commit; udp(host, port, false)
// sends at once); after a restart it is bound again to the same address
// and port.
package .phantom.net;

class udp
{
    var sock : .internal.net.udp;

    // On 127.0.0.1, a free port (port()).
    void udp() { this.udp("127.0.0.1", 0, true); }
    void udp(int port) { this.udp("", port, true); }
    void udp(string host, int port) { this.udp(host, port, true); }

    void udp(string host, int port, bool commit)
    {
        sock = new .internal.net.udp();
        sock.setCommit(commit);
        NetException.check(sock.bind(host, port), "bind " + host + ":" + port);
    }

    // Sends data (a string or binary) to a numeric address (dns.lookup
    // turns names into addresses).
    void sendTo(string host, int port, var data)
    {
        NetException.check(sock.sendTo(host, port, data), "sendTo " + host + ":" + port);
    }

    // The next datagram (at most max bytes kept), waiting for it.
    datagram receive(int max)
    {
        void[] r = (void[])NetException.check(sock.recvFrom(max), "receive");
        return new datagram((.internal.binary)r[0], (string)r[1], (int)r[2]);
    }

    int port() { return sock.port(); }
    void setTimeout(int ms) { sock.setTimeout(ms); }
    void close() { sock.close(); }
};
