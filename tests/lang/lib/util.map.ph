// .phantom.util.map and .phantom.util.mapEntry: every method.  Keys of a
// class with its own equals and hashCode find their entries by value; a
// class with a poor hashCode still works (its keys share buckets).
import .phantom.util.map;
import .phantom.util.mapEntry;

class key
{
    var name : string;
    void key(string n) { name = n; }
    bool equals(var o) { return o instanceof key && ((key) o).name == name; }
    int hashCode() { return name.length(); }     // poor on purpose: many collisions
    string toString() { return "key:" + name; }
};

// A key whose equals cannot take null and whose hash is null's (0): the
// map must never ask it about a null key.
class strict
{
    var v : int;
    void strict(int n) { v = n; }
    bool equals(var o) { return ((strict) o).v == v; }
    int hashCode() { return 0; }
};

class map_test
{
    static void main()
    {
        map m = new map();
        println(m + " " + m.size() + " " + m.isEmpty());
        println(m.put("a", 1));
        println(m.put("b", 2));
        println(m.put("a", 10));
        println(m + " " + m.size() + " " + m.isEmpty());

        // get, getOrDefault, getOrThrow
        println(m.get("a") + " " + m.get("zzz"));
        println(m.getOrDefault("b", 0) + " " + m.getOrDefault("zzz", 0));
        println(m.getOrThrow("b"));
        try { m.getOrThrow("zzz"); } catch (.phantom.NotFoundException e) { println(e); }

        // numbers are keys by value: 1, 1L and 1.0 are one key
        m.put(1, "one");
        println(m.get(1L) + " " + m.get(1.0) + " " + m.containsKey(2));

        // null as key and as value
        m.put(null, "nothing");
        m.put("n", null);
        println(m.get(null) + " " + m.containsKey(null) + " " + m.containsKey("n") + " " + m.get("n"));

        // containsKey, containsValue
        println(m.containsKey("a") + " " + m.containsKey("A") + " " + m.containsValue(10) + " " +
                m.containsValue(99) + " " + m.containsValue(null));

        // keys, values, entries: in insertion order
        println(m.keys());
        println(m.values());
        foreach (x in m.entries()) {
            mapEntry e = x;
            print(e.getKey() + "=" + e.getValue() + " ");
        }
        println();
        println(m.entries()[0]);

        // remove
        println(m.remove("b") + " " + m.remove("b") + " " + m.size());
        println(m.remove(null) + " " + m.containsKey(null));
        println(m);

        // keys with their own equals and hashCode
        map k = new map();
        for (int i = 0; i < 200; i++)
            k.put(new key("k" + i), i);
        println(k.size() + " " + k.get(new key("k150")) + " " + k.containsKey(new key("k200")));
        for (int i = 0; i < 200; i += 2)
            k.remove(new key("k" + i));
        println(k.size() + " " + k.get(new key("k150")) + " " + k.get(new key("k151")));
        int sum = 0;
        foreach (v in k.values()) sum += v;
        println(sum);
        println(k.keys()[0] + " " + k.keys()[99]);

        // many entries: growth keeps everything
        map big = new map();
        for (int i = 0; i < 5000; i++)
            big.put(i, i * i);
        bool ok = true;
        for (int i = 0; i < 5000; i++)
            if (big.get(i) != i * i)
                ok = false;
        println(big.size() + " " + ok);

        // putAll, clear
        map c = new map();
        c.put("x", 1);
        c.putAll(m);
        println(c);
        c.clear();
        println(c + " " + c.size() + " " + c.get("x"));
        c.put("again", true);
        println(c);

        // the map compares a stored key with null without calling its equals
        map s = new map();
        s.put(new strict(1), "one");
        println(s.get(null) + " " + s.get(new strict(1)) + " " + s.remove(null) + " " + s.size());
        s.put(null, "nothing");
        println(s.get(null) + " " + s.remove(new strict(2)) + " " + s.remove(null) + " " + s.size());
    }
};
