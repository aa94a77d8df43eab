// Static members, edge cases: every primitive static starts at its zero
// (all of a class's zeros are set before its initialisers run, so an
// initialiser reading a later field sees its zero, and a field without
// initialiser keeps what an earlier initialiser stored in it);
// initialisers run class by class in source order, each class's in
// declaration order, and may call static methods; statics are shared by
// all objects and reached by Class.name, obj.name (the object is still
// evaluated) and, in a subclass, by the simple name of an inherited
// static; a local hides a static.
class early
{
    static int copy = early.ahead + 1;     // not yet initialised: 0
    static int ahead = 41;
    static int preset = setKept();
    static int kept;                       // no initialiser: keeps the 7
    static int[] squares = makeSquares(5);
    static string log;

    static int setKept() { kept = 7; return 1; }

    static int[] makeSquares(int n)
    {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i * i;
        log += "made;";
        return r;
    }
};

class late
{
    static int again = early.copy * 10 + early.ahead;   // early's initialisers ran before
};

class zeros
{
    static int i;
    static long l;
    static float f;
    static double d;
    static bool b;
    static char c;
    static string s;
    static zeros z;
    static int[] a;
};

class counted
{
    static int made;
    static counted last;
    var id : int;

    counted() { made++; id = made; last = this; }
    static counted make() { return new counted(); }
};

class special extends counted
{
    int peek() { return made * 100 + id; }
};

class statics_edge
{
    static int evaluated;
    static counted track(counted c) { evaluated++; return c; }

    static void main()
    {
        println(early.copy + " " + early.ahead + " " + early.kept + " " + late.again + " " + early.squares + " "
                + early.log);
        println(zeros.i + " " + zeros.l + " " + zeros.f + " " + zeros.d + " " + zeros.b + " " + (int)zeros.c
                + " " + zeros.s + " " + zeros.z + " " + zeros.a);
        var a = new counted();
        var b = counted.make();
        println(counted.made + " " + a.made + " " + b.made + " " + (counted.last :== b));
        println(track(a).made + " " + evaluated);
        track(b).made = 10;
        println(counted.made + " " + evaluated);
        var s = new special();
        println(s.peek() + " " + special.made);
        int made = -1;
        println(made + " " + counted.made);
        counted.made += 5;
        a.made++;
        println(counted.made);
        early.log = null;
        early.squares = null;
        println(early.log + " " + early.squares);
    }
};
