// String.format and PrintStream.printf (docs/JAVA.md): Java's format
// syntax %[index$][flags][width][.precision]conversion for the
// conversions d, s, S, f, x, X, o, c, b, B, n and %, with the flags
// - 0 + , space and (.  Another conversion is an
// UnknownFormatConversionException naming it, never a wrong text.
package .jvm.java.util;

class IllegalFormatException extends .jvm.java.lang.IllegalArgumentException {};
class UnknownFormatConversionException extends IllegalFormatException {};
class MissingFormatArgumentException extends IllegalFormatException {};
class IllegalFormatConversionException extends IllegalFormatException {};

class Formatter
{
    static .jvm.java.lang.IllegalArgumentException bad(var e, string m)
    {
        e.setMessage(m);
        return e;
    }

    static string format(string f, var args)
    {
        var out = new void[]();
        int n = f.length();
        int next = 0;    // the next ordinary argument
        int i = 0;
        while (i < n) {
            int pct = f.indexOf("%", i);
            if (pct < 0) {
                out.add(f.substring(i, n - i));
                break;
            }
            out.add(f.substring(i, pct - i));
            i = pct + 1;
            // [index$]
            int start = i;
            int num = 0;
            while (i < n && .internal.char.isDigit(f[i])) {
                num = num * 10 + ((int) f[i] - 48);
                i++;
            }
            int index = -1;
            if (i < n && i > start && f[i] == '$') {
                index = num - 1;
                i++;
            } else
                i = start;
            string flags = "";
            while (i < n && "-0+, (#".indexOf("" + f[i]) >= 0) {
                flags = flags + f[i];
                i++;
            }
            int width = -1;
            if (i < n && .internal.char.isDigit(f[i])) {
                width = 0;
                while (i < n && .internal.char.isDigit(f[i])) {
                    width = width * 10 + ((int) f[i] - 48);
                    i++;
                }
            }
            int prec = -1;
            if (i < n && f[i] == '.') {
                i++;
                prec = 0;
                while (i < n && .internal.char.isDigit(f[i])) {
                    prec = prec * 10 + ((int) f[i] - 48);
                    i++;
                }
            }
            if (i >= n)
                throw bad(new .jvm.java.util.UnknownFormatConversionException(), "Conversion = '%'");
            char c = f[i];
            i++;
            if (c == 'n') {
                out.add("\n");
                continue;
            }
            if (c == '%') {
                out.add(pad("%", width, flags));
                continue;
            }
            if (index < 0) {
                index = next;
                next++;
            }
            if (args :== null || index >= args.size())
                throw bad(new .jvm.java.util.MissingFormatArgumentException(), "Format specifier '%" + c + "'");
            out.add(convert(c, args[index], width, prec, flags));
        }
        return out.join("");
    }

    static string pad(string s, int width, string flags)
    {
        if (width <= s.length())
            return s;
        string fill = .jvm.java.lang.String.repeat__I__Ljava_lang_String_2(" ", width - s.length());
        if (flags.indexOf("-") >= 0)
            return s + fill;
        return fill + s;
    }

    // sign and digits of a number with the flags 0 + , space (
    static string number(bool negative, string digits, int width, string flags)
    {
        if (flags.indexOf(",") >= 0) {
            int point = digits.indexOf(".");
            int end = point < 0 ? digits.length() : point;
            string grouped = "";
            for (int k = 0; k < end; k++) {
                if (k > 0 && (end - k) % 3 == 0)
                    grouped = grouped + ",";
                grouped = grouped + digits[k];
            }
            digits = grouped + digits.substring(end, digits.length() - end);
        }
        string sign = "";
        string tail = "";
        if (negative) {
            if (flags.indexOf("(") >= 0) {
                sign = "(";
                tail = ")";
            } else
                sign = "-";
        } else if (flags.indexOf("+") >= 0)
            sign = "+";
        else if (flags.indexOf(" ") >= 0)
            sign = " ";
        if (flags.indexOf("0") >= 0 && width > sign.length() + digits.length() + tail.length())
            digits = .jvm.java.lang.String.repeat__I__Ljava_lang_String_2("0", width - sign.length() - digits.length() - tail.length()) + digits;
        return pad(sign + digits + tail, width, flags);
    }

    static bool integral(var a)
    {
        return a instanceof .jvm.java.lang.Integer || a instanceof .jvm.java.lang.Long;
    }

    static string convert(char c, var a, int width, int prec, string flags)
    {
        if (c == 's' || c == 'S') {
            string s = .jvm.java.lang.Object.valueOf(a);
            if (prec >= 0 && prec < s.length())
                s = s.substring(0, prec);
            if (c == 'S')
                s = s.toUpperCase();
            return pad(s, width, flags);
        }
        if (c == 'b' || c == 'B') {
            string s = "true";
            if (a :== null)
                s = "false";
            else if (a instanceof .jvm.java.lang.Boolean)
                s = .jvm.java.lang.Object.valueOf(a);
            if (c == 'B')
                s = s.toUpperCase();
            return pad(s, width, flags);
        }
        if (a :== null)
            return pad("null", width, flags);
        if (c == 'c') {
            if (!(a instanceof .jvm.java.lang.Character))
                throw mismatch(c, a);
            return pad(.jvm.java.lang.Object.valueOf(a), width, flags);
        }
        if (c == 'd') {
            if (!integral(a))
                throw mismatch(c, a);
            string s = .jvm.java.lang.Object.valueOf(a);
            bool neg = s.startsWith("-");
            if (neg)
                s = s.substring(1, s.length() - 1);
            return number(neg, s, width, flags);
        }
        if (c == 'x' || c == 'X' || c == 'o') {
            if (!integral(a))
                throw mismatch(c, a);
            long v = a.longValue____J();
            int bits = a instanceof .jvm.java.lang.Long ? 64 : 32;
            int shift = c == 'o' ? 3 : 4;
            string s = radix(v, bits, shift);
            if (c == 'X')
                s = s.toUpperCase();
            return number(false, s, width, flags);
        }
        if (c == 'f') {
            if (!(a instanceof .jvm.java.lang.Double || a instanceof .jvm.java.lang.Float))
                throw mismatch(c, a);
            double d = a.doubleValue____D();
            if (.internal.double.isNaN(d))
                return pad("NaN", width, flags);
            bool neg = d < 0.0 || (d == 0.0 && 1.0 / d < 0.0);
            if (neg)
                d = -d;
            if (.internal.double.isInfinite(d))
                return number(neg, "Infinity", width, flags.replace("0", ""));
            return number(neg, fixed(d, prec < 0 ? 6 : prec), width, flags);
        }
        throw bad(new .jvm.java.util.UnknownFormatConversionException(),
                  "Conversion = '" + c + "' (Phantom's String.format has d s S f x X o c b B n %)");
    }

    static .jvm.java.lang.IllegalArgumentException mismatch(char c, var a)
    {
        return bad(new .jvm.java.util.IllegalFormatConversionException(),
                   "" + c + " != " + .javart.rt.javaName(a));
    }

    // the low `bits` bits of v in base 2^shift (two's complement, as Java)
    static string radix(long v, int bits, int shift)
    {
        if (bits < 64)
            v = v & ((1L << bits) - 1L);
        string s = "";
        int mask = (1 << shift) - 1;
        for (int k = 0; k < bits; k += shift) {
            s = "" + "0123456789abcdef"[(int) (v & (long) mask)] + s;
            v = v >>> shift;
            if (v == 0L)
                break;
        }
        return s;
    }

    // d >= 0 with prec decimals, rounded half up from its shortest
    // decimal text, as Java's Formatter rounds.
    static string fixed(double d, int prec)
    {
        string t = "" + d;
        int exp = 0;
        int e = t.indexOf("E");
        if (e >= 0) {
            exp = .jvm.java.lang.Integer.parseInt__Ljava_lang_String_2__I(t.substring(e + 1, t.length() - e - 1));
            t = t.substring(0, e);
        }
        int point = t.indexOf(".");
        var digits = new void[]();
        for (int k = 0; k < t.length(); k++)
            if (k != point)
                digits.add((int) t[k] - 48);
        point = point + exp;
        while (point < 1) {
            digits.insert(0, 0);
            point++;
        }
        int keep = point + prec;
        while (digits.size() <= keep)
            digits.add(0);
        bool up = digits[keep] >= 5;
        digits = digits.slice(0, keep);
        for (int k = keep - 1; up && k >= 0; k--) {
            if (digits[k] == 9)
                digits[k] = 0;
            else {
                digits[k] = digits[k] + 1;
                up = false;
            }
        }
        if (up) {
            digits.insert(0, 1);
            point++;
        }
        string s = "";
        int first = 0;
        while (first < point - 1 && digits[first] == 0)
            first++;
        for (int k = first; k < digits.size(); k++) {
            if (k == point)
                s = s + ".";
            s = s + digits[k];
        }
        return s;
    }
};
