// catch clauses: several in order (the first that matches wins), one
// catching several classes (A | B e), untyped ones catching anything,
// strings and other objects thrown and caught by their class.
class exc_catch_kinds
{
    static void fail(int how)
    {
        switch (how) {
        case 0: int z = 0; println(1 / z); break;
        case 1: var a = new int[2]; println(a[5]); break;
        case 2: var n = null; println(n.length()); break;
        case 3: throw "a string";
        case 4: throw new .internal.directory();
        case 5: throw new .phantom.ArgumentException("bad argument");
        }
    }

    static void main()
    {
        for (int i = 0; i <= 5; i++) {
            try {
                fail(i);
            } catch (.phantom.ArithmeticException | .phantom.IndexOutOfRangeException e) {
                println(i + ": arithmetic or index: " + e.getMessage());
            } catch (.phantom.NullReferenceException e) {
                println(i + ": null: " + e.getMessage());
            } catch (string s) {
                println(i + ": a string: " + s);
            } catch (var other) {
                println(i + ": something else: " + other);
            }
        }
        try { fail(4); } catch (.internal.directory d) { println("a directory " + d.size()); }
        try { fail(5); } catch (e) { println("anything: " + e); }
    }
};
