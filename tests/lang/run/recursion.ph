// Recursion: static and instance methods, mutual recursion, deep
// recursion ending in StackOverflowException (caught).
class recursion
{
    static long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    static bool is_even(int n) { return n == 0 ? true : is_odd(n - 1); }
    static bool is_odd(int n) { return n == 0 ? false : is_even(n - 1); }
    static int ack(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return ack(m - 1, 1);
        return ack(m - 1, ack(m, n - 1));
    }
    int depth;
    int dive() { depth++; return dive(); }

    static void main()
    {
        println(fact(20));
        println(fib(25));
        println(is_even(10) + " " + is_odd(7));
        println(ack(2, 3));
        var r = new recursion();
        try { r.dive(); }
        catch (.phantom.StackOverflowException e) { println("stack overflow after " + (r.depth > 1000)); }
    }
};
