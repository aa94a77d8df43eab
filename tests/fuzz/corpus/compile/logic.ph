// && and || evaluate their right side only when needed; ! negates; ints
// and other values are truth values (0, null and false are false).
class logic
{
    static int calls = 0;
    static bool t() { calls++; return true; }
    static bool f() { calls++; return false; }

    static void main()
    {
        println(f() && t());
        println(calls);
        println(t() || f());
        println(calls);
        println(t() && f() || t());
        println(calls);
        println(!t());
        var x = 0;
        if (x) println("wrong"); else println("0 is false");
        if (1) println("1 is true");
        var s = null;
        if (!s) println("null is false");
        if ("") println("a string is true");
        bool b = 3 > 2 && 2 > 1;
        println(b);
        println(5 && "x");
        println(0 || null);
        int n = 0;
        while (n < 10 && n * n < 30) n++;
        println(n);
    }
};
