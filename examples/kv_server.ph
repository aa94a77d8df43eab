// kv_server.ph - an HTTP key-value service whose data are plain variables
// of a persistent world.
//
//   phantom run examples/kv_server.ph -- [PORT] [nocommit]     (PORT 8080)
//   phantom boot                   after a crash, kill -9 or a power cut
//
//   PUT  /kv/KEY        stores the request body under KEY      -> 200 ok
//   GET  /kv/KEY        the value                              -> 200 VALUE, 404 if absent
//   GET  /kv            the number of keys                     -> 200 N
//   POST /kv/KEY/incr   adds one to an integer value (absent: 0) -> 200 NEW VALUE
//                       (400 if the value is not an integer)
//
// Nothing saves anything: the map lives in the world, and the world resumes
// from its last snapshot, still listening on PORT.  Every reply leaves only
// once the snapshot holding the state behind it is durable (output commit),
// so a client that got "ok" or a count can rely on it surviving any crash.
// "nocommit" turns that off (replies leave at once; a crash may then take
// back what a client was told): for comparison, docs/TRANSIENT.md.
import .phantom.net.http.*;

class store
{
    // key -> value (a string); guarded by its own monitor, since every
    // connection is served on a thread of its own
    static var values : .internal.directory;
};

class putValue implements handler
{
    void handle(request req, response res)
    {
        synchronized (store.values) { store.values.put(req.param("key"), req.body); }
        res.send("ok");
    }
};

class getValue implements handler
{
    void handle(request req, response res)
    {
        var value;
        synchronized (store.values) { value = store.values.get(req.param("key")); }
        if (value == null)
            res.send(404, "no such key\n");
        else
            res.send(value);
    }
};

class countKeys implements handler
{
    void handle(request req, response res)
    {
        int n;
        synchronized (store.values) { n = store.values.size(); }
        res.send("" + n);
    }
};

class increment implements handler
{
    void handle(request req, response res)
    {
        string key = req.param("key");
        long next;
        synchronized (store.values) {
            var value = store.values.get(key);
            next = 1;
            if (value != null) {
                try {
                    next = ((string)value).toLong() + 1;
                } catch (.phantom.ArgumentException e) {
                    throw new HttpException("the value of " + key + " is not an integer", 400);
                }
            }
            store.values.put(key, "" + next);
        }
        res.send("" + next);
    }
};

class kv_server
{
    static void main(string[] args)
    {
        int port = args.length > 0 ? args[0].toInt() : 8080;
        bool commit = !(args.length > 1 && args[1] == "nocommit");
        store.values = new .internal.directory();
        server srv = new server("", port, commit);
        srv.put("/kv/:key", new putValue());
        srv.get("/kv/:key", new getValue());
        srv.get("/kv", new countKeys());
        srv.post("/kv/:key/incr", new increment());
        println("kv_server listening on port " + srv.port() + (commit ? "" : " (output commit off)"));
        srv.serve();
    }
};
