// java.lang.Throwable and the standard exceptions (docs/JAVA.md).
// Throwable extends .phantom.Exception, so the VM records the stack
// trace when one is thrown; its message is .phantom.Exception's.
package .jvm.java.lang;

class Throwable extends .phantom.Exception
{
    var cause;

    // Java records the stack trace when an exception is made: throwing it
    // here and catching it has the VM record it (the trace it holds then
    // stays when it is thrown for real).
    void fill()
    {
        try {
            throw this;
        } catch (.jvm.java.lang.Throwable e) {
        }
    }

    void _4init_5____V()
    {
        fill();
    }

    void _4init_5__Ljava_lang_String_2__V(var m)
    {
        setMessage(m);
        fill();
    }

    void _4init_5__Ljava_lang_String_2Ljava_lang_Throwable_2__V(var m, var c)
    {
        setMessage(m);
        cause = c;
        fill();
    }

    void _4init_5__Ljava_lang_Throwable_2__V(var c)
    {
        cause = c;
        if (!(c :== null))
            setMessage(c.toString____Ljava_lang_String_2());
        fill();
    }

    void setMessage(var m)
    {
        message = m;
    }

    // Keeps the trace the VM recorded for e (an exception it raised).
    void setTrace(var e)
    {
        trace = e.trace;
    }

    string getMessage____Ljava_lang_String_2()
    {
        return message;
    }

    string getLocalizedMessage____Ljava_lang_String_2()
    {
        return getMessage____Ljava_lang_String_2();
    }

    .internal.object getCause____Ljava_lang_Throwable_2()
    {
        return cause;
    }

    .internal.object initCause__Ljava_lang_Throwable_2__Ljava_lang_Throwable_2(var c)
    {
        cause = c;
        return this;
    }

    string toString____Ljava_lang_String_2()
    {
        string m = getLocalizedMessage____Ljava_lang_String_2();
        if (m :== null)
            return .javart.rt.javaName(this);
        return .javart.rt.javaName(this) + ": " + m;
    }

    string toString()
    {
        return toString____Ljava_lang_String_2();
    }

    int hashCode____I()
    {
        return .javart.rt.identityHash(this);
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(this :== o);
    }

    // Java's report: this exception, its frames, then each cause with
    // the frames it does not share with the one it caused ("... N more").
    void printStackTrace____V()
    {
        .jvm.java.lang.System.out.flush____V();
        var err = .jvm.java.lang.System.err;
        err.println__Ljava_lang_String_2__V(toString____Ljava_lang_String_2());
        var lines = javaTrace().split("\n");
        printLines(lines, lines.size() - 1);
        var c = cause;
        int guard = 0;
        while (c instanceof .jvm.java.lang.Throwable && !(c :== this) && guard < 100) {
            var t = (.jvm.java.lang.Throwable) c;
            var own = t.javaTrace().split("\n");
            int n = own.size() - 1;   // split leaves an empty last piece
            int m = lines.size() - 1;
            int common = 0;
            while (common < n && common < m && own[n - 1 - common] == lines[m - 1 - common])
                common++;
            err.println__Ljava_lang_String_2__V("Caused by: " + t.toString____Ljava_lang_String_2());
            printLines(own, n - common);
            if (common > 0)
                err.println__Ljava_lang_String_2__V("\t... " + common + " more");
            lines = own;
            c = t.cause;
            guard++;
        }
        err.flush____V();
    }

    static void printLines(var lines, int n)
    {
        for (int i = 0; i < n; i++)
            .jvm.java.lang.System.err.println__Ljava_lang_String_2__V(lines[i]);
    }

    // The VM's trace ("    at .jvm.Main.run__I__V (Main.java:7)" lines)
    // as Java prints it ("\tat Main.run(Main.java:7)"), with the frames
    // of the library and of the front end's helpers left out.
    string javaTrace()
    {
        var tr = trace;
        if (tr :== null)
            return "";
        var out = new .jvm.java.lang.StringBuilder();
        out._4init_5____V();
        var lines = ("" + tr).split("\n");
        for (int i = 0; i < lines.size(); i++) {
            string l = lines[i];
            int at = l.indexOf("at .jvm.");
            int paren = l.indexOf(" (");
            if (at < 0 || paren < 0)
                continue;
            string where = l.substring(at + 8, paren - at - 8);
            int dot = where.lastIndexOf(".");
            if (dot < 0)
                continue;
            string cls = where.substring(0, dot);
            string meth = where.substring(dot + 1, where.length() - dot - 1);
            // the library's frames, the front end's helpers and lambda
            // classes (which the JVM hides too) are not shown
            if (cls.startsWith("java.") || meth.startsWith("__") || cls.contains("$$Lambda$"))
                continue;
            // the constructors making the exception: not in Java's trace
            if (out.length____I() == 0 && meth.startsWith("_4init_5"))
                continue;
            out.append__Ljava_lang_String_2__Ljava_lang_StringBuilder_2("\tat " + cls + "." + demangle(meth) +
                l.substring(paren + 1, l.length() - paren - 1) + "\n");
        }
        return out.toString____Ljava_lang_String_2();
    }

    static int hex(string h)
    {
        int v = 0;
        for (int i = 0; i < h.length(); i++) {
            int c = (int) h.charAt(i);
            v = v * 16 + (c <= 57 ? c - 48 : c - 87);
        }
        return v;
    }

    static string demangle(string m)
    {
        int end = m.indexOf("__");
        if (end < 0)
            end = m.length();
        string r = "";
        for (int i = 0; i < end; i++) {
            char c = m.charAt(i);
            if (c == '_' && i + 1 < end) {
                char k = m.charAt(i + 1);
                i++;
                if (k == '1') r = r + "_";
                else if (k == '4') r = r + "<";
                else if (k == '5') r = r + ">";
                else if (k == '0' && i + 4 < end) {
                    r = r + (char) hex(m.substring(i + 1, 4));
                    i += 4;
                }
            } else
                r = r + c;
        }
        return r;
    }
};

class Exception extends Throwable {};
class Error extends Throwable {};
class RuntimeException extends Exception {};
class ArithmeticException extends RuntimeException {};
class NullPointerException extends RuntimeException {};
class ClassCastException extends RuntimeException {};
class IllegalArgumentException extends RuntimeException {};
class NumberFormatException extends IllegalArgumentException {};
class IllegalStateException extends RuntimeException {};
class IndexOutOfBoundsException extends RuntimeException {};
class ArrayIndexOutOfBoundsException extends IndexOutOfBoundsException {};
class StringIndexOutOfBoundsException extends IndexOutOfBoundsException {};
class NegativeArraySizeException extends RuntimeException {};
class ArrayStoreException extends RuntimeException {};
class UnsupportedOperationException extends RuntimeException {};
class CloneNotSupportedException extends Exception {};
class InterruptedException extends Exception {};
class ReflectiveOperationException extends Exception {};
class VirtualMachineError extends Error {};
class StackOverflowError extends VirtualMachineError {};
class OutOfMemoryError extends VirtualMachineError {};
class InternalError extends VirtualMachineError {};
class AssertionError extends Error
{
    void _4init_5__Ljava_lang_Object_2__V(var m)
    {
        setMessage(.jvm.java.lang.Object.valueOf(m));
    }
};
