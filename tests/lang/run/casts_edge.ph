// Casts, edge cases: floating to integer saturates at the range and
// takes NaN to 0; long to int keeps the low 32 bits; double to float
// rounds; char from and to numbers (any code point); a cast binds tighter
// than arithmetic; null casts to any class; casts to interfaces, arrays,
// .internal.object and back; (a) - b subtracts while (int) -b casts.
interface tagged { string tag(); };
class node implements tagged { string tag() { return "node"; } };

class casts_edge
{
    static void main()
    {
        println((int)1e20 + " " + (int)-1e20 + " " + (int)(1.0 / 0) + " " + (long)(0.0 / 0) + " " + (long)-1e300);
        println((int)4294967297L + " " + (int)-1L + " " + (int)2147483648L + " " + (long)-5);
        println((float)0.1 + " " + (double)(float)0.1 + " " + (float)1e40 + " " + (int)2.5f + " " + (long)-2.5);
        println((char)233 + " " + (char)128512 + " " + (int)'\u20ac' + " " + (char)('a' + 25));
        int seven = 7;
        println((double)seven / 2 + " " + (double)(seven / 2) + " " + (int)3.7 * 2 + " " + (int)(3.7 * 2));
        int a = 10, b = 3;
        println((a) - b);
        println((int) -b + " " + (long)+b);
        node n = (node)null;
        string s = (string)null;
        println(n + " " + s);
        .internal.object o = new node();
        tagged t = (tagged)o;
        println(t.tag() + " " + ((node)t).tag());
        .internal.object boxed = 42;
        int back = (int)boxed;
        println(back + 1);
        .internal.object arr = new int[2];
        int[] again = (int[])arr;
        again[1] = 4;
        println(again);
        var u;
        u = 2.9;
        println((int)u + " " + (long)u + " " + (float)u);
        u = new node();
        try { string bad = (string)u; println("not reached " + bad); }
        catch (.phantom.CastException e) { println("a node is not a string"); }
        println((bool)0.0 + " " + (bool)'\0');
    }
};
