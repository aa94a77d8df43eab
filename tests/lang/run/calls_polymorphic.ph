// Calls whose receiver class changes from call to call: one interface
// call site that sees five classes in turn, two sites of the same
// interface method in one expression that see different classes (the
// compiler gives them one constant), and untyped calls of one name with
// different classes and argument counts.  Each call must run the method
// of the receiver's own class, however often the classes alternate.
interface op { int apply(int x); };

class inc implements op { int apply(int x) { return x + 1; } };
class dbl implements op { int apply(int x) { return x * 2; } };
class neg implements op { int apply(int x) { return 0 - x; } };
class sq implements op { int apply(int x) { return x * x % 1000; } };
class base implements op { int apply(int x) { return x - 3; } };
class sub extends base { };
class over extends base { int apply(int x) { return x + 100; } };

class both implements op
{
    op f;
    op g;
    both(op a, op b) { f = a; g = b; }
    int apply(int x) { return g.apply(f.apply(x)); }
};

class talker
{
    string say() { return "t0"; }
    string say(int n) { return "t1:" + n; }
};

class parrot
{
    string say() { return "p0"; }
    string say(int n) { return "p1:" + n; }
    string say(int n, int m) { return "p2:" + (n + m); }
};

class calls_polymorphic
{
    static void main()
    {
        op[] ops = new op[7];
        ops[0] = new inc();
        ops[1] = new dbl();
        ops[2] = new neg();
        ops[3] = new sq();
        ops[4] = new base();
        ops[5] = new sub();
        ops[6] = new over();
        int acc = 0;
        string first = "";
        for (int i = 0; i < 7000; i++) {
            int r = ops[i % 7].apply(i);
            acc = (acc * 31 + r) % 1000003;
            if (i < 7)
                first = first + r + " ";
        }
        println(first);
        println(acc);

        both b = new both(new inc(), new dbl());
        both c = new both(new dbl(), new inc());
        int s = 0;
        for (int i = 0; i < 1000; i++)
            s = s + b.apply(i) - c.apply(i);
        println(s);
        println(new both(new sub(), new over()).apply(5));

        var who;
        string line = "";
        for (int i = 0; i < 6; i++) {
            if (i % 2 == 0)
                who = new talker();
            else
                who = new parrot();
            line = line + who.say() + " " + who.say(i) + " ";
        }
        println(line);
        var p;
        p = new parrot();
        println(p.say(1, 2) + " " + p.say(3) + " " + p.say());
    }
};
