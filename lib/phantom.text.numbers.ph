// .phantom.text.numbers: numbers to text and back, all static.  Text that
// is not a number raises .phantom.FormatException (an ArgumentException).
package .phantom.text;

class numbers
{
    // ---- parsing ------------------------------------------------------------------------

    // The int written in s in decimal: an optional sign and digits, with
    // white space around allowed.
    static int parseInt(string s)
    {
        return parseInt(s, 10);
    }

    // The int written in s in the given radix (2 to 36; letters a-z or A-Z
    // are the digits from 10): parseInt("-ff", 16) is -255.
    static int parseInt(string s, int radix)
    {
        long v = parse(s, radix, "parseInt");
        if (v < .internal.int.MIN_VALUE() || v > .internal.int.MAX_VALUE())
            throw new .phantom.FormatException("parseInt: \"" + s + "\" is out of the int range");
        return (int) v;
    }

    static long parseLong(string s)
    {
        return parse(s, 10, "parseLong");
    }

    static long parseLong(string s, int radix)
    {
        return parse(s, radix, "parseLong");
    }

    // The double written in s: 1, -2.5, .5, 1e10, 1.5E-3, NaN, Infinity.
    static double parseDouble(string s)
    {
        try {
            return .internal.double.parse(s);
        } catch (.phantom.ArgumentException e) {
            throw new .phantom.FormatException("parseDouble: \"" + s + "\" is not a number");
        }
    }

    // true or false, exactly.
    static bool parseBool(string s)
    {
        if (s == "true")
            return true;
        if (s == "false")
            return false;
        throw new .phantom.FormatException("parseBool: \"" + s + "\" is neither true nor false");
    }

    // The long in s in radix; what goes wrong is reported as method's.
    // Digits are accumulated as a negative number, whose range is one
    // larger, so that the most negative long parses too.
    private static long parse(string s, int radix, string method)
    {
        checkRadix(radix, method);
        string t = s.trim();
        int n = t.length();
        int i = 0;
        bool negative = false;
        if (n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        if (i >= n)
            throw new .phantom.FormatException(method + ": \"" + s + "\" is not a number");
        long limit = negative ? .internal.long.MIN_VALUE() : -.internal.long.MAX_VALUE();
        long v = 0;
        while (i < n) {
            int d = digit(t.charAt(i));
            if (d < 0 || d >= radix)
                throw new .phantom.FormatException(method + ": \"" + s + "\" is not a number in base " + radix);
            if (v < (limit + d) / radix)
                throw new .phantom.FormatException(method + ": \"" + s + "\" is out of the long range");
            v = v * radix - d;
            i++;
        }
        return negative ? v : -v;
    }

    // The value of a digit character (0-9, a-z, A-Z), or -1.
    private static int digit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z')
            return c - 'A' + 10;
        return -1;
    }

    private static void checkRadix(int radix, string method)
    {
        if (radix < 2 || radix > 36)
            throw new .phantom.ArgumentException(method + ": radix " + radix + " is not between 2 and 36");
    }

    // ---- formatting ---------------------------------------------------------------------

    // n in the given radix (2 to 36), lowercase, with a '-' if negative:
    // toRadix(255, 16) is "ff", toRadix(-5, 2) is "-101".
    static string toRadix(long n, int radix)
    {
        checkRadix(radix, "toRadix");
        if (n == 0)
            return "0";
        string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        void[] out = new void[]();
        long v = n;
        while (v != 0) {
            long r = v % radix;
            if (r < 0)
                r = -r;
            out.insert(0, digits.substring((int) r, 1));
            v = v / radix;
        }
        if (n < 0)
            out.insert(0, "-");
        return out.join("");
    }

    // The 32 bits of n in hex, lowercase, without leading zeros:
    // toHex(255) is "ff", toHex(-1) is "ffffffff".
    static string toHex(int n)
    {
        long bits = n;
        return toHex(bits & 0xFFFFFFFFL);
    }

    // The 64 bits of n in hex: toHex(-1L) is "ffffffffffffffff".
    static string toHex(long n)
    {
        if (n == 0)
            return "0";
        string digits = "0123456789abcdef";
        void[] out = new void[]();
        long v = n;
        while (v != 0) {
            out.insert(0, digits.substring((int) (v & 15), 1));
            v = v >>> 4;
        }
        return out.join("");
    }

    // n with exactly decimals digits after the point: fixed(5, 2) is "5.00".
    static string fixed(long n, int decimals)
    {
        checkDecimals(decimals);
        if (decimals == 0)
            return "" + n;
        return "" + n + "." + strings.repeat("0", decimals);
    }

    // x rounded to decimals digits after the point: fixed(3.14159, 2) is
    // "3.14", fixed(2.5, 0) is "3", fixed(-0.004, 2) is "-0.00".  It rounds
    // the shortest decimal text of x (what println shows) half away from
    // zero, so fixed(2.675, 2) is "2.68" (C's printf says 2.67: the double
    // nearest to 2.675 is a little below it).  NaN and the infinities give
    // "NaN", "Infinity" and "-Infinity".
    static string fixed(double x, int decimals)
    {
        checkDecimals(decimals);
        if (.internal.double.isNaN(x))
            return "NaN";
        if (.internal.double.isInfinite(x))
            return x > 0 ? "Infinity" : "-Infinity";
        bool negative = x < 0 || (x == 0 && 1.0 / x < 0);
        string t = "" + (negative ? -x : x);   // "123.45", "1.5E-4", "1.0E21"
        int exp = 0;
        int e = t.indexOf("E");
        if (e >= 0) {
            exp = t.substring(e + 1, t.length() - e - 1).toInt();
            t = t.substring(0, e);
        }
        int dot = t.indexOf(".");
        string digits = t.substring(0, dot) + t.substring(dot + 1, t.length() - dot - 1);
        // x is 0.DIGITS times 10 to the power point
        int point = dot + exp;
        int keep = point + decimals;    // the digits that stay
        if (keep < 0) {                 // x is below half a unit of the last place: zero
            digits = "";
            keep = 0;
            point = -decimals;
        }
        int[] d = new int[keep];
        for (int i = 0; i < keep && i < digits.length(); i++)
            d[i] = digits.charAt(i) - '0';
        if (keep < digits.length() && digits.charAt(keep) >= '5') {   // round up
            int i = keep - 1;
            while (i >= 0 && d[i] == 9) {
                d[i] = 0;
                i--;
            }
            if (i >= 0) {
                d[i] = d[i] + 1;
            } else {
                d.insert(0, 1);   // 9.99 becomes 10.0
                point++;
            }
        }
        void[] out = new void[]();
        if (negative)
            out.add("-");
        if (point <= 0) {
            out.add("0");
        } else {
            for (int i = 0; i < point; i++)
                out.add(d[i]);
        }
        if (decimals > 0) {
            out.add(".");
            for (int i = point; i < 0; i++)
                out.add("0");
            for (int i = point < 0 ? 0 : point; i < d.length; i++)
                out.add(d[i]);
        }
        return out.join("");
    }

    private static void checkDecimals(int decimals)
    {
        if (decimals < 0 || decimals > 1000)
            throw new .phantom.ArgumentException("fixed: " + decimals + " decimals is not between 0 and 1000");
    }
};
