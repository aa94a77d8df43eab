// Comparisons of numbers across kinds, strings (bytewise), NaN (every
// comparison false), and == on values.
class compare
{
    static void main()
    {
        println(1 < 2);
        println(2 <= 2);
        println(3 > 4);
        println(4 >= 5);
        println(1 == 1L);
        println(1 == 1.0);
        println(1 != 2);
        println('A' == 65);
        println("abc" < "abd");
        println("ab" < "abc");
        println("b" > "abc");
        double nan = 0.0 / 0;
        println(nan < 1);
        println(nan >= 1);
        println(nan == nan);
        println(nan != nan);
        int i = 5;
        if (i > 3) println("i > 3");
        if (!(i <= 3)) println("not i <= 3");
        if (nan < 1) println("wrong"); else println("nan < 1 is false");
        if (nan >= 1) println("wrong"); else println("nan >= 1 is false");
        long big = 5000000000L;
        println(big > i);
        println(2.5 > 2);
    }
};
