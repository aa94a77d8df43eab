// The original Phantom's network classes: .internal.tcp.curl [24],
// .internal.udp (bind [16], recvFrom [23], sendTo [25]) and
// .internal.connection's udp: and url: back ends, .internal.net.resolve [16]
// and .internal.http.get [16] (stubs in the original), against a small HTTP
// server written with .phantom.net on 127.0.0.1.
import .phantom.net.server;
import .phantom.net.connection;

class http_server
{
    var srv : server;
    void http_server(server s) { srv = s; }
    void run()
    {
        while (true) {
            connection c = srv.accept();
            string request = c.readLine();
            string h = c.readLine();
            string agent = "";
            while (h != null && h != "") {
                if (h.startsWith("X-Test:"))
                    agent = h;
                h = c.readLine();
            }
            c.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + request + "|" + agent);
            c.close();
        }
    }
};

class net_original
{
    static void main()
    {
        server srv = new server("127.0.0.1", 0);
        .internal.thread.startDaemon(new http_server(srv));
        string base = "http://127.0.0.1:" + srv.port();

        .internal.tcp tcp = new .internal.tcp();
        println(tcp.toString());
        println(tcp.curl(base + "/hello?x=1", "X-Test: yes\r\n"));
        println("[" + tcp.curl("http://127.0.0.1:1/", "") + "]");        // refused: ""
        println("[" + tcp.curl("ftp://example/", "") + "]");             // not http: ""
        println("[" + tcp.curl("http://127.0.0.1", "") + "]");           // no path: ""
        string longUrl = "http://x/";
        for (int i = 0; i < 1100; i++)
            longUrl = longUrl + "a";
        try { tcp.curl(longUrl, ""); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        .internal.connection url = new .internal.connection();
        println(url.connect(base + "/by-url"));
        println(url.connect("url:" + base + "/by-url"));
        println(url.block(null, 0));
        println("[" + url.block(null, 1) + "]");
        println(url.invoke(0, 0));
        println(url.toString());
        println(url.disconnect());
        println(url.disconnect());

        .internal.udp a = new .internal.udp();
        .internal.udp b = new .internal.udp();
        println(b.bind(0));
        int port = b.port();
        a.sendTo(port, "by port");
        println(b.recvFrom(port));
        a.sendTo("127.0.0.1:" + port, "by host:port");
        println(b.recvFrom(port));
        println(a.sendTo("nonsense", "x"));
        .internal.connection u = new .internal.connection();
        println(u.connect("udp:"));
        println(u.block(0, 16));
        println(u.block(0, 16));
        println(u.block(0, 0));
        println(u.disconnect());

        .internal.net net = new .internal.net();
        println(net.toString());
        println(net.resolve("127.0.0.1"));
        println(net.resolve("name.invalid") < 0);                        // not found: a code
        .internal.http http = new .internal.http();
        println(http.toString());
        println(http.get(base + "/by-http"));
        println("[" + http.get("http://127.0.0.1:1/") + "]");           // refused: ""
    }
};
