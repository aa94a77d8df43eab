// .phantom.net.http: a server with routes (parameters, a trailing *, 404,
// 405, HEAD, a handler that throws, a streamed chunked reply), keep-alive
// and pipelining, chunked and sized request bodies, Expect: 100-continue,
// malformed and oversized requests (400, 413, 414, 431, 501) after which
// the server still serves; the client (static and keep-alive, GET, POST,
// headers, chunked replies, timeouts, refused, bad URLs).
import .phantom.net.http.*;
import .phantom.net.connection;

class hello implements handler
{
    void handle(request req, response res) { res.send("hello " + req.param("name") + "\n"); }
};

class echo implements handler
{
    void handle(request req, response res)
    {
        res.setHeader("X-Length", "" + req.body.byteLength());
        res.setHeader("X-Query", "" + req.query("q"));
        res.send(req.method + " " + req.body);
    }
};

class rest implements handler
{
    void handle(request req, response res) { res.send("rest=" + req.param("*")); }
};

class stream implements handler
{
    void handle(request req, response res)
    {
        res.setHeader("Content-Type", "text/csv");
        for (int i = 0; i < 3; i++)
            res.write("row " + i + "\n");
    }
};

class thrower implements handler
{
    void handle(request req, response res) { throw new .phantom.ArgumentException("boom"); }
};

class refuser implements handler
{
    void handle(request req, response res) { throw new HttpException("no such item", 409); }
};

class slow implements handler
{
    void handle(request req, response res) { .internal.thread.sleep(1500); res.send("late"); }
};

class net_http
{
    // Sends text as it is, ends the sending side, and returns every byte
    // the server sent until it closed.
    static string raw(int port, string text)
    {
        connection c = connection.connect("127.0.0.1", port);
        c.write(text);
        c.shutdownOutput();
        string all = "";
        string part = c.readText(65536);
        while (part != null) {
            all = all + part;
            part = c.readText(65536);
        }
        c.close();
        return all;
    }

    // The status line of what raw() got.
    static string status(int port, string text)
    {
        string all = raw(port, text);
        int end = all.indexOf("\r\n");
        return end < 0 ? "(nothing: " + all + ")" : all.substring(0, end);
    }

    static void main()
    {
        server srv = new server("127.0.0.1", 0);
        srv.get("/hello/:name", new hello());
        srv.route("*", "/echo", new echo());
        srv.get("/files/*", new rest());
        srv.get("/stream", new stream());
        srv.get("/throw", new thrower());
        srv.get("/refuse", new refuser());
        srv.get("/slow", new slow());
        srv.setLimits(1024, 10, 100);
        srv.start();
        int port = srv.port();
        string base = "http://127.0.0.1:" + port;

        println("-- client, one connection each");
        reply r = client.get(base + "/hello/w%C3%B6rld");
        println(r + " | " + r.header("content-type") + " | " + r.header("Content-Length") + " | " + r.body);
        r = client.post(base + "/echo?q=a+b%21", "payload", "text/plain");
        println(r.status + " " + r.body + " len=" + r.header("x-length") + " q=" + r.header("x-query"));
        r = client.get(base + "/files/a/b/c.txt");
        println(r.status + " " + r.body);
        r = client.get(base + "/files/");
        println(r.status + " " + r.body);
        r = client.get(base + "/stream");
        println(r.status + " " + r.header("transfer-encoding") + " " + r.header("content-type") + " [" + r.body + "]");
        r = client.get(base + "/nowhere");
        println(r.status + " " + r.reason + " " + r.body);
        r = client.request("DELETE", base + "/hello/x", null, null, 0);
        println(r.status + " " + r.reason + " allow=" + r.header("allow"));
        r = client.request("HEAD", base + "/hello/x", null, null, 0);
        println(r.status + " length=" + r.header("content-length") + " body=[" + r.body + "]");
        r = client.get(base + "/throw");
        println(r.status + " " + r.body);
        r = client.get(base + "/refuse");
        println(r.status + " " + r.body);

        println("-- client, keep-alive");
        client kept = new client("127.0.0.1", port, 5000);
        .internal.directory h = new .internal.directory();
        h.put("X-Custom", "1");
        for (int i = 0; i < 3; i++) {
            r = kept.send("PUT", "/echo?q=" + i, h, "body " + i);
            println(r.status + " " + r.body + " q=" + r.header("x-query"));
        }
        r = kept.send("GET", "/echo", null, null);
        println(r.status + " [" + r.body + "] " + (srv.connections() >= 1));
        kept.close();

        println("-- raw: keep-alive, pipelining, chunked request, 100-continue");
        string two = raw(port, "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: t\r\n\r\n");
        print(two.replace("\r\n", "|\n"));
        println();
        print(raw(port, "PUT /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").replace("\r\n", "|\n"));
        println();
        print(raw(port, "GET /hello/old HTTP/1.0\r\n\r\nGET /hello/never HTTP/1.0\r\n\r\n").replace("\r\n", "|\n"));
        println();

        println("-- raw: malformed and oversized requests");
        println(status(port, "GARBAGE\r\n\r\n"));
        println(status(port, "GET /hello/a HTTP/2.0\r\n\r\n"));
        println(status(port, "GET hello HTTP/1.1\r\n\r\n"));
        println(status(port, "GET /hello/a HTTP/1.1\r\nNo colon here\r\n\r\n"));
        println(status(port, "GET /hello/a HTTP/1.1\r\nBad name: x\r\n\r\n"));
        println(status(port, "GET /hello/a HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"));
        println(status(port, "GET /hello/a HTTP/1.1\r\nHost: x\r\n"));
        println(status(port, "GET /hello/%zz HTTP/1.1\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort"));
        println(status(port, "POST /echo HTTP/1.1\r\nContent-Length: 101\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + "x".replace("x", "0123456789012345678901234567890123456789012345678901234567890123") + "\r\n40\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffff\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"));
        println(status(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"));
        println(status(port, "PUT /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 500\r\n\r\n"));
        string many = "GET /hello/a HTTP/1.1\r\n";
        for (int i = 0; i < 11; i++)
            many = many + "X-" + i + ": v\r\n";
        println(status(port, many + "\r\n"));
        string longField = "GET /hello/a HTTP/1.1\r\nX-Long: ";
        for (int i = 0; i < 20; i++)
            longField = longField + "0123456789012345678901234567890123456789012345678901234567890123";
        println(status(port, longField + "\r\n\r\n"));
        string longLine = "GET /hello/";
        for (int i = 0; i < 20; i++)
            longLine = longLine + "0123456789012345678901234567890123456789012345678901234567890123";
        println(status(port, longLine + " HTTP/1.1\r\n\r\n"));
        println(status(port, "\r\n\r\nGET /hello/after-blank-lines HTTP/1.1\r\nConnection: close\r\n\r\n"));
        println("still serving: " + client.get(base + "/hello/again").body.trim());

        println("-- client errors");
        try { client.get(base + "/slow", 300); } catch (.phantom.net.TimeoutException e) { println("timeout: " + e.getMessage()); }
        try { client.get("http://127.0.0.1:1/"); } catch (.phantom.net.ConnectionRefusedException e) { println("refused: " + e.getMessage()); }
        try { client.get("https://127.0.0.1/"); } catch (HttpException e) { println(e.getStatus() + " " + e.getMessage()); }
        try { client.get("http://:80/"); } catch (HttpException e) { println(e.getStatus() + " " + e.getMessage()); }
        try { client.get("http://127.0.0.1:port/"); } catch (HttpException e) { println(e.getStatus() + " " + e.getMessage()); }
        try { client.get("http://no-such-host.invalid/"); } catch (.phantom.net.NetException e) { println("no such host: " + (e instanceof .phantom.net.NameNotFoundException || e.getCode() == -13)); }
        srv.close();
        try { client.get(base + "/hello/closed"); } catch (.phantom.net.ConnectionRefusedException e) { println("closed: refused"); }
    }
};
