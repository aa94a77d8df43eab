// The world of tests/crash/orig_restart.c: the original API's restart
// rows (docs/TRANSIENT.md), plus a write that waits for room.  Arguments:
// HTTP_PORT (the test's server, which holds requests back), UDP_PORT (an
// .internal.udp bound there), CONN_PORT (an .internal.connection "udp:"
// bound there), SINK_PORT (the test's listener that never reads).
// Threads, each printing what it got:
//   udp   .internal.udp.recvFrom in a loop         "udp: TEXT"
//   curl  .internal.tcp.curl GET /curl             "curl: BODY"
//   url   .internal.connection url: block(null,0)  "url: BODY"
//   http  .internal.http.get GET /http              "http: BODY"
//   sink  .phantom.net.connection writes 64 KiB at a time until the peer's
//         window is full ("wrote N"), then waits for room; after a restart
//         that write ends with ConnectionLostException ("sink: lost at restart")
// main binds the sockets first, then prints "ready".
import .phantom.net.connection;

class udpReader
{
    var u : .internal.udp;
    var port : int;
    void udpReader(.internal.udp u, int port) { this.u = u; this.port = port; }
    void run()
    {
        while (true)
            println("udp: " + u.recvFrom(port));
    }
};

class curlGetter
{
    var url : string;
    void curlGetter(string url) { this.url = url; }
    void run()
    {
        .internal.tcp t = new .internal.tcp();
        println("curl: " + t.curl(url, ""));
    }
};

class httpGetter
{
    var url : string;
    void httpGetter(string url) { this.url = url; }
    void run()
    {
        .internal.http h = new .internal.http();
        println("http: " + h.get(url));
    }
};

class urlGetter
{
    var c : .internal.connection;
    void urlGetter(.internal.connection c) { this.c = c; }
    void run()
    {
        println("url: " + c.block(null, 0));
    }
};

class sinkWriter
{
    var port : int;
    void sinkWriter(int port) { this.port = port; }
    void run()
    {
        connection c = connection.connect("127.0.0.1", port, 0, false);
        string chunk = "x";
        while (chunk.length() < 65536)
            chunk = chunk + chunk;
        int n = 0;
        try {
            while (true) {
                c.write(chunk);
                n = n + 1;
                println("wrote " + n);
            }
        } catch (.phantom.net.ConnectionLostException e) {
            println("sink: lost at restart");
        }
    }
};

class original
{
    static var udpSock : .internal.udp;
    static var link : .internal.connection;
    static var urlLink : .internal.connection;

    static void main(string[] args)
    {
        string base = "http://127.0.0.1:" + args[0];
        int udpPort = args[1].toInt();
        udpSock = new .internal.udp();
        println("udp bind " + udpSock.bind(udpPort));
        link = new .internal.connection();
        println("link " + link.connect("udp:") + " " + link.block(args[2].toInt(), 16));
        urlLink = new .internal.connection();
        println("url link " + urlLink.connect("url:" + base + "/url"));
        .internal.thread.start(new udpReader(udpSock, udpPort));
        .internal.thread.start(new curlGetter(base + "/curl"));
        .internal.thread.start(new urlGetter(urlLink));
        .internal.thread.start(new httpGetter(base + "/http"));
        .internal.thread.start(new sinkWriter(args[3].toInt()));
        println("ready");
        while (true)
            .internal.thread.sleep(1000);
    }
};
