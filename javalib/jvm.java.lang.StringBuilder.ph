// java.lang.StringBuilder (docs/JAVA.md): the text so far as pieces
// joined on demand, so appending is proportional to what is appended.
package .jvm.java.lang;

class StringBuilder extends .jvm.java.lang.Object implements .jvm.java.lang.CharSequence
{
    var parts;     // strings; joined into one by flat()
    var len : int; // characters

    void _4init_5____V()
    {
        parts = new void[]();
        len = 0;
    }

    void _4init_5__I__V(int capacity)
    {
        if (capacity < 0) {
            var e = new .jvm.java.lang.NegativeArraySizeException();
            e.setMessage("" + capacity);
            throw e;
        }
        _4init_5____V();
    }

    void _4init_5__Ljava_lang_String_2__V(var s)
    {
        _4init_5____V();
        add(.jvm.java.lang.String.check(s));
    }

    void _4init_5__Ljava_lang_CharSequence_2__V(var s)
    {
        _4init_5____V();
        add(.jvm.java.lang.Object.s_toString(s));
    }

    .jvm.java.lang.StringBuilder add(string s)
    {
        parts.add(s);
        len += s.length();
        return this;
    }

    string flat()
    {
        if (parts.size() == 1)
            return parts[0];
        string s = parts.join("");
        parts.clear();
        parts.add(s);
        return s;
    }

    .internal.object append__Ljava_lang_String_2__Ljava_lang_StringBuilder_2(var s)
    {
        if (s :== null)
            return add("null");
        return add(s);
    }

    .internal.object append__Ljava_lang_Object_2__Ljava_lang_StringBuilder_2(var o)
    {
        return add(.jvm.java.lang.Object.valueOf(o));
    }

    .internal.object append__Ljava_lang_CharSequence_2__Ljava_lang_StringBuilder_2(var o)
    {
        return add(.jvm.java.lang.Object.valueOf(o));
    }

    .internal.object append__Ljava_lang_StringBuilder_2__Ljava_lang_StringBuilder_2(var o)
    {
        return add(.jvm.java.lang.Object.valueOf(o));
    }

    .internal.object append__I__Ljava_lang_StringBuilder_2(int v)
    {
        return add("" + v);
    }

    .internal.object append__J__Ljava_lang_StringBuilder_2(var v)
    {
        return add("" + v);
    }

    .internal.object append__C__Ljava_lang_StringBuilder_2(var v)
    {
        return add(.javart.rt.strC(v));
    }

    .internal.object append__Z__Ljava_lang_StringBuilder_2(var v)
    {
        return add(.javart.rt.strZ(v));
    }

    .internal.object append__D__Ljava_lang_StringBuilder_2(var v)
    {
        return add(.jvm.java.lang.Double.toString__D__Ljava_lang_String_2(v));
    }

    .internal.object append__F__Ljava_lang_StringBuilder_2(var v)
    {
        return add(.jvm.java.lang.Float.toString__F__Ljava_lang_String_2(v));
    }

    .internal.object append___3C__Ljava_lang_StringBuilder_2(var a)
    {
        return add(.jvm.java.lang.String.valueOf___3C__Ljava_lang_String_2(a));
    }

    string toString____Ljava_lang_String_2()
    {
        return flat();
    }

    int length____I()
    {
        return len;
    }

    int charAt__I__C(var i)
    {
        return .jvm.java.lang.String.charAt__I__C(flat(), i);
    }

    .internal.object reverse____Ljava_lang_StringBuilder_2()
    {
        string s = flat();
        var r = new void[]();
        for (int i = len - 1; i >= 0; i--)
            r.add("" + s.charAt(i));
        parts.clear();
        parts.add(r.join(""));
        return this;
    }

    void setLength__I__V(int n)
    {
        if (n < 0)
            throw .jvm.java.lang.String.sioobe("String index out of range: " + n);
        string s = flat();
        if (n <= len)
            s = s.substring(0, n);
        else
            for (int i = len; i < n; i++)
                s = s + (char) 0 + "";
        parts.clear();
        parts.add(s);
        len = n;
    }

    .internal.object insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(int at, var t)
    {
        if (at < 0 || at > len)
            throw .jvm.java.lang.String.sioobe("offset " + at + ", length " + len);
        string s = flat();
        string x = .jvm.java.lang.Object.valueOf(t);
        parts.clear();
        parts.add(s.substring(0, at) + x + s.substring(at, len - at));
        len += x.length();
        return this;
    }

    .internal.object deleteCharAt__I__Ljava_lang_StringBuilder_2(int at)
    {
        if (at < 0 || at >= len)
            throw .jvm.java.lang.String.sioobe("index " + at + ",length " + len);
        string s = flat();
        parts.clear();
        parts.add(s.substring(0, at) + s.substring(at + 1, len - at - 1));
        len--;
        return this;
    }

    void setCharAt__IC__V(int at, int c)
    {
        if (at < 0 || at >= len)
            throw .jvm.java.lang.String.sioobe("index " + at + ",length " + len);
        string s = flat();
        parts.clear();
        parts.add(s.substring(0, at) + (char) c + s.substring(at + 1, len - at - 1));
    }

    int indexOf__Ljava_lang_String_2__I(var t)
    {
        return flat().indexOf(.jvm.java.lang.String.check(t));
    }

    // the text with [b, e) replaced by x (e clamped to the length), as
    // delete and replace do
    .internal.object splice(int b, int e, string x)
    {
        if (e > len)
            e = len;
        if (b < 0 || b > e)
            throw .jvm.java.lang.String.sioobe("start " + b + ", end " + e + ", length " + len);
        string s = flat();
        parts.clear();
        parts.add(s.substring(0, b) + x + s.substring(e, len - e));
        len = len - (e - b) + x.length();
        return this;
    }

    .internal.object delete__II__Ljava_lang_StringBuilder_2(int b, int e) { return splice(b, e, ""); }

    .internal.object replace__IILjava_lang_String_2__Ljava_lang_StringBuilder_2(int b, int e, var x)
    {
        return splice(b, e, .jvm.java.lang.String.check(x));
    }

    .internal.object insert__IC__Ljava_lang_StringBuilder_2(int at, var c)
    {
        return insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(at, .javart.rt.strC(c));
    }

    .internal.object insert__II__Ljava_lang_StringBuilder_2(int at, int v)
    {
        return insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(at, "" + v);
    }

    .internal.object insert__IJ__Ljava_lang_StringBuilder_2(int at, var v)
    {
        return insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(at, "" + v);
    }

    .internal.object insert__IZ__Ljava_lang_StringBuilder_2(int at, var v)
    {
        return insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(at, .javart.rt.strZ(v));
    }

    .internal.object insert__ILjava_lang_Object_2__Ljava_lang_StringBuilder_2(int at, var o)
    {
        return insert__ILjava_lang_String_2__Ljava_lang_StringBuilder_2(at, .jvm.java.lang.Object.valueOf(o));
    }

    int indexOf__Ljava_lang_String_2I__I(var t, int from)
    {
        return .jvm.java.lang.String.indexOf__Ljava_lang_String_2I__I(flat(), t, from < 0 ? 0 : from);
    }

    int lastIndexOf__Ljava_lang_String_2__I(var t)
    {
        return flat().lastIndexOf(.jvm.java.lang.String.check(t));
    }

    string substring__I__Ljava_lang_String_2(int b)
    {
        return .jvm.java.lang.String.substring__I__Ljava_lang_String_2(flat(), b);
    }

    string substring__II__Ljava_lang_String_2(int b, int e)
    {
        return .jvm.java.lang.String.substring__II__Ljava_lang_String_2(flat(), b, e);
    }

    int isEmpty____Z() { return .javart.rt.zb(len == 0); }

    int compareTo__Ljava_lang_StringBuilder_2__I(var o)
    {
        return .jvm.java.lang.String.compareTo__Ljava_lang_String_2__I(flat(), o.toString____Ljava_lang_String_2());
    }
};
