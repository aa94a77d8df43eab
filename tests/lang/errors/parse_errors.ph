// Syntax errors are reported by the parser, one per mistake, and the
// program is not compiled further.
class parse_errors
{
    static void main()
    {
        int x = 5
        println(x);
        if (x > ) println("no");
        f() = 2;
    }
};
