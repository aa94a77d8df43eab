// Constants: const fields (static, with a value) are replaced by their
// value where they are used; const locals cannot change.
class limits
{
    const int MAX = 100;
    const string NAME = "limits";
    const long BIG = 5;
    const double HALF = 0.5;
    const char MARK = '#';
};

class constants
{
    const int LOCAL = limits.MAX + 1;

    static void main()
    {
        println(limits.MAX + " " + limits.NAME + " " + limits.HALF + " " + limits.MARK);
        println(limits.BIG * 1000000000);
        println(LOCAL);
        const int k = 7;
        println(k * limits.MAX);
        const greeting = "hi";
        println(greeting);
        switch (150) { case limits.MAX: println("max"); break; default: println("other"); }
    }
};
