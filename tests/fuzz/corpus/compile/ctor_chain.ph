// Constructor chains across three classes: each runs its parent's
// constructor first (implicitly the one without arguments, or explicitly
// super.Parent(...)); field initialisers run at the start of each
// constructor, after the parent's.
class base
{
    var log : string = "base-init";
    void base() { log += " base()"; println("base()"); }
};

class middle extends base
{
    var m = 10;
    void middle() { log += " middle()"; println("middle() m=" + m); }
    void middle(int v) { super.base(); m = v; log += " middle(v)"; println("middle(" + v + ")"); }
};

class leaf extends middle
{
    var extra : string = "x";
    leaf() { log += " leaf()"; println("leaf() extra=" + extra); }
    leaf(int v) { super.middle(v * 2); log += " leaf(v)"; println("leaf(" + v + ")"); }
};

class ctor_chain
{
    static void main()
    {
        var a = new leaf();
        println(a.log);
        var b = new leaf(5);
        println(b.log + " m=" + b.m);
        var c = new middle();
        println(c.log);
    }
};
