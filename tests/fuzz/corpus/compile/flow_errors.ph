// break and continue outside loops, return values that do not fit the
// method, a void result used as a value.
class flow_errors
{
    static void nothing() { }

    static int needs_value()
    {
        return;
    }

    static void main()
    {
        break;
        if (true) continue;
        switch (1) { case 1: continue; }
        var x = nothing();
        println(nothing() + 1);
        return 5;
    }
};
