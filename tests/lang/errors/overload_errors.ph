// Overloads: no method fits the arguments, or several fit equally well.
class calc
{
    static int f(int a, long b) { return 1; }
    static int f(long a, int b) { return 2; }
    static int g(string s) { return 3; }
    static int g(bool b) { return 4; }
};

class overload_errors
{
    static void main()
    {
        println(calc.f(1, 2));
        println(calc.g(5));
        println(calc.f(1L, 2L));
    }
};
