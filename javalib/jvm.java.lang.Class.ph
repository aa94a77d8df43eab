// java.lang.Class (docs/JAVA.md): a Java Class is the VM's class object,
// what a class literal pushes and getClass() returns, so
// `o.getClass() == Foo.class` holds as in Java; its methods are these
// static helpers, which the translator calls with the class object.
package .jvm.java.lang;

class Class
{
    // o.getClass(): a string's and a box's are Java's (java.lang.String)
    static .internal.object of(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        return o.getClass();
    }

    // Java's name: "class .jvm.pkg.Outer$Inner" is pkg.Outer$Inner
    static string getName(var cls)
    {
        if (cls :== null)
            throw .javart.rt.npe(null);
        string n = "" + cls;
        int sp = n.indexOf(" ");
        n = n.substring(sp + 1, n.length() - sp - 1);
        if (n.startsWith(".jvm."))
            return n.substring(5, n.length() - 5);
        if (n == ".internal.string")
            return "java.lang.String";
        if (n == ".internal.container.array")
            return "[Ljava.lang.Object;";
        if (n == ".internal.object")
            return "java.lang.Object";
        return n;
    }

    // the name after the package and the enclosing classes ("" for an
    // anonymous class, as Java)
    static string getSimpleName(var cls)
    {
        string n = getName(cls);
        int cut = n.lastIndexOf(".");
        if (n.lastIndexOf("$") > cut)
            cut = n.lastIndexOf("$");
        n = n.substring(cut + 1, n.length() - cut - 1);
        if (n.length() > 0 && .internal.char.isDigit(n[0]))
            return "";
        return n;
    }

    // "class NAME" (the VM does not tell an interface's class object
    // apart, so an interface's is "class" too; Java says "interface")
    static string toString(var cls)
    {
        return "class " + getName(cls);
    }

    static int isInstance(var cls, var o)
    {
        if (o :== null)
            return 0;
        if (o instanceof .internal.string) {
            string n = getName(cls);
            return .javart.rt.zb(n == "java.lang.String" || n == "java.lang.CharSequence" || n == "java.lang.Comparable" ||
                                 n == "java.lang.Object");
        }
        return .javart.rt.zb(cls.isInstance(o));
    }
};
