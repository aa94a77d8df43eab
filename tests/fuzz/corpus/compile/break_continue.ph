// break and continue in nested loops of every kind: they apply to the
// innermost loop (break also to a switch).
class break_continue
{
    static void main()
    {
        int found = -1;
        for (int i = 0; i < 10 && found < 0; i++)
            for (int j = 0; j < 10; j++)
                if (i * j == 42) { found = i * 100 + j; break; }
        println(found);
        int n = 0;
        while (n < 20) {
            n++;
            if (n % 3 != 0) continue;
            do {
                if (n > 10) break;
                print(n + " ");
            } while (false);
        }
        println();
        int[] a = new int[6];
        for (int i = 0; i < 6; i++) a[i] = i;
        foreach (v in a) {
            if (v == 1) continue;
            if (v == 4) break;
            print(v);
        }
        println();
        outer();
    }

    static void outer()
    {
        int count = 0;
        for (int i = 0; i < 3; i++) {
            switch (i) {
            case 1: break;
            default: count += 10;
            }
            count++;
        }
        println(count);
    }
};
