// .phantom.util.set: every method.  Elements of a class with its own
// equals and hashCode are one element when equal.
import .phantom.util.set;

class color
{
    var name : string;
    void color(string n) { name = n; }
    bool equals(var o) { return o instanceof color && ((color) o).name == name; }
    int hashCode() { return name.hashCode(); }
    string toString() { return name; }
};

class set_test
{
    static void main()
    {
        set s = new set();
        println(s + " " + s.size() + " " + s.isEmpty());
        println(s.add(1) + " " + s.add(2) + " " + s.add(1) + " " + s.add(1.0) + " " + s.add(null));
        println(s + " " + s.size() + " " + s.isEmpty());
        println(s.contains(2) + " " + s.contains(2L) + " " + s.contains(3) + " " + s.contains(null));
        println(s.remove(2) + " " + s.remove(2) + " " + s.remove(null));
        println(s);

        set c = new set();
        c.add(new color("red"));
        c.add(new color("green"));
        println(c.add(new color("red")) + " " + c.size() + " " + c.contains(new color("green")));

        set a = set.fromArray("a,b,c,d,a".split(","));
        set b = set.fromArray("c,d,e".split(","));
        println(a + " " + b);
        println(a.union(b));
        println(a.intersection(b));
        println(a.difference(b) + " " + b.difference(a));
        println(a.isSubsetOf(b) + " " + a.intersection(b).isSubsetOf(b) + " " + new set().isSubsetOf(a));
        println(a + " " + b);

        set d = new set();
        d.addAll(b);
        d.addAll(a);
        println(d);
        println(d.toArray().length + " " + d.toArray()[0]);

        set e = set.fromArray("e,d,c".split(","));
        println(e.equals(b) + " " + (e == b) + " " + e.equals(a) + " " + e.equals("x"));
        println(e.hashCode() == b.hashCode());

        d.clear();
        println(d + " " + d.size() + " " + d.isEmpty());
    }
};
