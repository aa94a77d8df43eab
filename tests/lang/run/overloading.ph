// Overloading by argument type and count, resolved at compile time when
// the arguments' types are known: exact matches first, then numeric
// widening, then untyped parameters.  A subclass overrides one overload
// without disturbing the others.
class printer
{
    string show(int v) { return "int " + v; }
    string show(string v) { return "string " + v; }
    string show(double v) { return "double " + v; }
    string show(var v) { return "any " + v; }
    string show(int a, int b) { return "two ints " + (a + b); }
};

class loud extends printer
{
    string show(string v) { return "LOUD " + v.toUpperCase(); }
};

class overloading
{
    static int f(long x) { return 1; }
    static int f(double x) { return 2; }

    static void main()
    {
        var p = new printer();
        println(p.show(1));
        println(p.show("s"));
        println(p.show(2.5));
        println(p.show(2.5f));
        println(p.show('c'));
        println(p.show(true));
        println(p.show(3, 4));
        println(p.show(10L));
        printer q = new loud();
        println(q.show("quiet"));
        println(q.show(7));
        println(f(1));
        println(f(1.5f));
        var u = "untyped";
        println(p.show(u));
    }
};
