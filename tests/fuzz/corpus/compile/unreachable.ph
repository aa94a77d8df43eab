// Warnings only: code that can never run, after return, throw, break,
// continue, an endless loop, or an if/else and a switch whose every
// branch leaves; reported once per block, and the program still compiles.
class unreachable
{
    static int f(int x)
    {
        if (x > 0) return 1; else return 2;
        x++;
    }

    static void g()
    {
        while (true) { }
        println("after an endless loop");
    }

    static void h(int k)
    {
        switch (k) { case 1: return; default: throw "bad"; }
        println("after the switch");
    }

    static void main()
    {
        for (int i = 0; i < 2; i++) {
            continue;
            println("after continue");
        }
        try { return; } finally { println("finally"); }
        println("after try");
    }
};
