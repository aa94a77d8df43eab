// java.lang.Integer, Long, Boolean, Character (docs/JAVA.md): boxes with
// Java's valueOf caches (so == on small boxed values is true, as in Java),
// parsing and text.
package .jvm.java.lang;

class Number extends .jvm.java.lang.Object
{
};

class Integer extends Number implements .jvm.java.lang.Comparable
{
    var value : int;
    static var cache = makeCache();

    static .internal.object makeCache()
    {
        var c = new void[]();
        for (int i = 0; i < 256; i++) {
            var b = new .jvm.java.lang.Integer();
            b.value = i - 128;
            c.add(b);
        }
        return c;
    }

    static .jvm.java.lang.IllegalArgumentException iae(string m)
    {
        var e = new .jvm.java.lang.IllegalArgumentException();
        e.setMessage(m);
        return e;
    }

    static .jvm.java.lang.NumberFormatException nfe(var s)
    {
        var e = new .jvm.java.lang.NumberFormatException();
        if (s :== null)
            e.setMessage("Cannot parse null string: null");
        else
            e.setMessage("For input string: \"" + s + "\"");
        return e;
    }

    void _4init_5__I__V(int v) { value = v; }

    static .internal.object valueOf__I__Ljava_lang_Integer_2(int v)
    {
        if (v >= -128 && v <= 127)
            return cache[v + 128];
        var b = new .jvm.java.lang.Integer();
        b.value = v;
        return b;
    }

    static .internal.object valueOf__Ljava_lang_String_2__Ljava_lang_Integer_2(var s)
    {
        return valueOf__I__Ljava_lang_Integer_2(parseInt__Ljava_lang_String_2__I(s));
    }

    int intValue____I() { return value; }
    long longValue____J() { return (long) value; }
    double doubleValue____D() { return (double) value; }
    float floatValue____F() { return (float) value; }
    int hashCode____I() { return value; }
    string toString____Ljava_lang_String_2() { return "" + value; }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o instanceof .jvm.java.lang.Integer && ((.jvm.java.lang.Integer) o).value == value);
    }

    int compareTo__Ljava_lang_Integer_2__I(var o) { return compare__II__I(value, ((.jvm.java.lang.Integer) o).value); }
    int compareTo__Ljava_lang_Object_2__I(var o) { return compare__II__I(value, ((.jvm.java.lang.Integer) o).value); }

    static int compare__II__I(int a, int b)
    {
        if (a < b)
            return -1;
        if (a > b)
            return 1;
        return 0;
    }

    static int parseInt__Ljava_lang_String_2__I(var s)
    {
        return parseInt__Ljava_lang_String_2I__I(s, 10);
    }

    // Java's rules: an optional sign, then at least one digit of the
    // radix; anything else, or a value outside the int range, is refused.
    static int parseInt__Ljava_lang_String_2I__I(var s, int radix)
    {
        var v = .jvm.java.lang.Long.parse(s, radix, -2147483648L, 2147483647L);
        return (int) v;
    }

    static string toString__I__Ljava_lang_String_2(int v) { return "" + v; }
    static int sum__II__I(int a, int b) { return a + b; }
    static int max__II__I(int a, int b) { if (a > b) return a; return b; }
    static int min__II__I(int a, int b) { if (a < b) return a; return b; }
    static int signum__I__I(int v) { if (v > 0) return 1; if (v < 0) return -1; return 0; }

    static int bitCount__I__I(int v)
    {
        int n = 0;
        for (int i = 0; i < 32; i++)
            n += (v >>> i) & 1;
        return n;
    }

    static string digits(int v, int shift)
    {
        if (v == 0)
            return "0";
        string d = "0123456789abcdef";
        string r = "";
        int mask = (1 << shift) - 1;
        while (v != 0) {
            r = d.charAt(v & mask) + r;
            v = v >>> shift;
        }
        return r;
    }

    static string toHexString__I__Ljava_lang_String_2(int v) { return digits(v, 4); }
    static string toBinaryString__I__Ljava_lang_String_2(int v) { return digits(v, 1); }
    static string toOctalString__I__Ljava_lang_String_2(int v) { return digits(v, 3); }
};

class Long extends Number implements .jvm.java.lang.Comparable
{
    var value;
    static var cache = makeCache();

    static .internal.object makeCache()
    {
        var c = new void[]();
        for (int i = 0; i < 256; i++) {
            var b = new .jvm.java.lang.Long();
            b.value = (long) (i - 128);
            c.add(b);
        }
        return c;
    }

    void _4init_5__J__V(var v) { value = v; }

    static .internal.object valueOf__J__Ljava_lang_Long_2(var v)
    {
        if (v >= -128 && v <= 127)
            return cache[(int) v + 128];
        var b = new .jvm.java.lang.Long();
        b.value = v;
        return b;
    }

    int intValue____I() { return (int) value; }
    long longValue____J() { return value; }
    double doubleValue____D() { return (double) value; }
    int hashCode____I() { return (int) (value ^ (value >>> 32)); }
    string toString____Ljava_lang_String_2() { return "" + value; }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o instanceof .jvm.java.lang.Long && ((.jvm.java.lang.Long) o).value == value);
    }

    int compareTo__Ljava_lang_Long_2__I(var o) { return compare__JJ__I(value, ((.jvm.java.lang.Long) o).value); }
    int compareTo__Ljava_lang_Object_2__I(var o) { return compare__JJ__I(value, ((.jvm.java.lang.Long) o).value); }

    static int compare__JJ__I(var a, var b)
    {
        if (a < b)
            return -1;
        if (a > b)
            return 1;
        return 0;
    }

    static string toString__J__Ljava_lang_String_2(var v) { return "" + v; }
    static long max__JJ__J(var a, var b) { if (a > b) return a; return b; }
    static long min__JJ__J(var a, var b) { if (a < b) return a; return b; }
    static long sum__JJ__J(var a, var b) { return a + b; }

    static long parseLong__Ljava_lang_String_2__J(var s)
    {
        return parse(s, 10, -9223372036854775807L - 1L, 9223372036854775807L);
    }

    // s in radix, within [lo, hi] (as Java's parseInt and parseLong).
    static long parse(var s, int radix, var lo, var hi)
    {
        if (s :== null)
            throw .jvm.java.lang.Integer.nfe(null);
        int n = s.length();
        int i = 0;
        bool neg = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= n)
            throw .jvm.java.lang.Integer.nfe(s);
        // accumulate negatively: the negative range is the larger one
        var acc = 0L;
        var limit = neg ? lo : -hi;
        for (; i < n; i++) {
            int c = (int) s.charAt(i);
            int d = -1;
            if (c >= 48 && c <= 57)
                d = c - 48;
            else if (c >= 97 && c <= 122)
                d = c - 87;
            else if (c >= 65 && c <= 90)
                d = c - 55;
            if (d < 0 || d >= radix)
                throw .jvm.java.lang.Integer.nfe(s);
            if (acc < limit / radix)
                throw .jvm.java.lang.Integer.nfe(s);
            acc = acc * radix;
            if (acc < limit + d)
                throw .jvm.java.lang.Integer.nfe(s);
            acc = acc - d;
        }
        if (neg)
            return acc;
        return -acc;
    }
};

class Boolean extends .jvm.java.lang.Object implements .jvm.java.lang.Comparable
{
    var value : int;
    static var TRUE = make(1);
    static var FALSE = make(0);

    static .internal.object make(int v)
    {
        var b = new .jvm.java.lang.Boolean();
        b.value = v;
        return b;
    }

    static .internal.object valueOf__Z__Ljava_lang_Boolean_2(var v)
    {
        if (v)
            return TRUE;
        return FALSE;
    }

    static int parseBoolean__Ljava_lang_String_2__Z(var s)
    {
        return .javart.rt.zb(!(s :== null) && s.toLowerCase() == "true");
    }

    int booleanValue____Z() { return value; }
    int hashCode____I() { if (value != 0) return 1231; return 1237; }
    string toString____Ljava_lang_String_2() { return .javart.rt.strZ(value); }
    static string toString__Z__Ljava_lang_String_2(var v) { return .javart.rt.strZ(v); }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o instanceof .jvm.java.lang.Boolean && ((.jvm.java.lang.Boolean) o).value == value);
    }

    int compareTo__Ljava_lang_Object_2__I(var o) { return value - ((.jvm.java.lang.Boolean) o).value; }
};

class Character extends .jvm.java.lang.Object implements .jvm.java.lang.Comparable
{
    var value : int;
    static var cache = makeCache();

    static .internal.object makeCache()
    {
        var c = new void[]();
        for (int i = 0; i < 128; i++) {
            var b = new .jvm.java.lang.Character();
            b.value = i;
            c.add(b);
        }
        return c;
    }

    static .internal.object valueOf__C__Ljava_lang_Character_2(int v)
    {
        if (v < 128)
            return cache[v];
        var b = new .jvm.java.lang.Character();
        b.value = v;
        return b;
    }

    int charValue____C() { return value; }
    int hashCode____I() { return value; }
    string toString____Ljava_lang_String_2() { return .javart.rt.strC(value); }
    static string toString__C__Ljava_lang_String_2(var v) { return .javart.rt.strC(v); }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o instanceof .jvm.java.lang.Character && ((.jvm.java.lang.Character) o).value == value);
    }

    int compareTo__Ljava_lang_Object_2__I(var o) { return value - ((.jvm.java.lang.Character) o).value; }

    static int isDigit__C__Z(int c) { return .javart.rt.zb(c >= 48 && c <= 57); }
    static int isLetter__C__Z(int c) { return .javart.rt.zb(.internal.char.isLetter((char) c)); }
    static int isLetterOrDigit__C__Z(int c) { return .javart.rt.zb(c >= 48 && c <= 57 || .internal.char.isLetter((char) c)); }
    static int isWhitespace__C__Z(int c) { return .javart.rt.zb(c == 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31)); }
    static int isUpperCase__C__Z(int c) { return .javart.rt.zb(c >= 65 && c <= 90); }
    static int isLowerCase__C__Z(int c) { return .javart.rt.zb(c >= 97 && c <= 122); }
    static int toUpperCase__C__C(int c) { if (c >= 97 && c <= 122) return c - 32; return c; }
    static int toLowerCase__C__C(int c) { if (c >= 65 && c <= 90) return c + 32; return c; }
    static int getNumericValue__C__I(int c)
    {
        if (c >= 48 && c <= 57) return c - 48;
        if (c >= 97 && c <= 122) return c - 87;
        if (c >= 65 && c <= 90) return c - 55;
        return -1;
    }
};
