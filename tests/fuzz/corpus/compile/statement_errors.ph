// Mistakes in statements: case values that can never match or appear
// twice, foreach over something that is not a collection, locking a
// number, throwing null or a number.
class statement_errors
{
    static void main()
    {
        int n = 3;
        switch (n) {
        case 1: break;
        case "one": break;
        case 1: break;
        }
        foreach (x in 42) println(x);
        foreach (int y in "abc".split(",")) println(y);
        synchronized (n) { println(n); }
        throw null;
    }
};
