// java.lang.String's methods, as static methods taking the string first:
// a Java String is the VM's immutable string (docs/JAVA.md), so
// `s.length()` in Java is String.length____I(s) here.  Indices count
// characters; Java's count UTF-16 units, the same for text inside the
// Basic Multilingual Plane.  Java booleans are ints 0 and 1, chars ints.
package .jvm.java.lang;

class String
{
    static .jvm.java.lang.StringIndexOutOfBoundsException sioobe(string m)
    {
        var e = new .jvm.java.lang.StringIndexOutOfBoundsException();
        e.setMessage(m);
        return e;
    }

    static string check(var s)
    {
        if (s :== null)
            throw .javart.rt.npe(null);
        return s;
    }

    static int length____I(string s)
    {
        return s.length();
    }

    static int isEmpty____Z(string s)
    {
        return .javart.rt.zb(s.length() == 0);
    }

    static int charAt__I__C(string s, int i)
    {
        int n = s.length();
        if (i < 0 || i >= n)
            throw sioobe("index " + i + ", length " + n);
        return (int) s.charAt(i);
    }

    static int equals__Ljava_lang_Object_2__Z(string s, var o)
    {
        check(s);
        return .javart.rt.zb(o instanceof .internal.string && s == o);
    }

    static int equalsIgnoreCase__Ljava_lang_String_2__Z(string s, var o)
    {
        check(s);
        return .javart.rt.zb(o instanceof .internal.string && s.toLowerCase() == o.toLowerCase());
    }

    static int hashCode____I(string s)
    {
        int h = 0;
        int n = s.length();
        for (int i = 0; i < n; i++)
            h = 31 * h + (int) s.charAt(i);
        return h;
    }

    static int compareTo__Ljava_lang_String_2__I(string s, var o)
    {
        check(s);
        string t = check(o);
        int n = s.length();
        int m = t.length();
        int k = n;
        if (m < k)
            k = m;
        for (int i = 0; i < k; i++) {
            int a = (int) s.charAt(i);
            int b = (int) t.charAt(i);
            if (a != b)
                return a - b;
        }
        return n - m;
    }

    static int compareTo__Ljava_lang_Object_2__I(string s, var o)
    {
        return compareTo__Ljava_lang_String_2__I(s, o);
    }

    static string substring__I__Ljava_lang_String_2(string s, int b)
    {
        return substring__II__Ljava_lang_String_2(s, b, s.length());
    }

    static string substring__II__Ljava_lang_String_2(string s, int b, int e)
    {
        int n = s.length();
        if (b < 0 || b > e || e > n)
            throw sioobe("begin " + b + ", end " + e + ", length " + n);
        return s.substring(b, e - b);
    }

    static int indexOf__Ljava_lang_String_2__I(string s, var t)
    {
        return s.indexOf(check(t));
    }

    static int indexOf__Ljava_lang_String_2I__I(string s, var t, int from)
    {
        check(t);
        if (from >= s.length())
            return t.length() == 0 ? s.length() : -1;
        return s.indexOf(t, from);
    }

    static int indexOf__I__I(string s, int c)
    {
        return s.indexOf("" + (char) c);
    }

    static int indexOf__II__I(string s, int c, int from)
    {
        if (from >= s.length())
            return -1;
        return s.indexOf("" + (char) c, from);
    }

    static int lastIndexOf__Ljava_lang_String_2__I(string s, var t)
    {
        return s.lastIndexOf(check(t));
    }

    static int lastIndexOf__I__I(string s, int c)
    {
        return s.lastIndexOf("" + (char) c);
    }

    static string concat__Ljava_lang_String_2__Ljava_lang_String_2(string s, var t)
    {
        check(s);
        check(t);
        return s + t;
    }

    static int contains__Ljava_lang_CharSequence_2__Z(string s, var t)
    {
        return .javart.rt.zb(s.contains(.jvm.java.lang.Object.s_toString(t)));
    }

    static int startsWith__Ljava_lang_String_2__Z(string s, var t)
    {
        return .javart.rt.zb(s.startsWith(check(t)));
    }

    static int endsWith__Ljava_lang_String_2__Z(string s, var t)
    {
        return .javart.rt.zb(s.endsWith(check(t)));
    }

    static string toString____Ljava_lang_String_2(string s)
    {
        return check(s);
    }

    static string toUpperCase____Ljava_lang_String_2(string s)
    {
        return s.toUpperCase();
    }

    static string toLowerCase____Ljava_lang_String_2(string s)
    {
        return s.toLowerCase();
    }

    static string trim____Ljava_lang_String_2(string s)
    {
        int b = 0;
        int e = s.length();
        while (b < e && (int) s.charAt(b) <= 32)
            b++;
        while (e > b && (int) s.charAt(e - 1) <= 32)
            e--;
        return s.substring(b, e - b);
    }

    static string replace__CC__Ljava_lang_String_2(string s, int a, int b)
    {
        return s.replace("" + (char) a, "" + (char) b);
    }

    static .internal.object toCharArray_____3C(string s)
    {
        int n = s.length();
        var a = .javart.rt.newarray(n, 0);
        for (int i = 0; i < n; i++)
            a[i] = (int) s.charAt(i);
        return a;
    }

    static string repeat__I__Ljava_lang_String_2(string s, int n)
    {
        if (n < 0)
            throw .jvm.java.lang.Integer.iae("count is negative: " + n);
        string r = "";
        for (int i = 0; i < n; i++)
            r = r + s;
        return r;
    }

    static string valueOf__Ljava_lang_Object_2__Ljava_lang_String_2(var o)
    {
        return .jvm.java.lang.Object.valueOf(o);
    }

    static string valueOf__I__Ljava_lang_String_2(int v)
    {
        return "" + v;
    }

    static string valueOf__J__Ljava_lang_String_2(var v)
    {
        return "" + v;
    }

    static string valueOf__Z__Ljava_lang_String_2(var v)
    {
        return .javart.rt.strZ(v);
    }

    static string valueOf__C__Ljava_lang_String_2(var v)
    {
        return .javart.rt.strC(v);
    }

    static string valueOf__D__Ljava_lang_String_2(var v)
    {
        return .jvm.java.lang.Double.toString__D__Ljava_lang_String_2(v);
    }

    static string valueOf__F__Ljava_lang_String_2(var v)
    {
        return .jvm.java.lang.Float.toString__F__Ljava_lang_String_2(v);
    }

    static string valueOf___3C__Ljava_lang_String_2(var a)
    {
        if (a :== null)
            throw .javart.rt.npe(null);
        string r = "";
        for (int i = 0; i < a.size(); i++)
            r = r + (char) a[i];
        return r;
    }
};
