// Cycles held only in threads' locals: threads build rings and pairs in
// local variables and end, leaving them (and themselves: a thread object
// is freed only by the complete collector) as garbage.  Some threads
// point at their own thread object from a cycle.  One long-lived thread
// keeps a cycle in its locals across collections and checks it is whole.
class tnode { var next; var owner; var v : int; };

class builder
{
    var made : long;
    var rounds : int;
    var last : tnode;

    void builder(int r) { rounds = r; }

    void run()
    {
        for (int r = 0; r < rounds; r++) {
            var first = new tnode();
            var x = first;
            for (int i = 1; i < 50; i++) {
                var y = new tnode();
                y.v = i;
                x.next = y;
                x = y;
            }
            x.next = first;
            // ring -> thread -> this builder (its target) -> ring
            first.owner = .internal.thread.current();
            last = first;
            var p = new tnode();
            var q = new tnode();
            p.next = q; q.next = p;
            made += 52;
        }
    }
};

// Keeps a ring in its locals while the main thread collects, then checks it.
class keeper
{
    var ok : bool;
    var ready : bool;
    var go : bool;

    void run()
    {
        var first = new tnode();
        var x = first;
        for (int i = 1; i < 100; i++) {
            var y = new tnode();
            y.v = i;
            x.next = y;
            x = y;
        }
        x.next = first;
        x = null;
        ready = true;
        while (!go)
            .internal.thread.sleep(1);
        int n = 0;
        long sum = 0;
        var z = first;
        do { sum += z.v; z = z.next; n++; } while (!(z :== first) && n < 1000);
        ok = n == 100 && sum == 4950;
    }
};

class threads
{
    static void main()
    {
        var c = new gccheck("threads", 1000);
        var k = new keeper();
        var kt = .internal.thread.start(k);
        while (!k.ready)
            .internal.thread.sleep(1);
        long made = 0;
        do {
            var batch = new void[]();
            var workers = new void[]();
            for (int i = 0; i < 4; i++) {
                var b = new builder(40);
                workers.add(b);
                batch.add(.internal.thread.start(b));
            }
            foreach (t in batch) t.join();
            foreach (b in workers) made += b.made + 2;     // the builder and its thread
            batch = null;
            workers = null;
            made += 2;
        } while (c.step(made));
        k.go = true;
        kt.join();
        if (!k.ok)
            c.fail("the ring in a sleeping thread's locals was damaged by a collection");
        else
            println("threads: the ring in a sleeping thread's locals survived");
        c.finish(made);
    }
};
