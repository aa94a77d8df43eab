// Cycles through directories: a .internal.directory holding itself, an
// object and the directory that names it, directories naming each other,
// and the library's map (.phantom.util.map) with values and keys that
// point back at it.  Each put into the map counts as one allocation (its
// entry object).
import .phantom.util.map;

class entry { var owner; var v : int; };

class directories
{
    static void main()
    {
        var c = new gccheck("directories", 1000);
        long made = 0;
        do {
            for (int i = 0; i < 100; i++) {
                var d = new .internal.directory();
                d.put("self", d);
                var e = new entry();
                e.owner = d;
                d.put("e", e);
                var d2 = new .internal.directory();
                d2.put("up", d);
                d.put("down", d2);
                made += 3;
                if (i % 4 != 0)
                    continue;
                // every 4th time, the library map: values point at the map,
                // an object key too (each put counts its entry object)
                var m = new map();
                for (int k = 0; k < 4; k++) {
                    var v = new entry();
                    v.owner = m;
                    v.v = k;
                    m.put(k, v);
                }
                var key = new entry();
                key.owner = m;
                m.put(key, d);
                m.put("me", m);
                made += 1 + 4 + 1 + 6;
            }
        } while (c.step(made));
        c.finish(made);
    }
};
