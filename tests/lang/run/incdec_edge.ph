// ++ and -- edge cases: a target with side effects is evaluated once
// (a[i++]++, a[next()]--, make().f++), chains of fields, statics of
// another class, untyped fields and variables, wrapping at the int
// range, i = i++, and prefix/postfix mixed in one expression.
// (A typed char stays a char: c++ is c = (char)(c + 1).)
class holder
{
    int f;
    double d = 0.5;
    holder inner;
    var any;
    static long total;
};

class incdec_edge
{
    static int calls;
    static holder shared = new holder();

    static int next() { calls++; return 1; }
    static holder make() { calls++; return shared; }

    static void main()
    {
        int[] a = new int[4];
        int i = 0;
        a[i++]++;
        a[i++]++;
        a[i++] += 5;
        println(i + " " + a[0] + a[1] + a[2] + a[3]);
        a[next()]--;
        println(calls + " " + a[1]);
        make().f++;
        ++make().f;
        println(calls + " " + shared.f);
        println(make().f++ + " " + shared.f + " " + calls);

        var h = new holder();
        h.inner = new holder();
        h.inner.f++;
        h.inner.f += 10;
        println(--h.inner.f + " " + h.inner.d++ + " " + ++h.inner.d);
        holder.total++;
        println(++holder.total * 2 + " " + holder.total--  + " " + holder.total);

        h.any = 5;
        h.any++;
        println(h.any);
        h.any = 5000000000L;
        --h.any;
        println(h.any);
        h.any = 1.25;
        println(h.any++ + " " + h.any);
        var u;
        u = 'a';
        u++;                    // untyped: u = u + 1, and a char counts as an int
        println(u);

        int big = 2147483647;
        big++;
        println(big);
        big--;
        println(big);
        char c = 'a';
        c--;
        println(c);

        int j = 5;
        j = j++;
        println(j);
        j = 1;
        int k = j++ + ++j;
        println(j + " " + k);
        k = j-- - --j;
        println(j + " " + k);
        long[] ls = new long[1];
        ls[0]--;
        ls[0]--;
        println(ls[0]);
        for (int x = 0, y = 10; x < y; x += 3, y--) print(x + ":" + y + " ");
        println();
    }
};
