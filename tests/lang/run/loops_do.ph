// do S while (C); runs S at least once.  The original Phantom form
// do S while (C) S2; runs S2 between iterations: loop { S; if (!C) break; S2; }
class loops_do
{
    static void main()
    {
        int i = 0;
        do { i++; } while (i < 5);
        println(i);
        do { println("once"); } while (false);
        int n = 0;
        do print(n); while (++n < 4) print(",");
        println();
        int k = 0;
        do {
            k++;
            if (k == 2) continue;
            if (k == 4) break;
            print(k);
        } while (k < 10);
        println();
    }
};
