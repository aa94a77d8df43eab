// switch, edge cases: each arm is a scope of its own (arms may reuse a
// name); fall-through runs into the next arm's statements; a nested
// switch's break leaves only it; continue and return inside arms; long,
// double, char and untyped subjects compared with ==; a null subject
// matches a null case; string cases use content; default alone.
class switch_edge
{
    static string classify(var v)
    {
        switch (v) {
        case null: return "null";
        case 1: return "one";
        case "one": return "the word one";
        case 'x': return "char x";
        case 2.5: return "two and a half";
        default: return "other " + v;
        }
    }

    static void main()
    {
        for (int i = 0; i < 4; i++) {
            switch (i) {
            case 0: int t = 10; print(t + i); break;
            case 1: int t = 20; print(" " + (t + i)); break;
            case 2: continue;
            default: string t = "d"; print(" " + t + i);
            }
            print(";");
        }
        println();

        string log = "";
        switch (2) {
        case 1: log += "1";
        case 2: log += "2";
        case 3: log += "3";
        case 4: log += "4"; break;
        case 5: log += "5";
        }
        println(log);

        log = "";
        for (int a = 0; a < 2; a++)
            switch (a) {
            case 0:
                switch (a + 10) { case 10: log += "inner"; break; default: log += "wrong"; }
                log += "+outer";
                break;
            case 1: log += ",one";
            }
        println(log);

        long big = 5000000000L;
        switch (big) { case 5000000000L: println("long case"); break; default: println("wrong"); }
        double d = 0.5;
        switch (d * 2) { case 1: println("1.0 matches the int case 1"); break; }
        println(classify(null) + "; " + classify(1) + "; " + classify(1.0) + "; " + classify("one") + "; "
                + classify('x') + "; " + classify(2.5) + "; " + classify(7L));
        switch (3) { default: println("only a default"); }
        string s = "b" + "c";
        switch (s) { case "bc": println("strings by content"); break; }
        int n = 0;
        switch (n) { }
        println("empty switch");
    }
};
