// .javart.rt: the run-time helpers of translated Java code (src/jvm,
// docs/JAVA.md).  Translated methods call these where one Phantom
// instruction is not Java's operation: array access with Java's checks
// and truncations, long and floating comparisons, Java exceptions for
// the VM's own, class cast failures, the end of a program.
package .javart;

// Thrown by System.exit: not a Throwable, so no Java catch takes it;
// the driver's catch ends the program with the status already set.
class Exit
{
};

class rt
{
    static int zb(bool b)
    {
        if (b)
            return 1;
        return 0;
    }

    // Object.hashCode of an object that does not override it.
    static int identityHash(var o)
    {
        return o.hashCode();
    }

    static .jvm.java.lang.ArrayIndexOutOfBoundsException aioobe(int i, int n)
    {
        var e = new .jvm.java.lang.ArrayIndexOutOfBoundsException();
        e.setMessage("Index " + i + " out of bounds for length " + n);
        return e;
    }

    static .jvm.java.lang.NullPointerException npe(string m)
    {
        var e = new .jvm.java.lang.NullPointerException();
        e.setMessage(m);
        return e;
    }

    static .internal.object aload(var a, var i)
    {
        if (a :== null)
            throw npe(null);
        int n = a.size();
        if (i < 0 || i >= n)
            throw aioobe(i, n);
        return a[i];
    }

    static void astore(var a, var i, var v)
    {
        if (a :== null)
            throw npe(null);
        int n = a.size();
        if (i < 0 || i >= n)
            throw aioobe(i, n);
        a[i] = v;
    }

    static void aastore(var a, var i, var v)
    {
        astore(a, i, v);
    }

    static void bastore(var a, var i, var v)
    {
        astore(a, i, (v << 24) >> 24);
    }

    static void castore(var a, var i, var v)
    {
        astore(a, i, v & 65535);
    }

    static void sastore(var a, var i, var v)
    {
        astore(a, i, (v << 16) >> 16);
    }

    // A new array of n elements, each zero (the element type's zero, or null).
    static .internal.object newarray(var n, var zero)
    {
        if (n < 0) {
            var e = new .jvm.java.lang.NegativeArraySizeException();
            e.setMessage("" + n);
            throw e;
        }
        var a = new void[]();
        if (n > 0)
            a[n - 1] = zero;
        if (!(zero :== null))
            for (int i = 0; i < n - 1; i++)
                a[i] = zero;
        return a;
    }

    static .internal.object multi(var dims, var zero)
    {
        for (int i = 0; i < dims.size(); i++)
            if (dims[i] < 0) {
                var e = new .jvm.java.lang.NegativeArraySizeException();
                e.setMessage("" + dims[i]);
                throw e;
            }
        return level(dims, 0, zero);
    }

    static .internal.object level(var dims, int d, var zero)
    {
        if (d == dims.size() - 1)
            return newarray(dims[d], zero);
        var a = newarray(dims[d], null);
        for (int i = 0; i < dims[d]; i++)
            a[i] = level(dims, d + 1, zero);
        return a;
    }

    static .internal.object arrayClone(var a)
    {
        if (a :== null)
            throw npe(null);
        return a.clone();
    }

    static int lcmp(var a, var b)
    {
        if (a < b)
            return -1;
        if (a > b)
            return 1;
        return 0;
    }

    // NaN gives -1 (fcmpl, dcmpl) or 1 (fcmpg, dcmpg).
    static int fcmpl(var a, var b)
    {
        if (a > b)
            return 1;
        if (a == b)
            return 0;
        return -1;
    }

    static int fcmpg(var a, var b)
    {
        if (a < b)
            return -1;
        if (a == b)
            return 0;
        return 1;
    }

    static int dcmpl(var a, var b)
    {
        return fcmpl(a, b);
    }

    static int dcmpg(var a, var b)
    {
        return fcmpg(a, b);
    }

    static string strZ(var b)
    {
        if (b)
            return "true";
        return "false";
    }

    static string strC(var c)
    {
        return "" + (char) c;
    }

    static int isComparable(var o)
    {
        return zb(o instanceof .internal.string || o instanceof .jvm.java.lang.Comparable);
    }

    static int isCharSequence(var o)
    {
        return zb(o instanceof .internal.string || o instanceof .jvm.java.lang.CharSequence);
    }

    // The Java name of the class of o.
    static string javaName(var o)
    {
        if (o instanceof .internal.string)
            return "java.lang.String";
        if (o instanceof .internal.container.array)
            return "[Ljava.lang.Object;";
        return .jvm.java.lang.Class.getName(o.getClass());
    }

    static .internal.object cce(var o, string target)
    {
        var e = new .jvm.java.lang.ClassCastException();
        e.setMessage("class " + javaName(o) + " cannot be cast to class " + target);
        return e;
    }

    // The Java exception for one the VM raised (already Java's: itself).
    static .internal.object convert(var e)
    {
        if (e instanceof .jvm.java.lang.Throwable)
            return e;
        .jvm.java.lang.Throwable j = null;
        string m = null;
        if (e instanceof .phantom.NullReferenceException)
            j = new .jvm.java.lang.NullPointerException();
        else if (e instanceof .phantom.ArithmeticException) {
            j = new .jvm.java.lang.ArithmeticException();
            m = "/ by zero";
        } else if (e instanceof .phantom.IndexOutOfRangeException) {
            // the VM's aload and astore of a Java array: "index I out of
            // range for length N" (anything else: a string's index)
            string vm = "" + e.getMessage();
            int at = vm.indexOf(" out of range for length ");
            if (vm.startsWith("index ") && at > 0) {
                j = new .jvm.java.lang.ArrayIndexOutOfBoundsException();
                m = "Index " + vm.substring(6, at - 6) + " out of bounds for length " +
                    vm.substring(at + 25, vm.length() - at - 25);
            } else
                j = new .jvm.java.lang.StringIndexOutOfBoundsException();
        }
        else if (e instanceof .phantom.CastException)
            j = new .jvm.java.lang.ClassCastException();
        else if (e instanceof .phantom.StackOverflowException)
            j = new .jvm.java.lang.StackOverflowError();
        else if (e instanceof .phantom.OutOfMemoryException) {
            j = new .jvm.java.lang.OutOfMemoryError();
            m = "Java heap space";
        } else if (e instanceof .phantom.Exception) {
            j = new .jvm.java.lang.InternalError();
            m = "" + e.getClass() + ": " + e.getMessage();
        } else
            return e;
        j.setMessage(m);
        j.setTrace(e);
        return j;
    }

    static void exit(int status)
    {
        .internal.process.setExitStatus(status);
        throw new .javart.Exit();
    }

    // An exception no Java code caught: Java's report, exit status 1.
    static void uncaught(var e)
    {
        if (e instanceof .javart.Exit)
            return;
        .jvm.java.lang.System.out.flush____V();
        e = convert(e);
        if (e instanceof .jvm.java.lang.Throwable) {
            .jvm.java.lang.System.err.print__Ljava_lang_String_2__V("Exception in thread \"main\" ");
            ((.jvm.java.lang.Throwable) e).printStackTrace____V();
        } else
            .jvm.java.lang.System.err.println__Ljava_lang_String_2__V("Exception in thread \"main\" " + e);
            .jvm.java.lang.System.err.flush____V();
        .internal.process.setExitStatus(1);
    }

    static void finish()
    {
        .jvm.java.lang.System.out.flush____V();
        .jvm.java.lang.System.err.flush____V();
    }
};
