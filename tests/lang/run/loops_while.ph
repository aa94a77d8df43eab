// while loops: counting, early break, continue, a constant true
// condition left with break, and a body that never runs.
class loops_while
{
    static void main()
    {
        int i = 0, sum = 0;
        while (i < 10) { sum += i; i++; }
        println(sum);
        i = 0;
        while (true) {
            i++;
            if (i == 3) continue;
            if (i > 5) break;
            print(i + " ");
        }
        println();
        while (false) println("never");
        int n = 100, steps = 0;
        while (n != 1) { n = n % 2 == 0 ? n / 2 : 3 * n + 1; steps++; }
        println("collatz steps " + steps);
        double d = 1;
        while (d < 1000) d *= 2.5;
        println(d);
        var s = "";
        while (s.length() < 5) s += "ab";
        println(s);
    }
};
