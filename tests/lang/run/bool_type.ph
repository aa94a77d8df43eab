// bool: fields and array elements start false; & | ^ on bools evaluate
// both sides (&& and || only as needed); bools in ==, switch, ?:, as
// method results and parameters; casts to bool (truthiness); parsing;
// bools are not numbers (compareTo orders false before true).
class flags
{
    bool on;
    bool[] bits = new bool[3];
    static bool seen;
};

class bool_type
{
    static int calls;
    static bool yes() { calls++; return true; }
    static bool no() { calls++; return false; }
    static bool not(bool b) { return !b; }
    static string word(bool b) { return b ? "yes" : "no"; }

    static void main()
    {
        var f = new flags();
        println(f.on + " " + f.bits + " " + flags.seen);
        f.bits[1] = true;
        println(f.bits);

        println((no() & yes()) + " " + calls);
        println((yes() | no()) + " " + calls);
        println((yes() ^ yes()) + " " + calls);
        println((no() && yes()) + " " + calls);
        println((yes() || no()) + " " + calls);

        bool t = true;
        bool x = false;
        println(t == true);
        println(t != x);
        println(!t == x);
        println(not(not(t)));
        println(word(t) + " " + word(x));
        switch (t) {
        case false: println("false arm"); break;
        case true: println("true arm"); break;
        }
        println((bool)0 + " " + (bool)7 + " " + (bool)null + " " + (bool)"" + " " + (bool)f);
        println(.internal.bool.parse("true") && !.internal.bool.parse("false"));
        try { .internal.bool.parse("yes"); }
        catch (.phantom.ArgumentException e) { println("parse refuses yes"); }
        println(false.compareTo(true) + " " + true.compareTo(false) + " " + true.compareTo(true));
        println(t instanceof bool);
        println(t.toString().length());
        var u;
        u = t;
        println(u ? "untyped true" : "untyped false");
        println(t.equals(true) + " " + t.equals(1));
        int n = 0;
        bool done = false;
        while (!done) { n++; done = n >= 3; }
        println(n);
        bool[] table = new bool[4];
        for (int i = 0; i < 4; i++) table[i] = i % 2 == 0;
        println(table);
    }
};
