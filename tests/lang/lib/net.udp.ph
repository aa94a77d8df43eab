// .phantom.net.udp: datagrams both ways between two sockets on 127.0.0.1,
// text and binary, the sender's address, a receive timeout, output commit
// off, and the errors (bad address, closed).
import .phantom.net.udp;
import .phantom.net.datagram;

class net_udp
{
    static void main()
    {
        udp a = new udp();
        udp b = new udp("127.0.0.1", 0, false);
        println(a.port() > 0 && b.port() > 0 && a.port() != b.port());
        a.sendTo("127.0.0.1", b.port(), "ping");
        datagram d = b.receive(100);
        println(d.text() + " from " + d.host + " " + (d.port == a.port()));
        b.sendTo(d.host, d.port, .internal.binary.fromString("pong"));
        d = a.receive(2);
        println(d.data + " " + d.text());
        for (int i = 0; i < 3; i++)
            a.sendTo("127.0.0.1", b.port(), "n" + i);
        for (int i = 0; i < 3; i++)
            println(b.receive(100).text());
        b.setTimeout(100);
        try { b.receive(100); } catch (.phantom.net.TimeoutException e) { println(e.getMessage()); }
        try { a.sendTo("not an address", 9, "x"); } catch (.phantom.net.NetException e) { println(e.getMessage()); }
        a.close();
        try { a.sendTo("127.0.0.1", b.port(), "x"); } catch (.phantom.net.NetException e) { println("closed: " + e.getCode()); }
        b.close();
    }
};
