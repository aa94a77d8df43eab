// java.util.Objects (docs/JAVA.md); javac itself calls requireNonNull
// for `outer.new Inner()`.
package .jvm.java.util;

class Objects
{
    static .internal.object requireNonNull__Ljava_lang_Object_2__Ljava_lang_Object_2(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        return o;
    }

    static .internal.object requireNonNull__Ljava_lang_Object_2Ljava_lang_String_2__Ljava_lang_Object_2(var o, var m)
    {
        if (o :== null)
            throw .javart.rt.npe(m);
        return o;
    }

    static int equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(var a, var b)
    {
        if (a :== b)
            return 1;
        if (a :== null)
            return 0;
        return .jvm.java.lang.Object.s_equals(a, b);
    }

    static int hashCode__Ljava_lang_Object_2__I(var o)
    {
        if (o :== null)
            return 0;
        return .jvm.java.lang.Object.s_hashCode(o);
    }

    static string toString__Ljava_lang_Object_2__Ljava_lang_String_2(var o)
    {
        return .jvm.java.lang.Object.valueOf(o);
    }

    static int isNull__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(o :== null);
    }

    static int nonNull__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(!(o :== null));
    }
};
