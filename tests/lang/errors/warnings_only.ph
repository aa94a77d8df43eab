// Warnings only: the program compiles (status 0).  A value computed and
// thrown away, an empty if/while/for body on its own line, a leading
// zero (not octal), an original-style do-while that swallows the next
// statement, the original's different grouping of & | and && ||, a
// method that can run off its end, and unreachable code after an
// endless for, a throw in both branches and a return in a switch arm.
class warnings_only
{
    static int pick(int v)
    {
        if (v > 0) return 1;
        for (int i = 0; i < v; i++) return i;
    }

    static string label(int v)
    {
        switch (v) {
        case 1: return "one";
        default: return "other";
        }
        return "never";
    }

    static void main()
    {
        int a = 1, b = 2, c = 3;
        a + b;
        a == b;
        "text";
        if (a > b);
        while (a > 5);
        for (int i = 0; i < 0; i++);
        int octal = 010;
        int i = 0;
        do i++; while (i < 3)
        println(i);
        int m = a + b & c;
        bool x = a < b || b < c && c < a;
        int o = a | b ^ c;
        for (;;) { if (a > 0) break; }
        println(octal + m + o);
        println(x);
        for (;;) { }
        println("unreachable after an endless loop");
    }

    static void both(bool f)
    {
        if (f) throw "a"; else throw "b";
        println("unreachable");
    }
};
