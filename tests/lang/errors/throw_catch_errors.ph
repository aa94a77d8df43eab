// throw and catch: numbers and bools cannot be thrown, nor null; an
// unknown class in a catch is reported once (not again where the variable
// is used); a catch variable has its class's type (checked where used),
// or is untyped when the clause names several classes.
class throw_catch_errors
{
    static void main()
    {
        throw 5;
    }

    static void more(int k)
    {
        if (k == 1) throw true;
        if (k == 2) throw 2.5;
        if (k == 3) throw null;
        try { more(2); }
        catch (nosuch e) { println(e.anything()); }
        try { more(3); }
        catch (string | .phantom.Exception e) { println(e.length()); }
        try { more(4); }
        catch (.phantom.Exception e) { int x = e; }
    }
};
