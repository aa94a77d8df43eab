// Interfaces, edge cases: a diamond (two interfaces extending one, a class
// implementing both); a method inherited from the parent class satisfies
// an interface; an abstract class implementing an interface partly;
// dispatch through the interface type picks the object's override;
// interface-typed arrays, parameters and results; casts to an interface
// (checked when they run); interface constants and static methods.
interface named { string name(); };
interface greeter extends named { string greet(string who); };
interface counter extends named { int count(); };
interface limits { const int MAX = 3; static int clamp(int v) { return v > MAX ? MAX : v; } };

class base
{
    string name() { return "base"; }
};

class both extends base implements greeter, counter
{
    var n : int;
    string greet(string who) { n++; return "hello " + who + " from " + name(); }
    int count() { return n; }
};

class renamed extends both
{
    string name() { return "renamed"; }
};

class partial implements greeter
{
    string greet(string who) { return name() + " greets " + who; }
    string name();                       // left to subclasses: abstract
};

class full extends partial implements limits
{
    string name() { return "full(max " + MAX + ")"; }
};

class interfaces_edge
{
    static named pick(int i)
    {
        if (i == 0) return new both();
        if (i == 1) return new renamed();
        return new full();
    }

    static string all(named[] xs)
    {
        string r = "";
        foreach (x in xs) r += x.name() + ";";
        return r;
    }

    static void main()
    {
        named[] xs = new named[3];
        for (int i = 0; i < 3; i++) xs[i] = pick(i);
        println(all(xs));
        greeter g = new renamed();
        println(g.greet("ann"));
        counter c = (counter)g;
        println(c.count() + " " + c.name());
        println(((greeter)xs[2]).greet("bob"));
        println(xs[2] instanceof greeter);
        println(xs[2] instanceof counter);
        println(xs[0] instanceof counter && xs[0] instanceof greeter);
        try {
            counter bad = (counter)xs[2];
            println("not reached " + bad);
        } catch (.phantom.CastException e) {
            println("a full is not a counter");
        }
        println(limits.clamp(10) + " " + limits.clamp(2) + " " + limits.MAX);
        named n = null;
        println(n == null);
        var u;                               // untyped: methods found by name
        u = xs[1];
        println(u.name() + " " + u.greet("cy"));
    }
};
