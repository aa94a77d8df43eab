// Inheritance, edge cases: super.m() up a three-level chain; a parent's
// method calling one its subclass overrides; a field of the same name in
// a subclass is another field (this.x and super.x); toString and equals
// overridden in a parent serve subclasses; an inherited static; a method
// of the parent called on a subclass object through an interface.
interface describable { string describe(); };

class base implements describable
{
    var x : int = 1;
    static int created;
    base() { created++; }
    string name() { return "base"; }
    string describe() { return "I am " + name() + " with x=" + x; }
    string chain() { return "base"; }
    string toString() { return "<" + name() + ">"; }
    bool equals(var o) { return o instanceof base && ((base)o).name() == name(); }
    int hashCode() { return name().hashCode(); }
};

class middle extends base
{
    var x : int = 2;
    string name() { return "middle"; }
    string chain() { return super.chain() + ">middle"; }
    int both() { return this.x * 10 + super.x; }
};

class leaf extends middle
{
    string name() { return "leaf"; }
    string chain() { return super.chain() + ">leaf"; }
    int parentX() { return super.x; }
};

class inheritance_edge
{
    static void main()
    {
        var l = new leaf();
        println(l.chain());
        println(l.describe());
        println(l.both() + " " + l.parentX() + " " + l.x);
        base b = l;
        println(b.x + " " + ((middle)b).x);
        println(l + " " + new middle() + " " + new base());
        println((l == new leaf()) + " " + (l == new middle()) + " " + l.equals(new leaf()));
        println(base.created + " " + leaf.created);
        describable d = new middle();
        println(d.describe());
        println(l.hashCode() == "leaf".hashCode());
    }
};
