// The conditional operator: types of its branches, nesting (right
// associative), only the chosen branch runs.
class ternary
{
    static int calls;
    static int side(int v) { calls++; return v; }

    static void main()
    {
        int a = 3, b = 7;
        println(a > b ? a : b);
        println(a < b ? "less" : "not less");
        int sign = a > 5 ? 1 : a < 5 ? -1 : 0;
        println(sign);
        double d = a > 0 ? 1 : 2.5;
        println(d);
        println(true ? side(1) : side(2));
        println(calls);
        string s = a == 3 ? null : "x";
        println(s);
        var v = b > 5 ? "big" : 5;
        println(v);
        println((a > 1 ? a : b) * 2);
    }
};
