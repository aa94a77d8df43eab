// Compound assignment on locals, fields, statics and array elements: the
// target is read once, and the result converted back to its type.
class compound_assign
{
    int f = 10;
    static int s = 100;
    long big = 1;

    static void main()
    {
        int x = 7;
        x += 3; println(x);
        x -= 1; println(x);
        x *= 4; println(x);
        x /= 5; println(x);
        x %= 4; println(x);
        x += 40000; println(x);
        var o = new compound_assign();
        o.f += 5; println(o.f);
        o.f *= o.f; println(o.f);
        o.big <<= 40; println(o.big);
        s -= 1; println(s);
        compound_assign.s += 10; println(s);
        int[] a = new int[3];
        a[1] += 7; a[1] *= 3; println(a[1]);
        int i = 0;
        a[i++] += 2; println(i + " " + a[0]);
        string t = "ab";
        t += "cd"; t += 1; t += 'x'; println(t);
        char c = 'a';
        c += 2; println(c);
        double d = 1;
        d /= 4; println(d);
        int n = 10;
        n += 2.7; println(n);
        long l = 5;
        l *= 3; println(l);
        var u = 3;
        u -= 10; println(u);
        var any;
        any = 5;
        any += 1; println(any);
        any = "s";
        any += 1; println(any);
    }
};
