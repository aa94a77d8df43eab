// .phantom.text.strings: helpers for strings, all static.  Indices and
// lengths count characters (code points), as .internal.string does.
package .phantom.text;

class strings
{
    // The pieces of s between the separators, empty ones included:
    // split("a,,b", ",") is ["a", "", "b"].  An empty sep splits into
    // characters.
    static void[] split(string s, string sep)
    {
        return s.split(sep);
    }

    // The text of each element (its toString) with sep between.  parts is
    // an array or a container with toArray() (list, set, queue, stack).
    static string join(string sep, var parts)
    {
        var items;
        if (parts instanceof .internal.container.array)
            items = parts;
        else
            items = parts.toArray();
        void[] texts = new void[]();
        foreach (x in items)
            texts.add("" + x);
        return texts.join(sep);
    }

    // The index of the first sub in s, or -1.
    static int find(string s, string sub)
    {
        return s.indexOf(sub);
    }

    // The index of the first sub in s at or after from, or -1.
    static int find(string s, string sub, int from)
    {
        return s.indexOf(sub, from);
    }

    // The index of the last sub in s, or -1.
    static int findLast(string s, string sub)
    {
        return s.lastIndexOf(sub);
    }

    // How many times sub occurs in s, not overlapping.
    static int count(string s, string sub)
    {
        if (sub.isEmpty())
            throw new .phantom.ArgumentException("count: the string to count is empty");
        int n = 0;
        int i = s.indexOf(sub);
        while (i >= 0) {
            n++;
            i = s.indexOf(sub, i + sub.length());
        }
        return n;
    }

    static bool contains(string s, string sub)
    {
        return s.contains(sub);
    }

    static bool startsWith(string s, string prefix)
    {
        return s.startsWith(prefix);
    }

    static bool endsWith(string s, string suffix)
    {
        return s.endsWith(suffix);
    }

    // s with every a replaced by b.
    static string replace(string s, string a, string b)
    {
        return s.replace(a, b);
    }

    // s with the first a replaced by b.
    static string replaceFirst(string s, string a, string b)
    {
        if (a.isEmpty())
            throw new .phantom.ArgumentException("replaceFirst: the string to replace is empty");
        int i = s.indexOf(a);
        if (i < 0)
            return s;
        int after = i + a.length();
        return s.substring(0, i) + b + s.substring(after, s.length() - after);
    }

    // s without leading and trailing white space (Unicode, as
    // .internal.char.isWhitespace).
    static string trim(string s)
    {
        return s.trim();
    }

    // s without leading white space.
    static string trimLeft(string s)
    {
        int i = 0;
        while (i < s.length() && .internal.char.isWhitespace(s.charAt(i)))
            i++;
        return s.substring(i, s.length() - i);
    }

    // s without trailing white space.
    static string trimRight(string s)
    {
        int n = s.length();
        while (n > 0 && .internal.char.isWhitespace(s.charAt(n - 1)))
            n--;
        return s.substring(0, n);
    }

    // True if s is empty or only white space.
    static bool isBlank(string s)
    {
        return s.trim().isEmpty();
    }

    // s n times over.
    static string repeat(string s, int n)
    {
        if (n < 0)
            throw new .phantom.ArgumentException("repeat: the count " + n + " is negative");
        void[] parts = new void[]();
        for (int i = 0; i < n; i++)
            parts.add(s);
        return parts.join("");
    }

    // s with spaces added in front up to width characters (s itself if it is
    // as long already).
    static string padLeft(string s, int width)
    {
        return padLeft(s, width, ' ');
    }

    // s with pad added in front up to width characters.
    static string padLeft(string s, int width, char pad)
    {
        if (s.length() >= width)
            return s;
        return repeat("" + pad, width - s.length()) + s;
    }

    // s with spaces added at the end up to width characters.
    static string padRight(string s, int width)
    {
        return padRight(s, width, ' ');
    }

    // s with pad added at the end up to width characters.
    static string padRight(string s, int width, char pad)
    {
        if (s.length() >= width)
            return s;
        return s + repeat("" + pad, width - s.length());
    }

    // ---- format: printf-like ----------------------------------------------------------

    static string format(string fmt)
    {
        return formatArray(fmt, new void[]());
    }

    static string format(string fmt, var a)
    {
        void[] args = new void[]();
        args.add(a);
        return formatArray(fmt, args);
    }

    static string format(string fmt, var a, var b)
    {
        void[] args = new void[]();
        args.add(a);
        args.add(b);
        return formatArray(fmt, args);
    }

    static string format(string fmt, var a, var b, var c)
    {
        void[] args = new void[]();
        args.add(a);
        args.add(b);
        args.add(c);
        return formatArray(fmt, args);
    }

    static string format(string fmt, var a, var b, var c, var d)
    {
        void[] args = new void[]();
        args.add(a);
        args.add(b);
        args.add(c);
        args.add(d);
        return formatArray(fmt, args);
    }

    static string format(string fmt, var a, var b, var c, var d, var e)
    {
        void[] args = new void[]();
        args.add(a);
        args.add(b);
        args.add(c);
        args.add(d);
        args.add(e);
        return formatArray(fmt, args);
    }

    static string format(string fmt, var a, var b, var c, var d, var e, var f)
    {
        void[] args = new void[]();
        args.add(a);
        args.add(b);
        args.add(c);
        args.add(d);
        args.add(e);
        args.add(f);
        return formatArray(fmt, args);
    }

    // fmt with each directive replaced by the text of the next argument:
    //   %s  any value (its toString)       %d  an int or long
    //   %f  a number, 6 decimals           %.Nf  a number, N decimals
    //   %x  an int or long in hex           %c  a char (or an int code point)
    //   %%  a '%'
    // A width after '%' pads to that many characters: with spaces in front,
    // with spaces at the end after '-' (%-8s), with zeros after '0' (%05d).
    // A bad directive, a missing argument, an argument of the wrong kind
    // and an argument left over are FormatExceptions.
    static string formatArray(string fmt, void[] args)
    {
        void[] out = new void[]();
        int next = 0;      // the next argument
        int start = 0;     // the start of the literal text not yet copied
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            if (fmt.charAt(i) != '%') {
                i++;
                continue;
            }
            out.add(fmt.substring(start, i - start));
            int at = i;
            i++;
            bool left = false;
            bool zeros = false;
            while (i < n && (fmt.charAt(i) == '-' || fmt.charAt(i) == '0')) {
                if (fmt.charAt(i) == '-')
                    left = true;
                else
                    zeros = true;
                i++;
            }
            int width = 0;
            while (i < n && .internal.char.isDigit(fmt.charAt(i))) {
                width = width * 10 + .internal.char.digitValue(fmt.charAt(i));
                if (width > 100000)
                    throw new .phantom.FormatException("format: the width at offset " + at + " is too large");
                i++;
            }
            int decimals = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                decimals = 0;
                while (i < n && .internal.char.isDigit(fmt.charAt(i))) {
                    decimals = decimals * 10 + .internal.char.digitValue(fmt.charAt(i));
                    if (decimals > 1000)
                        throw new .phantom.FormatException("format: the precision at offset " + at +
                                                           " is too large");
                    i++;
                }
            }
            if (i >= n)
                throw new .phantom.FormatException("format: incomplete directive at the end of \"" + fmt + "\"");
            char conv = fmt.charAt(i);
            i++;
            start = i;
            if (conv == '%') {
                out.add("%");
                continue;
            }
            if (next >= args.length)
                throw new .phantom.FormatException("format: no argument for %" + conv + " at offset " + at);
            var arg = args[next];
            next++;
            string text;
            if (conv == 's') {
                text = "" + arg;
            } else if (conv == 'd') {
                if (!(arg instanceof .internal.int || arg instanceof .internal.long))
                    throw new .phantom.FormatException("format: %d needs an int or long, got " + kind(arg));
                text = "" + arg;
            } else if (conv == 'f') {
                if (!isNumber(arg))
                    throw new .phantom.FormatException("format: %f needs a number, got " + kind(arg));
                text = numbers.fixed((double) arg, decimals < 0 ? 6 : decimals);
            } else if (conv == 'x') {
                if (arg instanceof .internal.int) {
                    int iv = arg;
                    text = numbers.toHex(iv);
                } else if (arg instanceof .internal.long) {
                    long lv = arg;
                    text = numbers.toHex(lv);
                } else {
                    throw new .phantom.FormatException("format: %x needs an int or long, got " + kind(arg));
                }
            } else if (conv == 'c') {
                if (arg instanceof .internal.char) {
                    text = "" + arg;
                } else if (arg instanceof .internal.int) {
                    int code = arg;
                    text = "" + (char) code;
                } else {
                    throw new .phantom.FormatException("format: %c needs a char, got " + kind(arg));
                }
            } else {
                throw new .phantom.FormatException("format: unknown directive %" + conv + " at offset " + at);
            }
            if (text.length() < width) {
                if (left)
                    text = padRight(text, width);
                else if (zeros && conv != 's' && conv != 'c')
                    text = zeroPad(text, width);
                else
                    text = padLeft(text, width);
            }
            out.add(text);
        }
        out.add(fmt.substring(start, n - start));
        if (next < args.length)
            throw new .phantom.FormatException("format: " + (args.length - next) + " argument(s) left over for \"" +
                                               fmt + "\"");
        return out.join("");
    }

    private static bool isNumber(var x)
    {
        return x instanceof .internal.int || x instanceof .internal.long || x instanceof .internal.float ||
               x instanceof .internal.double;
    }

    // The kind of a value, for messages: "string", "null", ".demo.item".
    private static string kind(var x)
    {
        if (x == null)
            return "null";
        if (x instanceof string)
            return "string \"" + x + "\"";
        return x.getClass().getName();
    }

    // Zeros after the sign up to width: "-0042".
    private static string zeroPad(string text, int width)
    {
        if (text.startsWith("-"))
            return "-" + padLeft(text.substring(1, text.length() - 1), width - 1, '0');
        return padLeft(text, width, '0');
    }
};
