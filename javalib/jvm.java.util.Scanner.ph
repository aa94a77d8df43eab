// java.util.Scanner over System.in or a string (docs/JAVA.md): tokens
// separated by white space, lines, and numbers in Java's syntax (not
// locale-specific forms such as "1,000").
package .jvm.java.util;

class InputMismatchException extends .jvm.java.util.NoSuchElementException {};

class Scanner extends .jvm.java.lang.Object
{
    .jvm.java.io.InputStream src;

    void _4init_5__Ljava_io_InputStream_2__V(var in)
    {
        if (in :== null)
            throw .javart.rt.npe(null);
        src = (.jvm.java.io.InputStream) in;
    }

    void _4init_5__Ljava_lang_String_2__V(var s)
    {
        src = .jvm.java.io.InputStream.ofText(.jvm.java.lang.String.check(s));
    }

    static bool space(int c) { return c >= 0 && .internal.char.isWhitespace((char) c); }

    // The length of the next token, which starts `at` characters ahead
    // (after the white space); 0 at the end of the input.
    int tokenAt(int at)
    {
        int k = 0;
        while (src.peekAt(at + k) >= 0 && !space(src.peekAt(at + k)))
            k++;
        return k;
    }

    int skipSpace()
    {
        int at = 0;
        while (space(src.peekAt(at)))
            at++;
        return at;
    }

    // The next token without taking it, or null.
    string peekToken()
    {
        int at = skipSpace();
        int k = tokenAt(at);
        if (k == 0)
            return null;
        string b = src.buf;
        return b.substring(src.pos + at, k);
    }

    string next____Ljava_lang_String_2()
    {
        int at = skipSpace();
        int k = tokenAt(at);
        if (k == 0)
            throw new .jvm.java.util.NoSuchElementException();
        src.take(at);
        return src.take(k);
    }

    int hasNext____Z() { return .javart.rt.zb(!(peekToken() :== null)); }

    // kind 0 int, 1 long, 2 double, 3 boolean: whether t is one
    static bool fits(var t, int kind)
    {
        if (t :== null)
            return false;
        try {
            convert(t, kind);
            return true;
        } catch (.jvm.java.lang.RuntimeException e) {
            return false;
        }
    }

    static .internal.object convert(string t, int kind)
    {
        if (kind == 0)
            return .jvm.java.lang.Integer.parseInt__Ljava_lang_String_2__I(t);
        if (kind == 1)
            return .jvm.java.lang.Long.parseLong__Ljava_lang_String_2__J(t);
        if (kind == 2)
            return .jvm.java.lang.Double.parseDouble__Ljava_lang_String_2__D(t);
        if (t.toLowerCase() == "true")
            return 1;
        if (t.toLowerCase() == "false")
            return 0;
        throw new .jvm.java.util.InputMismatchException();
    }

    // The next token as a number (or boolean); a token that is not one
    // is left in place, as Java leaves it.
    .internal.object nextOf(int kind)
    {
        string t = peekToken();
        if (t :== null)
            throw new .jvm.java.util.NoSuchElementException();
        if (!fits(t, kind)) {
            var e = new .jvm.java.util.InputMismatchException();
            e.setMessage("For input string: \"" + t + "\"");
            throw e;
        }
        return convert(next____Ljava_lang_String_2(), kind);
    }

    int nextInt____I() { var v; v = nextOf(0); return v; }
    long nextLong____J() { var v; v = nextOf(1); return v; }
    double nextDouble____D() { var v; v = nextOf(2); return v; }
    int nextBoolean____Z() { var v; v = nextOf(3); return v; }
    int hasNextInt____Z() { return .javart.rt.zb(fits(peekToken(), 0)); }
    int hasNextLong____Z() { return .javart.rt.zb(fits(peekToken(), 1)); }
    int hasNextDouble____Z() { return .javart.rt.zb(fits(peekToken(), 2)); }
    int hasNextBoolean____Z() { return .javart.rt.zb(fits(peekToken(), 3)); }

    string nextLine____Ljava_lang_String_2()
    {
        var l = src.line();
        if (l :== null) {
            var e = new .jvm.java.util.NoSuchElementException();
            e.setMessage("No line found");
            throw e;
        }
        return l;
    }

    int hasNextLine____Z() { return .javart.rt.zb(src.peekAt(0) >= 0); }

    void close____V() {}
};
