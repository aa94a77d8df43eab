// Each exception the VM raises, caught by its own class and by its
// parents (.phantom.RuntimeException, .phantom.Exception): a field or a
// call on null, an index outside an array or a string, integer division
// by zero, a failed downcast, a missing method or a wrong argument count
// on an untyped value, an operand of the wrong type, a negative array
// size, a write to an immutable array, and runaway recursion (and no
// exception for a write past the end of an array, which grows).
class thing { var v : int; };
class other { };

class exc_kinds_vm
{
    static int depth;
    static int down(int n) { depth++; return down(n + 1) + 1; }

    static string kind(var e)
    {
        string r = e.getClass().getName();
        if (e instanceof .phantom.RuntimeException) r += " (runtime)";
        return r;
    }

    static void fail(int how)
    {
        thing t = null;
        int[] a = new int[2];
        var u;
        int zero = 0;
        switch (how) {
        case 0: t.v = 1; break;
        case 1: println(a[2]); break;
        case 2: "abc".charAt(5); break;
        case 3: println(7 / zero); break;
        case 4: .internal.object o = new other(); thing x = (thing)o; break;
        case 5: u = new thing(); u.missing(); break;
        case 6: u = "text"; u.substring(1); break;
        case 7: u = new thing(); println(u - 1); break;
        case 8: a = new int[zero - 1]; break;
        case 9: a.setImmutable(); a[0] = 5; break;
        case 10: down(0); break;
        case 11: u = null; u.toString(); break;
        case 12: println(a[-1]); break;
        case 13: a[5] = 1; println(a.length); break;
        }
    }

    static void main()
    {
        for (int i = 0; i <= 13; i++) {
            try {
                fail(i);
                println(i + ": nothing");
            } catch (.phantom.Exception e) {
                println(i + ": " + kind(e));
            }
        }
        println(depth > 1000);
        try { fail(1); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { fail(3); }
        catch (.phantom.RuntimeException e) { println(e.getMessage()); }
        try { fail(0); }
        catch (.phantom.ArithmeticException e) { println("wrong"); }
        catch (.phantom.NullReferenceException | .phantom.CastException e) { println("null or cast"); }
    }
};
