// callbacks.ph - callbacks through interfaces: map, filter and reduce over
// a 100k-int array with function objects (adders, multipliers, a
// composition, a divisibility test, a sum), 30 rounds.
interface intfn { int apply(int x); };
interface intpred { bool test(int x); };
interface intop { int combine(int acc, int x); };

class adder implements intfn
{
    int k;
    adder(int n) { k = n; }
    int apply(int x) { return x + k; }
};

class multiplier implements intfn
{
    int k;
    multiplier(int n) { k = n; }
    int apply(int x) { return x * k % 100003; }
};

class composed implements intfn
{
    intfn f;
    intfn g;
    composed(intfn a, intfn b) { f = a; g = b; }
    int apply(int x) { return g.apply(f.apply(x)); }
};

class multipleOf implements intpred
{
    int k;
    multipleOf(int n) { k = n; }
    bool test(int x) { return x % k == 0; }
};

class summer implements intop
{
    int combine(int acc, int x) { return (acc + x) % 1000000007; }
};

class callbacks
{
    static int[] map(int[] a, intfn f)
    {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++)
            r[i] = f.apply(a[i]);
        return r;
    }

    static int[] filter(int[] a, intpred p)
    {
        int[] r = new int[]();
        foreach (int x in a)
            if (p.test(x))
                r.push(x);
        return r;
    }

    static int reduce(int[] a, int init, intop op)
    {
        int acc = init;
        foreach (int x in a)
            acc = op.combine(acc, x);
        return acc;
    }

    static void main()
    {
        int[] a = new int[100000];
        for (int i = 0; i < a.length; i++)
            a[i] = i;
        int total = 0;
        for (int round = 1; round <= 30; round++) {
            intfn f = new composed(new adder(round), new multiplier(round + 2));
            int[] b = map(a, f);
            int[] c = filter(b, new multipleOf(3));
            total = (total + reduce(c, round, new summer()) + c.length) % 1000000007;
        }
        println(total);
    }
};
