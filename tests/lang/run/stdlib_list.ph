// The standard library's list, from a program: values of any kind, a
// class's own equals, compareTo and toString honoured (unlike native
// arrays), sorting naturally and with a comparator, iterators, slices,
// and the exceptions it raises.  Elements come back as .internal.object:
// cast them, or put them in an untyped variable, to compute with them.
import .phantom.util.*;

class version
{
    var major : int;
    var minor : int;
    void version(int a, int b) { major = a; minor = b; }
    bool equals(var o) { return o instanceof version && ((version)o).major == major && ((version)o).minor == minor; }
    int hashCode() { return major * 31 + minor; }
    int compareTo(var o) { version v = (version)o; return major != v.major ? major - v.major : minor - v.minor; }
    string toString() { return major + "." + minor; }
};

class byLength implements comparator
{
    int compare(var a, var b) { return a.length() - b.length(); }
};

class stdlib_list
{
    static void main()
    {
        list l = new list();
        l.add(3); l.add(1); l.add("x");
        println(l + " " + l.size());
        println(l.set(2, 2) + " " + l);
        l.insert(0, 9);
        println(l.removeAt(0) + " " + l.remove(1) + " " + l.remove(42) + " " + l);
        println(l.indexOf(2) + " " + l.indexOf(2.0) + " " + l.contains(3L));
        int first = (int)l.get(0);
        var second;
        second = l.get(1);
        println(first * 10 + second);

        list vs = new list();
        vs.add(new version(1, 10));
        vs.add(new version(1, 2));
        vs.add(new version(0, 9));
        println(vs.contains(new version(1, 2)) + " " + vs.indexOf(new version(0, 9)));
        vs.sort();
        println(vs + " first " + vs.first() + " last " + vs.last());

        list words = list.fromArray("pear,fig,banana,kiwi".split(","));
        words.sort(new byLength());
        println(words.join(" "));
        words.reverse();
        println(words + " " + words.slice(1, 3));

        iterator it = words.iterator();
        int n = 0;
        while (it.hasNext()) { var w; w = it.next(); n += w.length(); }
        println(n);
        foreach (x in words.toArray()) print(x + ";");
        println();

        list copy = new list();
        copy.addAll(words);
        println(copy.equals(words) + " " + (copy == words) + " " + (copy :== words));
        copy.clear();
        println(copy.isEmpty() + " " + copy);
        try { copy.first(); }
        catch (.phantom.NoSuchElementException e) { println("empty: " + e.getMessage()); }
        try { words.get(4); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { it.next(); }
        catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
    }
};
