// break, continue and return leaving try/finally, synchronized and switch
// blocks nested in loops: every finally runs once, innermost first; a
// return in a finally replaces the value; evaluation order of operands.
class control_mix
{
    static int f(int n)
    {
        int r = 0;
        for (int i = 0; i < n; i++) {
            try {
                switch (i) {
                case 0: continue;
                case 1: try { if (n > 5) return 100; } finally { r += 1000; } break;
                case 2: synchronized (new control_mix()) { if (n > 4) break; r += 7; } break;
                default:
                    try { throw "x"; } catch (string s) { r += 10; continue; } finally { r += 100; }
                }
                r += 1;
            } finally {
                r += 10000;
            }
        }
        return r;
    }
    static int g() { try { try { return 1; } finally { return 2; } } finally { println("g finally"); } }
    static .internal.object h(var a) { return a ? "t" : 5 > 3 ? 'c' : null; }
    static void main()
    {
        println(f(3));
        println(f(5));
        println(f(6));
        println(g());
        int x = 0;
        x = x++ + ++x;
        println(x);
        var arr = new int[3];
        arr[x = 1] = x;
        println(arr);
        println(h(true) + " " + h(false));
        bool b = !(1 < 2) || (3 >= 3 && !(4 > 5 || 2.0 <= 1));
        println(b);
        double nan = 0.0/0;
        int cnt = 0;
        for (double d = 0; d < 3; d += 1) cnt++;
        if (!(nan < 1)) cnt += 100;
        if (nan > 1 || nan <= 1) cnt += 1000;
        println(cnt);
        long l = 0; while (l < 5) l++; println(l);
        char c = 'a'; while (c < 'e') c++; println(c);
    }
};
