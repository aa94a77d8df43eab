// Cycles through arrays: an object and the .internal.container.array that
// holds it, an array that holds itself, arrays of arrays in a ring, and
// the library's list (.phantom.util.list) holding objects that point back
// at it.
import .phantom.util.list;

class holder { var items; var me; };

class arrays
{
    static void main()
    {
        var c = new gccheck("arrays", 1000);
        long made = 0;
        do {
            for (int i = 0; i < 100; i++) {
                // node -> array -> node
                var h = new holder();
                var a = new void[]();
                a.add(h);
                a.add(h);
                h.items = a;
                // an array holding itself
                var s = new void[]();
                s.add(s);
                // a ring of arrays
                var a1 = new void[]();
                var a2 = new void[]();
                var a3 = new void[]();
                a1[0] = a2; a2[0] = a3; a3[0] = a1;
                a2[5] = h;                       // grown past the end
                // the library list: its elements point back at it
                var l = new list();
                for (int k = 0; k < 8; k++) {
                    var e = new holder();
                    e.items = l;
                    l.add(e);
                }
                l.add(l);
                // a typed array of objects pointing at the array
                var t = new holder[4];
                for (int k = 0; k < 4; k++) {
                    t[k] = new holder();
                    t[k].items = t;
                    t[k].me = t[k];
                }
                made += 2 + 1 + 3 + 1 + 8 + 1 + 4;
            }
        } while (c.step(made));
        c.finish(made);
    }
};
