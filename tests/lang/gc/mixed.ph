// Every shape at once, with garbage that points into the reference
// structure (freeing it must not free what it points at) and with the
// reference structure itself pointing at garbage for a while: nodes of
// the live ring get a field overwritten (the collector's write barrier)
// while the complete collector runs in the background.
import .phantom.util.list;

class mnode { var next; var link; var v : long; };

class mixed
{
    static void main()
    {
        var c = new gccheck("mixed", 1000);
        var ref = c.ref;
        var keep = new void[16];       // a live array whose slots are overwritten
        long made = 0;
        int round = 0;
        do {
            for (int i = 0; i < 50; i++) {
                round++;
                // a self-loop pointing into the live ring
                var a = new mnode();
                a.next = a;
                a.link = ref.all[round % 1000];
                // a ring of 20 through an array, each node pointing into the ring
                var arr = new void[]();
                var first = new mnode();
                var x = first;
                for (int k = 0; k < 20; k++) {
                    var y = new mnode();
                    y.link = ref.all[(round + k) % 1000];
                    x.next = y;
                    x = y;
                    arr.add(y);
                }
                x.next = arr;
                // a directory cycle holding a live node
                var d = new .internal.directory();
                d.put("d", d);
                d.put("live", ref.head);
                // a list cycle
                var l = new list();
                l.add(l);
                l.add(first);
                // live slots point at garbage for a while, then let go
                keep[round % 16] = first;
                made += 1 + 1 + 1 + 20 + 1 + 1;
            }
        } while (c.step(made));
        for (int k = 0; k < 16; k++)
            keep[k] = null;
        c.finish(made);
    }
};
