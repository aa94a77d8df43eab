// Casts: numeric conversions (truncating, saturating, NaN to 0), to and
// from char, checked casts between classes (CastException when wrong).
class shape { string name() { return "shape"; } };
class circle extends shape { string name() { return "circle"; } };

class casts
{
    static void main()
    {
        println((int)3.9);
        println((int)-3.9);
        println((long)1e30);
        println((int)(0.0 / 0));
        println((double)7 / 2);
        println((float)1 / 3);
        println((int)5000000000L);
        println((char)66);
        println((int)'C');
        println((long)'D');
        println((bool)0);
        println((bool)7);
        shape s = new circle();
        circle c = (circle)s;
        println(c.name());
        var any = s;
        println(((circle)any).name());
        shape plain = new shape();
        try {
            circle bad = (circle)plain;
            println("not reached " + bad);
        } catch (.phantom.CastException e) {
            println("CastException");
        }
        var n = 3.7;
        int i = (int)n;
        println(i);
        .internal.object o = "text";
        string t = (string)o;
        println(t.length());
    }
};
