// The standard library's map and set from a program: keys of any kind
// (null too), numbers equal across kinds, a class with its own equals
// and hashCode as a key, insertion order kept, entries, set algebra, and
// a map of sets built in a loop; also queue and stack.
import .phantom.util.*;

class point
{
    var x : int;
    var y : int;
    void point(int a, int b) { x = a; y = b; }
    bool equals(var o) { return o instanceof point && ((point)o).x == x && ((point)o).y == y; }
    int hashCode() { return x * 7 + y; }
    string toString() { return "(" + x + "," + y + ")"; }
};

class stdlib_map_set
{
    static void main()
    {
        map m = new map();
        println(m.put("ann", 31) + " " + m.put("ann", 32) + " " + m.get("ann"));
        m.put(1, "one");
        println(m.get(1.0) + " " + m.get(1L) + " " + m.containsKey(2));
        m.put(null, "nothing");
        m.put(new point(1, 2), "p");
        println(m.get(new point(1, 2)) + " " + m.get(null) + " " + m.size());
        println(m);
        println(m.getOrDefault("bob", 0) + " " + m.remove("ann") + " " + m.remove("ann") + " " + list.fromArray(m.keys()));
        try { m.getOrThrow("bob"); }
        catch (.phantom.NotFoundException e) { println(e.getMessage()); }
        foreach (x in m.entries()) {
            mapEntry e = (mapEntry)x;
            print(e.getKey() + "=" + e.getValue() + "; ");
        }
        println();

        map groups = new map();
        foreach (w in "apple avocado banana blueberry cherry apple".split(" ")) {
            string key = w.substring(0, 1);
            if (!groups.containsKey(key)) groups.put(key, new set());
            set s = (set)groups.get(key);
            s.add(w);
        }
        println(groups);

        set a = set.fromArray("a,b,c".split(","));
        set b = set.fromArray("b,c,d".split(","));
        println(a.union(b) + " " + a.intersection(b) + " " + a.difference(b));
        println(a.add("a") + " " + a.add("z") + " " + a.remove("q") + " " + a.size());
        println(a.intersection(b).isSubsetOf(a) + " " + a.isSubsetOf(b));
        set c = new set();
        c.add("c"); c.add("b"); c.add("a"); c.add("z");
        println(c.equals(a) + " " + (c == a));
        set pts = new set();
        pts.add(new point(0, 0));
        pts.add(new point(0, 0));
        pts.add(1);
        pts.add(1.0);
        println(pts + " " + pts.contains(new point(0, 0)));

        queue q = new queue();
        q.enqueue("a"); q.enqueue("b"); q.enqueue("c");
        println(q.dequeue() + " " + q.peek() + " " + q + " " + q.size());
        stack st = new stack();
        st.push(1); st.push(2); st.push(3);
        println(st.pop() + " " + st.peek() + " " + st);
        st.clear();
        try { st.pop(); }
        catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
    }
};
