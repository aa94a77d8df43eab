// .phantom.util.list: every method, with the errors they raise.  Elements
// of a class with its own equals/hashCode/toString/compareTo are compared,
// hashed, shown and ordered by those.
import .phantom.util.list;
import .phantom.util.comparator;
import .phantom.util.iterator;

class point
{
    var x : int;
    var y : int;
    void point(int a, int b) { x = a; y = b; }
    bool equals(var o) { return o instanceof point && ((point) o).x == x && ((point) o).y == y; }
    int hashCode() { return x * 31 + y; }
    string toString() { return "(" + x + "," + y + ")"; }
    int compareTo(var o) { return x - ((point) o).x; }
};

class byLength implements comparator
{
    int compare(var a, var b) { return a.length() - b.length(); }
};

class descending implements comparator
{
    int compare(var a, var b) { return b - a; }
};

class list_test
{
    static void main()
    {
        list l = new list();
        println(l + " size " + l.size() + " empty " + l.isEmpty());
        l.add(10);
        l.add("two");
        l.add(null);
        l.add(new point(1, 2));
        println(l + " size " + l.size() + " empty " + l.isEmpty());

        // get / set
        println(l.get(0));
        println(l.set(1, "TWO"));
        println(l.get(1));
        try { l.get(4); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { l.get(-1); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { l.set(4, 0); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { l.set(-1, 0); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }

        // indexOf / lastIndexOf / contains use equals
        l.add(new point(1, 2));
        println(l.indexOf(new point(1, 2)) + " " + l.lastIndexOf(new point(1, 2)));
        println(l.indexOf(null) + " " + l.indexOf(10.0) + " " + l.indexOf("nope"));
        println(l.contains(new point(1, 2)) + " " + l.contains(new point(2, 1)) + " " + l.contains(null));
        println(l.lastIndexOf("nope"));

        // insert / removeAt / remove
        l.insert(0, "first");
        l.insert(l.size(), "last");
        println(l);
        try { l.insert(99, 0); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        println(l.removeAt(0));
        try { l.removeAt(99); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        println(l.remove(new point(1, 2)) + " " + l.remove("absent"));
        println(l);

        // first / last
        println(l.first() + " " + l.last());

        // addAll (itself too), slice, toArray, reverse
        list m = new list();
        m.add(1);
        m.add(2);
        m.addAll(m);
        println(m);
        println(m.slice(1, 3));
        try { m.slice(3, 1); } catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        var a = m.toArray();
        a[0] = 99;
        println(a + " " + m);
        m.reverse();
        println(m);
        println(list.fromArray("c,a,b".split(",")));

        // join, toString, equals, hashCode
        println(l.join(" | "));
        list p = list.fromArray(m.toArray());
        println(p.equals(m) + " " + (p == m) + " " + (p :== m) + " " + p.equals("x"));
        println(p.hashCode() == m.hashCode());
        p.add(3);
        println(p.equals(m) + " " + (p != m));

        // sort: natural order, stable with a comparator, descending
        list n = list.fromArray("5,3,9,1,3,7".split(","));
        list nums = new list();
        foreach (s in n.toArray()) nums.add(s.toInt());
        nums.sort();
        println(nums);
        nums.sort(new descending());
        println(nums);
        list words = list.fromArray("pear,fig,apple,kiwi,date,banana,yam".split(","));
        words.sort(new byLength());
        println(words);
        words.sort();
        println(words);
        list pts = new list();
        pts.add(new point(3, 0));
        pts.add(new point(1, 0));
        pts.add(new point(2, 0));
        pts.add(new point(1, 1));
        pts.sort();
        println(pts);
        list mixed = new list();
        mixed.add(1);
        mixed.add("x");
        try { mixed.sort(); } catch (.phantom.TypeException e) { println("TypeException"); }
        mixed.set(1, null);
        try { mixed.sort(); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        list big = new list();
        for (int i = 0; i < 1000; i++) big.add((i * 7919) % 1000);
        big.sort();
        bool ordered = true;
        for (int i = 0; i < 1000; i++) if (big.get(i) != i) ordered = false;
        println("sorted 1000: " + ordered);

        // iterator
        iterator it = words.iterator();
        while (it.hasNext()) print(it.next() + " ");
        println();
        try { it.next(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }

        // clear, and the empty list's errors
        l.clear();
        println(l + " " + l.size() + " " + l.isEmpty());
        try { l.first(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        try { l.last(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        l.sort();
        println(l.join(","));

        // an untyped variable takes what get returns
        var x;
        x = nums.get(0);
        println(x + 1);
        int y = (int) nums.get(1);
        println(y * 2);
    }
};
