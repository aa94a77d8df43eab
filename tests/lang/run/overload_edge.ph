// Overloading, edge cases: the closest fit wins (exact, then the nearest
// widening: char goes to int before long, int to long before double),
// a subclass argument picks the most specific class, null picks the one
// overload that takes objects, arrays and untyped parameters, overloaded
// constructors and static methods, an override of one overload in a
// subclass; an untyped argument goes to the overload that takes anything
// (or is cast to choose).
class animal { string who() { return "animal"; } };
class cat extends animal { string who() { return "cat"; } };
class lion extends cat { string who() { return "lion"; } };

class shelter
{
    var log : string = "";
    shelter() { log = "()"; }
    shelter(int n) { log = "(int " + n + ")"; }
    shelter(string s) { log = "(string " + s + ")"; }
    shelter(int n, string s) { log = "(int, string)"; }

    string take(animal a) { return "animal:" + a.who(); }
    string take(cat c) { return "cat:" + c.who(); }
    string take(int[] a) { return "ints:" + a.length; }
    string take(string s) { return "string:" + s; }

    static string num(long v) { return "long"; }
    static string num(double v) { return "double"; }
    static string num(int v) { return "int"; }
    static string wide(long v) { return "long " + v; }
    static string wide(double v) { return "double " + v; }
    static string any(var v) { return "any"; }
    static string any(.internal.object v, int n) { return "object+int"; }
};

class loudShelter extends shelter
{
    string take(cat c) { return "LOUD " + super.take(c); }
};

class overload_edge
{
    static void main()
    {
        println(new shelter().log + new shelter(1).log + new shelter("a").log + new shelter(2, "b").log
                + new shelter('c').log);
        var s = new shelter();
        println(s.take(new animal()) + " " + s.take(new cat()) + " " + s.take(new lion()));
        animal a = new lion();
        println(s.take(a) + " " + s.take((cat)a));
        println(s.take(new int[3]) + " " + s.take("x"));
        println(shelter.num(1) + " " + shelter.num('c') + " " + shelter.num(1L) + " " + shelter.num(1.5f));
        println(shelter.wide(1) + ", " + shelter.wide('A') + ", " + shelter.wide(2.5f));
        println(shelter.any(null) + " " + shelter.any(3, 4));
        shelter l = new loudShelter();
        println(l.take(new lion()) + " | " + l.take(new animal()));
        var u;
        u = 5;
        println(shelter.any(u) + " " + shelter.any(u, 1) + " " + shelter.num((int)u));
    }
};
