// java.lang.Enum (docs/JAVA.md): the superclass of every enum.  Each
// constant enters a list when it is made, which Enum.valueOf (what an
// enum's valueOf(String) calls, with its class object) searches.
package .jvm.java.lang;

class Enum extends .jvm.java.lang.Object implements .jvm.java.lang.Comparable
{
    var name;
    var ordinal : int;
    static var constants = new void[]();

    void _4init_5__Ljava_lang_String_2I__V(var n, int o)
    {
        name = n;
        ordinal = o;
        constants.add(this);
    }

    string name____Ljava_lang_String_2() { return name; }
    int ordinal____I() { return ordinal; }
    string toString____Ljava_lang_String_2() { return name; }
    int hashCode____I() { return .javart.rt.identityHash(this); }
    int equals__Ljava_lang_Object_2__Z(var o) { return .javart.rt.zb(this :== o); }

    int compareTo__Ljava_lang_Enum_2__I(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        return ordinal - ((.jvm.java.lang.Enum) o).ordinal;
    }

    int compareTo__Ljava_lang_Object_2__I(var o)
    {
        return compareTo__Ljava_lang_Enum_2__I(o);
    }

    // The constant of the enum class cls (a class object) named n.
    static .internal.object valueOf__Ljava_lang_Class_2Ljava_lang_String_2__Ljava_lang_Enum_2(var cls, var n)
    {
        if (n :== null)
            throw .javart.rt.npe("Name is null");
        string want = "" + cls;
        for (int i = 0; i < constants.size(); i++) {
            var c = (.jvm.java.lang.Enum) constants[i];
            if (c.name == n && ("" + c.getClass() == want || "" + c.getClass().getSuperclass() == want))
                return c;
        }
        string cn = want;
        if (cn.startsWith("class .jvm."))
            cn = cn.substring(11, cn.length() - 11);
        // Java names the class by its canonical name: Outer.Inner
        throw .jvm.java.lang.Integer.iae("No enum constant " + cn.replace("$", ".") + "." + n);
    }
};

class LinkageError extends Error {};
class IncompatibleClassChangeError extends LinkageError {};
class NoSuchFieldError extends IncompatibleClassChangeError {};
class NoSuchMethodError extends IncompatibleClassChangeError {};
