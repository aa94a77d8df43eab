// Literals: decimal and hex ints (0xFFFFFFFF is -1), longs, floats and
// doubles, chars, strings with escapes (\uXXXX is UTF-8), bools, null.
class literals
{
    static void main()
    {
        println(42);
        println(0x2A);
        println(0xFFFFFFFF);
        println(-2147483648);
        println(0x7FFFFFFFFFFFFFFFL);
        println(10l);
        println(1.5f);
        println(2.5);
        println(3e2);
        println(1.0e-3);
        println(6.02E23);
        println(2.5d);
        println('x');
        println("line1\nline2");
        println("tab[\t]");
        println("quote[\"] apostrophe[\'] backslash[\\]");
        println("hex[\x41\x42]");
        println("unicode[\u00e9\u20ac]");
        println(true);
        println(false);
        println(null);
        println("nul[\0]".length());
        println("");
    }
};
