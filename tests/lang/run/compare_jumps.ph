// Comparisons followed by a conditional jump (fused when installed,
// src/vm/quicken.c): every comparison, as a condition whose operands are
// not simple (so the compiler emits `cmp; jt/jf`), with ints, doubles,
// NaN, longs, strings, a Phantom-written equals (a call made from inside
// the fused pair, returning to the jump) and a comparison that raises.
class point
{
    int x;
    point(int v) { x = v; }
    bool equals(var o) { return o instanceof point && ((point)o).x == x; }
};

class compare_jumps
{
    static string all(var a, var b)
    {
        string r = "";
        if (a + 0 < b + 0) r += "<"; else r += "!<";
        if (a + 0 <= b + 0) r += " <="; else r += " !<=";
        if (a + 0 > b + 0) r += " >"; else r += " !>";
        if (a + 0 >= b + 0) r += " >="; else r += " !>=";
        if (a + 0 == b + 0) r += " =="; else r += " !==";
        if (a + 0 != b + 0) r += " !="; else r += " !!=";
        if (!(a + 0 > b + 0)) r += " not>"; else r += " not!>";
        return r;
    }

    static bool greater(var a, var b)
    {
        if (a + "" > b)
            return true;
        return false;
    }

    static void main()
    {
        println(all(1, 2));
        println(all(2, 2));
        println(all(3, 2));
        println(all(1.5, 2));
        println(all(0.0 / 0.0, 1));
        println(all(5000000000L, 5000000000L));
        println(all(-5000000000L, 1));
        string s = "abc", t = "abd";
        if (s + "" < t + "") println("abc < abd");
        if (s + "" > t + "") println("wrong"); else println("abc !> abd");
        if (s + "x" == "abcx") println("string == by content");
        point p = new point(3), q = new point(3), r = new point(4);
        if (p == q) println("p == q via equals");
        if (p != r) println("p != r via equals");
        if (p == r) println("wrong"); else println("p, r differ");
        int n = 0;
        for (int i = 0; i < 100; i++)
            if (i % 3 == 0 && i * 2 > 50)
                n++;
        println("counted " + n);
        try {
            if (greater(s, 5)) println("wrong");
        } catch (e) {
            println("raised: " + e.getMessage());
        }
    }
};
