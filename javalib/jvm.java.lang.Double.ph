// java.lang.Double and Float (docs/JAVA.md): the VM prints doubles and
// floats as Java does (shortest digits that read back, "1.0E10" form).
package .jvm.java.lang;

class Double extends Number implements .jvm.java.lang.Comparable
{
    var value : double;

    void _4init_5__D__V(double v) { value = v; }

    static .internal.object valueOf__D__Ljava_lang_Double_2(double v)
    {
        var b = new .jvm.java.lang.Double();
        b.value = v;
        return b;
    }

    static string toString__D__Ljava_lang_String_2(double v) { return "" + v; }
    static int isNaN__D__Z(double v) { return .javart.rt.zb(v != v); }
    static int isInfinite__D__Z(double v) { return .javart.rt.zb(v == 1.0 / 0.0 || v == -1.0 / 0.0); }

    static double parseDouble__Ljava_lang_String_2__D(var s)
    {
        if (s :== null)
            throw .javart.rt.npe(null);
        try {
            return s.trim().toDouble();
        } catch (.phantom.ArgumentException e) {
            throw .jvm.java.lang.Integer.nfe(s);
        }
    }

    static .internal.object valueOf__Ljava_lang_String_2__Ljava_lang_Double_2(var s)
    {
        return valueOf__D__Ljava_lang_Double_2(parseDouble__Ljava_lang_String_2__D(s));
    }

    double doubleValue____D() { return value; }
    int intValue____I() { return (int) value; }
    long longValue____J() { return (long) value; }
    string toString____Ljava_lang_String_2() { return "" + value; }
    int hashCode____I() { return .javart.rt.identityHash(value); }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o instanceof .jvm.java.lang.Double && compare__DD__I(((.jvm.java.lang.Double) o).value, value) == 0);
    }

    // Java's total order: -0.0 below 0.0, NaN above everything and equal to itself.
    static int compare__DD__I(double a, double b)
    {
        if (a < b)
            return -1;
        if (a > b)
            return 1;
        if (a != a)
            return b != b ? 0 : 1;
        if (b != b)
            return -1;
        if (a == 0.0 && b == 0.0) {
            bool na = 1.0 / a < 0.0;
            bool nb = 1.0 / b < 0.0;
            if (na && !nb)
                return -1;
            if (nb && !na)
                return 1;
        }
        return 0;
    }

    int compareTo__Ljava_lang_Object_2__I(var o) { return compare__DD__I(value, ((.jvm.java.lang.Double) o).value); }
    static double max__DD__D(double a, double b) { return .jvm.java.lang.Math.max__DD__D(a, b); }
    static double min__DD__D(double a, double b) { return .jvm.java.lang.Math.min__DD__D(a, b); }
    static double sum__DD__D(double a, double b) { return a + b; }
};

class Float extends Number implements .jvm.java.lang.Comparable
{
    var value;

    static .internal.object valueOf__F__Ljava_lang_Float_2(var v)
    {
        var b = new .jvm.java.lang.Float();
        b.value = v;
        return b;
    }

    static string toString__F__Ljava_lang_String_2(var v) { return "" + v; }
    float floatValue____F() { return value; }
    double doubleValue____D() { return (double) value; }
    int intValue____I() { return (int) value; }
    string toString____Ljava_lang_String_2() { return "" + value; }
    int compareTo__Ljava_lang_Object_2__I(var o)
    {
        return .jvm.java.lang.Double.compare__DD__I((double) value, (double) ((.jvm.java.lang.Float) o).value);
    }
};

class Math
{
    static int abs__I__I(int v) { if (v < 0) return -v; return v; }
    static long abs__J__J(var v) { if (v < 0) return -v; return v; }
    static double abs__D__D(double v) { if (v <= 0.0) return 0.0 - v; return v; }
    static float abs__F__F(var v) { if (v <= 0.0f) return 0.0f - v; return v; }
    static int max__II__I(int a, int b) { if (a >= b) return a; return b; }
    static int min__II__I(int a, int b) { if (a <= b) return a; return b; }
    static long max__JJ__J(var a, var b) { if (a >= b) return a; return b; }
    static long min__JJ__J(var a, var b) { if (a <= b) return a; return b; }

    static double max__DD__D(double a, double b)
    {
        if (a != a)
            return a;
        if (b != b)
            return b;
        if (a == 0.0 && b == 0.0)
            return 1.0 / a < 0.0 ? b : a;
        if (a >= b)
            return a;
        return b;
    }

    static double min__DD__D(double a, double b)
    {
        if (a != a)
            return a;
        if (b != b)
            return b;
        if (a == 0.0 && b == 0.0)
            return 1.0 / a < 0.0 ? a : b;
        if (a <= b)
            return a;
        return b;
    }

    static double sqrt__D__D(double v) { return .internal.math.sqrt(v); }
    static double cbrt__D__D(double v) { if (v < 0.0) return 0.0 - .internal.math.pow(0.0 - v, 1.0 / 3.0); return .internal.math.pow(v, 1.0 / 3.0); }
    static double pow__DD__D(double a, double b) { return .internal.math.pow(a, b); }
    static double floor__D__D(double v) { return .internal.math.floor(v); }
    static double ceil__D__D(double v) { return .internal.math.ceil(v); }
    static double sin__D__D(double v) { return .internal.math.sin(v); }
    static double cos__D__D(double v) { return .internal.math.cos(v); }
    static double tan__D__D(double v) { return .internal.math.tan(v); }
    static double atan__D__D(double v) { return .internal.math.atan(v); }
    static double atan2__DD__D(double y, double x) { return .internal.math.atan2(y, x); }
    static double exp__D__D(double v) { return .internal.math.exp(v); }
    static double log__D__D(double v) { return .internal.math.log(v); }
    static double log10__D__D(double v) { return .internal.math.log10(v); }
    static double hypot__DD__D(double a, double b) { return .internal.math.hypot(a, b); }

    // Java's round: the closest long, ties toward positive infinity.
    static long round__D__J(double v)
    {
        double f = .internal.math.floor(v);
        if (v - f >= 0.5)
            f = f + 1.0;
        return (long) f;
    }

    static int round__F__I(var v)
    {
        double d = (double) v;
        double f = .internal.math.floor(d);
        if (d - f >= 0.5)
            f = f + 1.0;
        return (int) f;
    }

    static int floorDiv__II__I(int a, int b)
    {
        int q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            q--;
        return q;
    }

    static int floorMod__II__I(int a, int b)
    {
        int m = a % b;
        if (m != 0 && ((m < 0) != (b < 0)))
            m += b;
        return m;
    }

    static int addExact__II__I(int a, int b)
    {
        int r = a + b;
        if (((a ^ r) & (b ^ r)) < 0)
            throw overflow("integer overflow");
        return r;
    }

    static int multiplyExact__II__I(int a, int b)
    {
        var r = (long) a * (long) b;
        if ((long) (int) r != r)
            throw overflow("integer overflow");
        return (int) r;
    }

    static .jvm.java.lang.ArithmeticException overflow(string m)
    {
        var e = new .jvm.java.lang.ArithmeticException();
        e.setMessage(m);
        return e;
    }
};
