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

    // split: Java's algorithm over PCRE2 (Java's regular expressions are
    // PCRE's for what programs split on): a zero-width match at the start
    // gives no leading empty string; limit 0 drops the trailing empty ones.
    static .internal.object split__Ljava_lang_String_2I___3Ljava_lang_String_2(string s, var regex, int limit)
    {
        check(regex);
        var parts = new void[]();
        int n = s.length();
        int index = 0;
        int from = 0;
        while (from <= n && (limit <= 0 || parts.size() < limit - 1)) {
            var m = .internal.regex.find(regex, "", s, from, false);
            if (m :== null)
                break;
            int start = m[0];
            int end = m[1];
            from = end > start ? end : end + 1;
            if (end == 0 && start == 0)
                continue;
            parts.add(s.substring(index, start - index));
            index = end;
        }
        if (index == 0 && parts.size() == 0) {
            parts.add(s);
            return parts;
        }
        parts.add(s.substring(index, n - index));
        if (limit == 0)
            while (parts.size() > 0 && parts[parts.size() - 1] == "")
                parts.pop();
        return parts;
    }

    static .internal.object split__Ljava_lang_String_2___3Ljava_lang_String_2(string s, var regex)
    {
        return split__Ljava_lang_String_2I___3Ljava_lang_String_2(s, regex, 0);
    }

    static int matches__Ljava_lang_String_2__Z(string s, var regex)
    {
        return .javart.rt.zb(!(.internal.regex.find(check(regex), "", s, 0, true) :== null));
    }

    static string join__Ljava_lang_CharSequence_2_3Ljava_lang_CharSequence_2__Ljava_lang_String_2(var sep, var parts)
    {
        var texts = new void[]();
        for (int i = 0; i < parts.size(); i++)
            texts.add(.jvm.java.lang.Object.valueOf(parts[i]));
        return texts.join(.jvm.java.lang.Object.s_toString(sep));
    }

    static string join__Ljava_lang_CharSequence_2Ljava_lang_Iterable_2__Ljava_lang_String_2(var sep, var parts)
    {
        var texts = new void[]();
        var it = parts.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            texts.add(.jvm.java.lang.Object.valueOf(it.next____Ljava_lang_Object_2()));
        return texts.join(.jvm.java.lang.Object.s_toString(sep));
    }

    static string format__Ljava_lang_String_2_3Ljava_lang_Object_2__Ljava_lang_String_2(var f, var args)
    {
        return .jvm.java.util.Formatter.format(check(f), args);
    }

    static string formatted___3Ljava_lang_Object_2__Ljava_lang_String_2(string s, var args)
    {
        return .jvm.java.util.Formatter.format(s, args);
    }

    static string replace__Ljava_lang_CharSequence_2Ljava_lang_CharSequence_2__Ljava_lang_String_2(string s, var a, var b)
    {
        string from = .jvm.java.lang.Object.s_toString(a);
        string to = .jvm.java.lang.Object.s_toString(b);
        if (from.length() == 0) {
            var out = new void[]();
            for (int i = 0; i < s.length(); i++)
                out.add("" + s[i]);
            return to + out.join(to) + to;
        }
        var pieces = new void[]();
        int i = 0;
        while (true) {
            int j = s.indexOf(from, i);
            if (j < 0)
                break;
            pieces.add(s.substring(i, j - i));
            i = j + from.length();
        }
        pieces.add(s.substring(i, s.length() - i));
        return pieces.join(to);
    }

    static int isBlank____Z(string s)
    {
        return .javart.rt.zb(strip____Ljava_lang_String_2(s).length() == 0);
    }

    static string strip____Ljava_lang_String_2(string s)
    {
        int b = 0;
        int e = s.length();
        while (b < e && .internal.char.isWhitespace(s[b]))
            b++;
        while (e > b && .internal.char.isWhitespace(s[e - 1]))
            e--;
        return s.substring(b, e - b);
    }

    static int compareToIgnoreCase__Ljava_lang_String_2__I(string s, var o)
    {
        return compareTo__Ljava_lang_String_2__I(s.toLowerCase(), check(o).toLowerCase());
    }

    static int lastIndexOf__Ljava_lang_String_2I__I(string s, var t, int from)
    {
        check(t);
        for (int i = from < s.length() - t.length() ? from : s.length() - t.length(); i >= 0; i--)
            if (s.substring(i, t.length()) == t)
                return i;
        return -1;
    }
};
