// Values of the wrong type where types are declared: assignments,
// initialisers, arguments, returns, narrowing without a cast (an int
// constant may initialise a char when it is a character's code).
class shape { };
class square extends shape { };

class type_mismatch
{
    static int half(int n) { return n / 2; }
    static string label() { return 42; }

    static void main()
    {
        int n = "five";
        string s = 5;
        long big = 5;
        int small = big;
        half("ten");
        shape sh = new square();
        square sq = sh;
        bool b = 1;
        double d = 2.5;
        float f = d;
        int[] arr = new string[2];
        char c = 65;
        char d2 = -1;
    }
};
