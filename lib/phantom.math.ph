// .phantom.math: arithmetic helpers for ints, longs and doubles, and the
// functions of .internal.math.  All static.  Int and long results wrap
// around on overflow, as int and long arithmetic does, except where a
// method says otherwise.
package .phantom;

class math
{
    static int min(int a, int b) { return a < b ? a : b; }
    static long min(long a, long b) { return a < b ? a : b; }
    static double min(double a, double b) { return .internal.double.min(a, b); }

    static int max(int a, int b) { return a > b ? a : b; }
    static long max(long a, long b) { return a > b ? a : b; }
    static double max(double a, double b) { return .internal.double.max(a, b); }

    // |x|; abs(-2147483648) is -2147483648 (it wraps).
    static int abs(int x) { return x < 0 ? -x : x; }
    static long abs(long x) { return x < 0 ? -x : x; }
    static double abs(double x) { return .internal.math.fabs(x); }

    // -1, 0 or 1, as x is negative, zero or positive.
    static int sign(int x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }
    static int sign(long x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

    // x limited to the range [lo, hi]; ArgumentException if lo > hi.
    static int clamp(int x, int lo, int hi)
    {
        if (lo > hi)
            throw new .phantom.ArgumentException("clamp: the range [" + lo + ", " + hi + "] is empty");
        return x < lo ? lo : (x > hi ? hi : x);
    }

    static long clamp(long x, long lo, long hi)
    {
        if (lo > hi)
            throw new .phantom.ArgumentException("clamp: the range [" + lo + ", " + hi + "] is empty");
        return x < lo ? lo : (x > hi ? hi : x);
    }

    static double clamp(double x, double lo, double hi)
    {
        if (!(lo <= hi))
            throw new .phantom.ArgumentException("clamp: the range [" + lo + ", " + hi + "] is empty");
        return x < lo ? lo : (x > hi ? hi : x);
    }

    // a / b rounded toward negative infinity (the operator / rounds toward
    // zero): floorDiv(-7, 2) is -4.  ArithmeticException when b is 0.
    static int floorDiv(int a, int b) { int q = a / b; return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q; }
    static long floorDiv(long a, long b) { long q = a / b; return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q; }

    // The remainder that goes with floorDiv, of the sign of b: floorMod(-7, 2)
    // is 1, where -7 % 2 is -1.  ArithmeticException when b is 0.
    static int floorMod(int a, int b) { return a - floorDiv(a, b) * b; }
    static long floorMod(long a, long b) { return a - floorDiv(a, b) * b; }

    // The greatest common divisor, never negative: gcd(-12, 18) is 6,
    // gcd(0, 0) is 0.  ArithmeticException when it is 2^31, which an int
    // cannot hold (gcd(-2147483648, 0)).
    static int gcd(int a, int b)
    {
        long g = gcd((long) a, (long) b);
        if (g > .internal.int.MAX_VALUE())
            throw new .phantom.ArithmeticException("gcd: the result " + g + " does not fit in an int");
        return (int) g;
    }

    // ArithmeticException when the result is 2^63.
    static long gcd(long a, long b)
    {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        if (a == .internal.long.MIN_VALUE())
            throw new .phantom.ArithmeticException("gcd: the result 9223372036854775808 does not fit in a long");
        return a < 0 ? -a : a;
    }

    // The least common multiple, never negative; 0 if either is 0.
    static int lcm(int a, int b)
    {
        if (a == 0 || b == 0)
            return 0;
        return abs(a / gcd(a, b) * b);
    }

    static long lcm(long a, long b)
    {
        if (a == 0 || b == 0)
            return 0;
        return abs(a / gcd(a, b) * b);
    }

    // base to the power exp (exp >= 0), by repeated squaring; it wraps on
    // overflow.  ArgumentException for a negative exp.
    static int pow(int base, int exp)
    {
        if (exp < 0)
            throw new .phantom.ArgumentException("pow: the exponent " + exp + " is negative");
        int result = 1;
        while (exp > 0) {
            if (exp % 2 == 1)
                result *= base;
            base *= base;
            exp /= 2;
        }
        return result;
    }

    static long pow(long base, int exp)
    {
        if (exp < 0)
            throw new .phantom.ArgumentException("pow: the exponent " + exp + " is negative");
        long result = 1;
        while (exp > 0) {
            if (exp % 2 == 1)
                result *= base;
            base *= base;
            exp /= 2;
        }
        return result;
    }

    static double pow(double x, double y) { return .internal.math.pow(x, y); }

    // The functions of .internal.math, on doubles (docs/INTERNAL-CLASSES.md).
    static double sqrt(double x) { return .internal.math.sqrt(x); }
    static double sin(double x) { return .internal.math.sin(x); }
    static double cos(double x) { return .internal.math.cos(x); }
    static double tan(double x) { return .internal.math.tan(x); }
    static double asin(double x) { return .internal.math.asin(x); }
    static double acos(double x) { return .internal.math.acos(x); }
    static double atan(double x) { return .internal.math.atan(x); }
    static double atan2(double y, double x) { return .internal.math.atan2(y, x); }
    static double exp(double x) { return .internal.math.exp(x); }
    static double log(double x) { return .internal.math.log(x); }
    static double log10(double x) { return .internal.math.log10(x); }
    static double floor(double x) { return .internal.math.floor(x); }
    static double ceil(double x) { return .internal.math.ceil(x); }
    static double round(double x) { return .internal.math.round(x); }
    static double fabs(double x) { return .internal.math.fabs(x); }
    static double hypot(double x, double y) { return .internal.math.hypot(x, y); }
    static double fmod(double x, double y) { return .internal.math.fmod(x, y); }
    static double PI() { return .internal.math.PI(); }
    static double E() { return .internal.math.E(); }
};
