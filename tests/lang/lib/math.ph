// .phantom.math: the int, long and double helpers with their overloads and
// errors, and the wrappers of .internal.math.
class math_test
{
    static void main()
    {
        // min, max, abs, sign: int, long and double overloads
        println(math.min(3, -4) + " " + math.min(3L, 1L << 40) + " " + math.min(2.5, 1) + " " + math.min(0.0, -0.0));
        println(math.max(3, -4) + " " + math.max(3L, 1L << 40) + " " + math.max(2.5, 1) + " " + math.max(0.0 / 0, 1));
        println(math.abs(-5) + " " + math.abs(5) + " " + math.abs(.internal.int.MIN_VALUE()) + " " + math.abs(-5L) + " " +
                math.abs(-2.5));
        println(math.sign(-9) + " " + math.sign(0) + " " + math.sign(9) + " " + math.sign(-9L));

        // clamp
        println(math.clamp(5, 0, 10) + " " + math.clamp(-5, 0, 10) + " " + math.clamp(50, 0, 10) + " " +
                math.clamp(7L, 8L, 9L) + " " + math.clamp(2.5, 0.0, 1.0) + " " + math.clamp(3, 3, 3));
        try { math.clamp(1, 10, 0); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { math.clamp(1L, 10L, 0L); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { math.clamp(1.0, 0.0 / 0, 2.0); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // floorDiv, floorMod: toward negative infinity, where / and % go toward zero
        println(math.floorDiv(-7, 2) + " " + math.floorMod(-7, 2) + " " + math.floorDiv(7, -2) + " " +
                math.floorMod(7, -2) + " " + math.floorDiv(6, 3) + " " + math.floorMod(-6, 3) + " " +
                math.floorDiv(-86401L, 86400L) + " " + math.floorMod(-1L, 86400L) + " " + (-7 / 2) + " " + (-7 % 2));
        try { math.floorDiv(1, 0); } catch (.phantom.ArithmeticException e) { println("floorDiv by 0"); }

        // gcd, lcm
        println(math.gcd(12, 18) + " " + math.gcd(-12, 18) + " " + math.gcd(0, 5) + " " + math.gcd(0, 0) + " " +
                math.gcd(17, 5) + " " + math.gcd(1L << 40, 1L << 20));
        println(math.gcd(.internal.int.MIN_VALUE(), 6));
        try { math.gcd(.internal.int.MIN_VALUE(), 0); } catch (.phantom.ArithmeticException e) { println(e.getMessage()); }
        try { math.gcd(.internal.long.MIN_VALUE(), 0L); } catch (.phantom.ArithmeticException e) { println(e.getMessage()); }
        println(math.lcm(4, 6) + " " + math.lcm(-4, 6) + " " + math.lcm(0, 6) + " " + math.lcm(21L, 6L));

        // pow: ints and longs by squaring (wrapping), doubles by .internal.math
        println(math.pow(2, 10) + " " + math.pow(-3, 3) + " " + math.pow(7, 0) + " " + math.pow(0, 0) + " " +
                math.pow(2, 31) + " " + math.pow(2L, 62) + " " + math.pow(10L, 18));
        println(math.pow(2.0, 0.5) + " " + math.pow(2, -1.0));
        try { math.pow(2, -1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { math.pow(2L, -1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // the .internal.math wrappers
        println(math.sqrt(16) + " " + math.sin(0) + " " + math.cos(0) + " " + math.tan(0) + " " + math.asin(1) * 2 + " " +
                math.acos(1) + " " + math.atan(1) * 4);
        println(math.atan2(1, 1) * 4 + " " + math.exp(0) + " " + math.log(math.E()) + " " + math.log10(1000));
        println(math.floor(-2.5) + " " + math.ceil(-2.5) + " " + math.round(2.5) + " " + math.round(-2.5) + " " +
                math.fabs(-3) + " " + math.hypot(3, 4) + " " + math.fmod(7.5, 2));
        println(math.PI() + " " + math.E() + " " + math.sqrt(-1));
    }
};
