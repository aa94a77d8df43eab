// Odds and ends of members: modifiers and attributes are accepted, a local
// hides a field (this.x still reaches it), super.field, a static method
// called through an object, interface constants and static methods, a
// class's own print overriding the built-in one.
interface limits
{
    const int LIMIT = 3;
    static int twice(int v) { return v * 2; }
};

class base
{
    protected var x : int = 1;
    public static string who() { return "base"; }
};

class members_misc extends base implements limits
{
    private var x : int = 2;

    public int sum(int x) { return x + this.x + super.x; }

    void print(var v) { println("[" + v + "]"); }

    void show() { print("own print"); }

    static void main()
    {
        var m = new members_misc();
        println(m.sum(10));
        println(m.who());
        println(base.who());
        println(limits.LIMIT + limits.twice(4));
        println(LIMIT);
        m.show();
        .internal.io.tty.println("the console's print, by its full name");
    }
};
