// java.io.PrintStream for System.out (fd 1) and System.err (fd 2).
package .jvm.java.io;

class PrintStream extends .jvm.java.lang.Object
{
    var fd : int;
    var pending; // standard error: the line so far
    var tty;     // standard error goes through a terminal object's debug

    static .jvm.java.io.PrintStream make(int fd)
    {
        var p = new .jvm.java.io.PrintStream();
        p.fd = fd;
        p.pending = "";
        p.tty = new .internal.io.tty();
        return p;
    }

    void write(string s)
    {
        if (fd == 1) {
            .internal.io.tty.print(s);
            return;
        }
        string p = pending + s;
        int nl = p.lastIndexOf("\n");
        if (nl >= 0) {
            tty.debug(p.substring(0, nl));
            p = p.substring(nl + 1, p.length() - nl - 1);
        }
        pending = p;
    }

    void flush____V()
    {
        if (fd == 2 && pending.length() > 0) {
            tty.debug(pending);
            pending = "";
        }
    }

    .internal.object printf__Ljava_lang_String_2_3Ljava_lang_Object_2__Ljava_io_PrintStream_2(var f, var args)
    {
        write(.jvm.java.lang.String.format__Ljava_lang_String_2_3Ljava_lang_Object_2__Ljava_lang_String_2(f, args));
        return this;
    }

    .internal.object format__Ljava_lang_String_2_3Ljava_lang_Object_2__Ljava_io_PrintStream_2(var f, var args)
    {
        return printf__Ljava_lang_String_2_3Ljava_lang_Object_2__Ljava_io_PrintStream_2(f, args);
    }

    void print__Ljava_lang_String_2__V(var s) { write(.jvm.java.lang.Object.valueOf(s)); }
    void print__Ljava_lang_Object_2__V(var o) { write(.jvm.java.lang.Object.valueOf(o)); }
    void print__I__V(int v) { write("" + v); }
    void print__J__V(var v) { write("" + v); }
    void print__C__V(var v) { write(.javart.rt.strC(v)); }
    void print__Z__V(var v) { write(.javart.rt.strZ(v)); }
    void print__D__V(var v) { write(.jvm.java.lang.Double.toString__D__Ljava_lang_String_2(v)); }
    void print__F__V(var v) { write(.jvm.java.lang.Float.toString__F__Ljava_lang_String_2(v)); }
    void print___3C__V(var a) { write(.jvm.java.lang.String.valueOf___3C__Ljava_lang_String_2(a)); }

    void println____V() { write("\n"); }
    void println__Ljava_lang_String_2__V(var s) { write(.jvm.java.lang.Object.valueOf(s) + "\n"); }
    void println__Ljava_lang_Object_2__V(var o) { write(.jvm.java.lang.Object.valueOf(o) + "\n"); }
    void println__I__V(int v) { write("" + v + "\n"); }
    void println__J__V(var v) { write("" + v + "\n"); }
    void println__C__V(var v) { write(.javart.rt.strC(v) + "\n"); }
    void println__Z__V(var v) { write(.javart.rt.strZ(v) + "\n"); }
    void println__D__V(var v) { write(.jvm.java.lang.Double.toString__D__Ljava_lang_String_2(v) + "\n"); }
    void println__F__V(var v) { write(.jvm.java.lang.Float.toString__F__Ljava_lang_String_2(v) + "\n"); }
    void println___3C__V(var a) { write(.jvm.java.lang.String.valueOf___3C__Ljava_lang_String_2(a) + "\n"); }
};
