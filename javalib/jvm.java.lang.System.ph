// java.lang.System and java.io.PrintStream (docs/JAVA.md): standard
// output through the console, standard error a line at a time.
package .jvm.java.lang;

class System
{
    static var out = .jvm.java.io.PrintStream.make(1);
    static var err = .jvm.java.io.PrintStream.make(2);
    static var in = .jvm.java.io.InputStream.stdin();

    static long currentTimeMillis____J()
    {
        return .internal.time.nowMillis();
    }

    static long nanoTime____J()
    {
        return .internal.time.monoNanos();
    }

    static int identityHashCode__Ljava_lang_Object_2__I(var o)
    {
        if (o :== null)
            return 0;
        return .javart.rt.identityHash(o);
    }

    static void exit__I__V(int status)
    {
        .javart.rt.finish();
        .javart.rt.exit(status & 255);
    }

    static string lineSeparator____Ljava_lang_String_2()
    {
        return "\n";
    }

    static string getenv__Ljava_lang_String_2__Ljava_lang_String_2(var name)
    {
        return .internal.process.getenv(name);
    }

    static void arraycopy__Ljava_lang_Object_2ILjava_lang_Object_2II__V(var src, int sp, var dst, int dp, int n)
    {
        if (src :== null || dst :== null)
            throw .javart.rt.npe(null);
        if (!(src instanceof .internal.container.array) || !(dst instanceof .internal.container.array)) {
            var e = new .jvm.java.lang.ArrayStoreException();
            e.setMessage("arraycopy: source and destination must be arrays");
            throw e;
        }
        if (n < 0 || sp < 0 || dp < 0 || sp + n > src.size() || dp + n > dst.size()) {
            var e = new .jvm.java.lang.ArrayIndexOutOfBoundsException();
            if (n < 0)
                e.setMessage("arraycopy: length " + n + " is negative");
            else if (sp < 0 || sp + n > src.size())
                e.setMessage("arraycopy: last source index " + (sp + n) + " out of bounds for length " + src.size());
            else
                e.setMessage("arraycopy: last destination index " + (dp + n) + " out of bounds for length " + dst.size());
            throw e;
        }
        if (src :== dst && sp < dp) {
            for (int i = n - 1; i >= 0; i--)
                dst[dp + i] = src[sp + i];
        } else {
            for (int i = 0; i < n; i++)
                dst[dp + i] = src[sp + i];
        }
    }
};
