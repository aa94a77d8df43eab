// The value of a return is computed before the finally runs; a return in
// the finally replaces it; an exception in a catch still runs the finally.
class exc_finally_return
{
    static int x;

    static int value()
    {
        x = 1;
        try { return x; }
        finally { x = 2; }
    }

    static int replaced()
    {
        try { return 1; }
        finally { return 2; }
    }

    static string from_catch()
    {
        string s = "";
        try {
            try { throw "first"; }
            catch (string e) { s += "catch " + e + "; "; throw "second"; }
            finally { s += "finally; "; }
        } catch (string e2) { s += "outer caught " + e2; }
        return s;
    }

    static void main()
    {
        println(value() + " " + x);
        println(replaced());
        println(from_catch());
    }
};
