// Long rings (1000 nodes), doubly-linked rings, and rings with chains
// hanging off them, made and dropped whole.
class rnode { var next; var prev; var tail; var v : int; };

class rings
{
    // A ring of n nodes; every 10th node has a 3-node chain hanging off it
    // whose last node points back into the ring.  Returns one node of it.
    static rnode ring(int n, bool doubly)
    {
        var first = new rnode();
        var last = first;
        for (int i = 1; i < n; i++) {
            var x = new rnode();
            x.v = i;
            last.next = x;
            if (doubly)
                x.prev = last;
            if (i % 10 == 0) {
                var t1 = new rnode();
                var t2 = new rnode();
                var t3 = new rnode();
                x.tail = t1; t1.next = t2; t2.next = t3; t3.next = x;
            }
            last = x;
        }
        last.next = first;
        if (doubly)
            first.prev = last;
        return first;
    }

    static void main()
    {
        var c = new gccheck("rings", 1000);
        long made = 0;
        bool doubly = false;
        do {
            var r = ring(1000, doubly);
            // walk it once: it is whole
            int k = 0;
            var x = r;
            do { x = x.next; k++; } while (!(x :== r));
            if (k != 1000)
                c.fail("a ring of 1000 has " + k + " nodes");
            made += 1000 + 99 * 3;
            doubly = !doubly;
        } while (c.step(made));
        c.finish(made);
    }
};
