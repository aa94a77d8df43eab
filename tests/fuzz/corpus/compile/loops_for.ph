// for loops: declarations or expressions as initialisers, several steps,
// a missing condition (forever), nested loops with break and continue.
class loops_for
{
    static void main()
    {
        for (int i = 0; i < 5; i++) print(i);
        println();
        int j;
        for (j = 10; j > 0; j -= 3) print(j + " ");
        println();
        for (int a = 0, b = 10; a < b; a++, b--) print(a + b + " ");
        println();
        int count = 0;
        for (;;) { if (++count == 4) break; }
        println(count);
        for (int x = 1; x <= 3; x++) {
            for (int y = 1; y <= 3; y++) {
                if (y == 2) continue;
                if (x == 3) break;
                print(x * 10 + y + " ");
            }
        }
        println();
        for (var s = "a"; s.length() < 4; s = s + "a") print(s + " ");
        println();
        long total = 0;
        for (long k = 1; k <= 1000000; k++) total += k;
        println(total);
        for (int i = 0; i < 3; i++) { int local = i * i; print(local); }
        println();
        double h = 0;
        for (int i = 1; i <= 4; i++) h += 1.0 / i;
        println(h);
    }
};
