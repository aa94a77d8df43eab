// Calls the compiler cannot decide: null where several class parameters
// fit, arguments that fit two overloads equally (each needing one
// widening), a field of an untyped value that several classes declare;
// and a cast or a typed variable settling each of them.
class a { var id : int; };
class b { var id : string; };

class ambiguity_errors
{
    static string f(a x) { return "a"; }
    static string f(b x) { return "b"; }
    static string g(int x, long y) { return "int,long"; }
    static string g(long x, int y) { return "long,int"; }
    static string h(double x) { return "double"; }
    static string h(long x) { return "long"; }

    static void main()
    {
        println(f(null));
        println(f((a)null));
        println(g(1, 2));
        println(g(1, 2L));
        println(h(1));
        println(h(1.5f));
        var u;
        u = new a();
        println(u.id);
        a typed = u;
        println(typed.id);
    }
};
