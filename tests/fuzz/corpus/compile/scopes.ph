// Local variables: block scope, the same name in sibling blocks, every
// declaration starting fresh (null, or the zero of its type) even when a
// loop runs it again, parameters as locals.
class scopes
{
    static int twice(int n) { n = n * 2; return n; }

    static void main()
    {
        { var a = "first"; println(a); }
        { var a; println(a); }
        { int a; println(a); }
        for (int i = 0; i < 3; i++) {
            var seen;
            int count;
            if (i == 0) { seen = "set"; count = 5; }
            println(i + " " + seen + " " + count);
        }
        int n = 4;
        println(twice(n) + " " + n);
        int x = 1;
        {
            int y = x + 1;
            println(y);
        }
        int y = 10;
        println(y);
    }
};
