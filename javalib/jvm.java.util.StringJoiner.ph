// java.util.StringJoiner (docs/JAVA.md).
package .jvm.java.util;

class StringJoiner extends .jvm.java.lang.Object
{
    var sep;
    var prefix;
    var suffix;
    var parts;
    var empty;    // setEmptyValue's text, or null

    void _4init_5__Ljava_lang_CharSequence_2__V(var d)
    {
        _4init_5__Ljava_lang_CharSequence_2Ljava_lang_CharSequence_2Ljava_lang_CharSequence_2__V(d, "", "");
    }

    void _4init_5__Ljava_lang_CharSequence_2Ljava_lang_CharSequence_2Ljava_lang_CharSequence_2__V(var d, var p, var s)
    {
        if (d :== null || p :== null || s :== null)
            throw .javart.rt.npe(null);
        sep = .jvm.java.lang.Object.s_toString(d);
        prefix = .jvm.java.lang.Object.s_toString(p);
        suffix = .jvm.java.lang.Object.s_toString(s);
        parts = new void[]();
        empty = null;
    }

    .internal.object add__Ljava_lang_CharSequence_2__Ljava_util_StringJoiner_2(var t)
    {
        parts.add(.jvm.java.lang.Object.valueOf(t));
        return this;
    }

    .internal.object setEmptyValue__Ljava_lang_CharSequence_2__Ljava_util_StringJoiner_2(var t)
    {
        if (t :== null)
            throw .javart.rt.npe(null);
        empty = .jvm.java.lang.Object.s_toString(t);
        return this;
    }

    string toString____Ljava_lang_String_2()
    {
        if (parts.size() == 0 && !(empty :== null))
            return empty;
        return prefix + parts.join(sep) + suffix;
    }

    int length____I() { return toString____Ljava_lang_String_2().length(); }
};
