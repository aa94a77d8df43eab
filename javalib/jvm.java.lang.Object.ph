// java.lang.Object for translated Java classes (docs/JAVA.md): the
// superclass of every Java class, and the static helpers for calls of
// Object's, Comparable's and CharSequence's methods on a receiver that
// may be a string (Java's String is the VM's string).
package .jvm.java.lang;

class Object
{
    int hashCode____I()
    {
        return .javart.rt.identityHash(this);
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(this :== o);
    }

    string toString____Ljava_lang_String_2()
    {
        return .javart.rt.javaName(this) + "@" + .jvm.java.lang.Integer.toHexString__I__Ljava_lang_String_2(hashCode____I());
    }

    // What println, string + and the VM's tostring show: Java's toString.
    string toString()
    {
        return toString____Ljava_lang_String_2();
    }

    static bool isJava(var o)
    {
        return o instanceof .jvm.java.lang.Object || o instanceof .jvm.java.lang.Throwable;
    }

    static int s_hashCode(var o)
    {
        if (o instanceof .internal.string)
            return .jvm.java.lang.String.hashCode____I(o);
        if (isJava(o))
            return o.hashCode____I();
        if (o :== null)
            throw .javart.rt.npe(null);
        return .javart.rt.identityHash(o);
    }

    static int s_equals(var o, var x)
    {
        if (o instanceof .internal.string)
            return .jvm.java.lang.String.equals__Ljava_lang_Object_2__Z(o, x);
        if (isJava(o))
            return o.equals__Ljava_lang_Object_2__Z(x);
        if (o :== null)
            throw .javart.rt.npe(null);
        return .javart.rt.zb(o :== x);
    }

    static string s_toString(var o)
    {
        if (o instanceof .internal.string)
            return o;
        // numbers: the elements of primitive arrays (Arrays.toString)
        if (o instanceof .internal.int || o instanceof .internal.long || o instanceof .internal.double ||
            o instanceof .internal.float)
            return "" + o;
        if (isJava(o))
            return o.toString____Ljava_lang_String_2();
        if (o :== null)
            throw .javart.rt.npe(null);
        if (o instanceof .internal.class)
            return .jvm.java.lang.Class.toString(o);
        return .javart.rt.javaName(o) + "@" + .jvm.java.lang.Integer.toHexString__I__Ljava_lang_String_2(.javart.rt.identityHash(o));
    }

    // String.valueOf(Object): "null" for null.
    static string valueOf(var o)
    {
        if (o :== null)
            return "null";
        return s_toString(o);
    }

    static int s_compareTo(var o, var x)
    {
        if (o instanceof .internal.string)
            return .jvm.java.lang.String.compareTo__Ljava_lang_String_2__I(o, x);
        if (o :== null)
            throw .javart.rt.npe(null);
        return o.compareTo__Ljava_lang_Object_2__I(x);
    }

    static int s_length(var o)
    {
        if (o instanceof .internal.string)
            return o.length();
        if (o :== null)
            throw .javart.rt.npe(null);
        return o.length____I();
    }

    static int s_charAt(var o, var i)
    {
        if (o instanceof .internal.string)
            return .jvm.java.lang.String.charAt__I__C(o, i);
        if (o :== null)
            throw .javart.rt.npe(null);
        return o.charAt__I__C(i);
    }
};

interface Comparable
{
    int compareTo__Ljava_lang_Object_2__I(var o);
};

interface CharSequence
{
    int length____I();
    int charAt__I__C(var i);
    string toString____Ljava_lang_String_2();
};

interface Runnable
{
    void run____V();
};

interface Iterable
{
    .internal.object iterator____Ljava_util_Iterator_2();
};

interface Cloneable
{
};
