// .phantom.net: a TCP echo server with several clients at once (threads),
// lines, text, bytes and binaries, end of stream, timeouts, output commit
// on and off, and the errors: refused, bad address, name not found,
// address in use, closed.
import .phantom.net.server;
import .phantom.net.connection;
import .phantom.net.dns;

class handler
{
    var c : .phantom.net.connection;
    void handler(.phantom.net.connection c) { this.c = c; }
    void run()
    {
        string line = c.readLine();
        while (line != null) {
            if (line == "bytes") {
                .internal.binary b = c.read(3);
                c.write(b);
            } else {
                c.writeLine("echo: " + line);
            }
            line = c.readLine();
        }
        c.close();
    }
};

class acceptor
{
    var srv : .phantom.net.server;
    var n : int;
    void acceptor(.phantom.net.server s, int n) { srv = s; this.n = n; }
    void run()
    {
        for (int i = 0; i < n; i++)
            .internal.thread.start(new handler(srv.accept()));
    }
};

class client
{
    var port : int;
    var id : int;
    var result : string;
    void client(int port, int id) { this.port = port; this.id = id; }
    void run()
    {
        .phantom.net.connection c = .phantom.net.connection.connect("localhost", port);
        result = "";
        for (int i = 0; i < 5; i++) {
            c.writeLine("client " + id + " line " + i);
            result = result + c.readLine() + ";";
        }
        c.close();
    }
};

class net_tcp
{
    static void main()
    {
        .phantom.net.server srv = new .phantom.net.server("127.0.0.1", 0);
        println(srv.port() > 0);
        .internal.thread.start(new acceptor(srv, 5));

        // one client, every way of reading
        .phantom.net.connection c = .phantom.net.connection.connect("127.0.0.1", srv.port());
        println(c.peerHost() + " " + (c.peerPort() == srv.port()));
        c.writeLine("hello");
        println(c.readLine());
        c.write("bytes\nxyz");
        println(c.readFully(3));
        c.write(.internal.binary.fromString("bin\r\n"));
        println(c.readLine());
        c.setTimeout(200);
        try { c.readLine(); } catch (.phantom.net.TimeoutException e) { println(e.getMessage()); }
        c.setTimeout(0);
        c.shutdownOutput();
        println(c.readLine());
        c.close();
        try { c.readLine(); } catch (.phantom.net.NetException e) { println(e.getMessage()); }

        // three clients at once, in threads
        void[] clients = new void[]();
        void[] threads = new void[]();
        for (int i = 0; i < 3; i++) {
            client cl = new client(srv.port(), i);
            clients.add(cl);
            threads.add(.internal.thread.start(cl));
        }
        foreach (var t in threads) ((.internal.thread)t).join();
        foreach (var cl in clients) println(((client)cl).result);

        // output commit off
        .phantom.net.connection q = .phantom.net.connection.connect("127.0.0.1", srv.port(), 5000, false);
        q.writeLine("uncommitted");
        println(q.readLine());
        q.close();

        // errors
        try { .phantom.net.connection.connect("127.0.0.1", 1); } catch (.phantom.net.ConnectionRefusedException e) { println(e.getMessage()); }
        try { .phantom.net.connection.connect("127.0.0.1", 70000); } catch (.phantom.net.NetException e) { println(e.getMessage()); }
        try { new .phantom.net.server("300.1.2.3", 0); } catch (.phantom.net.NetException e) { println(e.getMessage()); }
        try { new .phantom.net.server("127.0.0.1", srv.port()); } catch (.phantom.net.AddressInUseException e) { println("in use: " + e.getCode()); }
        try {
            .phantom.net.connection.connect("no-such-host.invalid", 80);
        } catch (.phantom.net.NetException e) {
            println("no-such-host: " + (e instanceof .phantom.net.NameNotFoundException || e.getCode() == -13));
        }
        println(dns.lookup("127.0.0.1"));
        println(dns.lookupFirst("localhost") == "127.0.0.1" || dns.lookupFirst("localhost") == "::1");
        srv.close();
        try { srv.accept(); } catch (.phantom.net.NetException e) { println(e.getMessage()); }
    }
};
