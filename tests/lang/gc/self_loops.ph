// Cycles of one, two and three objects, made and dropped: only the
// complete collector can free them (their counts never reach zero).
class cell { var next; var other; var v : long; };

class self_loops
{
    static void main()
    {
        var c = new gccheck("self_loops", 1000);
        long made = 0;
        do {
            for (int i = 0; i < 1000; i++) {
                var a = new cell();          // a self-loop
                a.next = a;
                a.v = i;
                var b = new cell();          // a pair
                var d = new cell();
                b.next = d;
                d.next = b;
                var x = new cell();          // a triangle, with a self-loop on the side
                var y = new cell();
                var z = new cell();
                x.next = y; y.next = z; z.next = x;
                y.other = y;
                z.other = a;                 // garbage pointing at garbage
                made += 6;
            }
        } while (c.step(made));
        c.finish(made);
    }
};
