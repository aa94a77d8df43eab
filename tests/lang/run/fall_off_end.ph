// A method that returns a value but can run off its end gets a warning and
// returns the zero of its type there (null for objects), as the original
// did; unreachable code gets a warning and is left out.
class fall_off_end
{
    static int maybe(int x)
    {
        if (x > 0) return x;
    }

    static string name(bool b)
    {
        if (b) return "named";
    }

    static int first()
    {
        return 1;
        println("never");
    }

    static void main()
    {
        println(maybe(5) + " " + maybe(-5));
        println(name(true) + " " + name(false));
        println(first());
    }
};
