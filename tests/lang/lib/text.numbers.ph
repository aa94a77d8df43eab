// .phantom.text.numbers: parsing (with FormatException for bad text) and
// formatting: radix, hex and fixed decimals.
import .phantom.text.numbers;

class numbers_test
{
    static void bad(string what, string s)
    {
        try {
            if (what == "int") numbers.parseInt(s);
            else if (what == "long") numbers.parseLong(s);
            else if (what == "double") numbers.parseDouble(s);
            else numbers.parseBool(s);
            println("parsed?! " + s);
        } catch (.phantom.FormatException e) {
            println(e.getMessage());
        }
    }

    static void main()
    {
        // parseInt, parseLong (decimal and any radix)
        println(numbers.parseInt("42") + numbers.parseInt("  -17 ") + numbers.parseInt("+3"));
        println(numbers.parseInt("2147483647") + " " + numbers.parseInt("-2147483648"));
        println(numbers.parseInt("ff", 16) + " " + numbers.parseInt("-FF", 16) + " " + numbers.parseInt("101", 2) +
                " " + numbers.parseInt("zz", 36) + " " + numbers.parseInt("0777", 8));
        println(numbers.parseLong("9223372036854775807") + " " + numbers.parseLong("-9223372036854775808"));
        println(numbers.parseLong("7fffffffffffffff", 16) + " " + numbers.parseLong("-1", 2));
        bad("int", "12x");
        bad("int", "");
        bad("int", "  ");
        bad("int", "-");
        bad("int", "1 2");
        bad("int", "1.5");
        bad("int", "2147483648");
        bad("int", "-2147483649");
        bad("long", "9223372036854775808");
        bad("long", "-9223372036854775809");
        bad("long", "99999999999999999999999");
        try { numbers.parseInt("12", 2); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { numbers.parseInt("1", 1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { numbers.parseLong("1", 37); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // parseDouble, parseBool
        println(numbers.parseDouble("2.5") + " " + numbers.parseDouble(" -1e3 ") + " " + numbers.parseDouble(".5") +
                " " + numbers.parseDouble("NaN") + " " + numbers.parseDouble("-Infinity"));
        bad("double", "2.5.1");
        bad("double", "abc");
        bad("double", "");
        println(numbers.parseBool("true") + " " + numbers.parseBool("false"));
        bad("bool", "TRUE");
        bad("bool", "1");

        // a FormatException is an ArgumentException
        try { numbers.parseInt("x"); } catch (.phantom.ArgumentException e) { println("caught as " + e.getClass().getName()); }

        // toRadix, toHex
        println(numbers.toRadix(255, 16) + " " + numbers.toRadix(-255, 16) + " " + numbers.toRadix(5, 2) + " " +
                numbers.toRadix(0, 7) + " " + numbers.toRadix(35, 36));
        println(numbers.toRadix(.internal.long.MIN_VALUE(), 16) + " " + numbers.toRadix(.internal.long.MAX_VALUE(), 36));
        try { numbers.toRadix(1, 0); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        println(numbers.toHex(0) + " " + numbers.toHex(255) + " " + numbers.toHex(-1) + " " +
                numbers.toHex(.internal.int.MIN_VALUE()) + " " + numbers.toHex(-1L) + " " + numbers.toHex(1L << 40));

        // fixed: longs exactly, doubles rounded half away from zero on their shortest text
        println(numbers.fixed(5, 2) + " " + numbers.fixed(-5, 0) + " " + numbers.fixed(9223372036854775807L, 1));
        println(numbers.fixed(3.14159, 2) + " " + numbers.fixed(3.14159, 0) + " " + numbers.fixed(3.14159, 7));
        println(numbers.fixed(2.675, 2) + " " + numbers.fixed(1.005, 2) + " " + numbers.fixed(0.125, 2));
        println(numbers.fixed(0.5, 0) + " " + numbers.fixed(1.5, 0) + " " + numbers.fixed(-0.5, 0) + " " +
                numbers.fixed(0.49, 0));
        println(numbers.fixed(9.999, 2) + " " + numbers.fixed(99.96, 1) + " " + numbers.fixed(-9.5, 0));
        println(numbers.fixed(0.0, 2) + " " + numbers.fixed(-0.0, 2) + " " + numbers.fixed(-0.004, 2));
        println(numbers.fixed(1.5e-4, 4) + " " + numbers.fixed(1.5e-4, 3) + " " + numbers.fixed(9.6e-4, 3) + " " +
                numbers.fixed(1e-10, 2) + " " + numbers.fixed(1.23e-7, 9));
        println(numbers.fixed(1e21, 1) + " " + numbers.fixed(1.2345e10, 2) + " " + numbers.fixed(123456789.0, 0));
        println(numbers.fixed(0.0 / 0, 2) + " " + numbers.fixed(1.0 / 0, 2) + " " + numbers.fixed(-1.0 / 0, 2));
        println(numbers.fixed(2.5f, 1) + " " + numbers.fixed(0.1 + 0.2, 20));
        try { numbers.fixed(1.0, -1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { numbers.fixed(1, 1001); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
    }
};
