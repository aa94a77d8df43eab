// java.io's input (docs/JAVA.md): System.in, InputStreamReader,
// BufferedReader and StringReader, over one kind of source,
// InputStream: standard input read a line at a time through the
// console (the other threads run while one waits), or a string.
// Characters are read as characters (a Java InputStream reads bytes: the
// same for ASCII text).
package .jvm.java.io;

class IOException extends .jvm.java.lang.Exception {};
class UncheckedIOException extends .jvm.java.lang.RuntimeException {};

class InputStream extends .jvm.java.lang.Object
{
    var tty;          // the console for standard input, null for text
    var buf;          // what has been read and not yet taken, from pos
    var pos : int;
    var eof : bool;

    static .jvm.java.io.InputStream stdin()
    {
        var s = new .jvm.java.io.InputStream();
        s.tty = new .internal.io.tty();
        s.buf = "";
        s.pos = 0;
        s.eof = false;
        return s;
    }

    static .jvm.java.io.InputStream ofText(string t)
    {
        var s = new .jvm.java.io.InputStream();
        s.tty = null;
        s.buf = t;
        s.pos = 0;
        s.eof = true;
        return s;
    }

    // Reads one more line into buf; false at the end of the input.
    bool fill()
    {
        if (eof)
            return false;
        var line = tty.readLine();
        if (line :== null) {
            eof = true;
            return false;
        }
        string b = buf;
        buf = b.substring(pos, b.length() - pos) + line + "\n";
        pos = 0;
        return true;
    }

    // The character k ahead, or -1 past the end of the input.
    int peekAt(int k)
    {
        string b = buf;
        while (pos + k >= b.length()) {
            if (!fill())
                return -1;
            b = buf;
        }
        return (int) b[pos + k];
    }

    // The next k characters (which peekAt has seen), taken.
    string take(int k)
    {
        string b = buf;
        string t = b.substring(pos, k);
        pos += k;
        return t;
    }

    // The rest of the line, taken with its end; null at the end of input.
    string line()
    {
        if (peekAt(0) < 0)
            return null;
        string b = buf;
        int nl = b.indexOf("\n", pos);
        if (nl < 0)
            return take(b.length() - pos);
        string t = take(nl - pos);
        pos++;
        return t;
    }

    int read____I()
    {
        int c = peekAt(0);
        if (c >= 0)
            pos++;
        return c;
    }

    void close____V() {}
};

class Reader extends .jvm.java.lang.Object
{
    .jvm.java.io.InputStream src;

    int read____I() { return src.read____I(); }
    void close____V() {}
    int ready____Z() { return .javart.rt.zb(src.pos < src.buf.length()); }
};

class InputStreamReader extends .jvm.java.io.Reader
{
    void _4init_5__Ljava_io_InputStream_2__V(var in)
    {
        if (in :== null)
            throw .javart.rt.npe(null);
        src = (.jvm.java.io.InputStream) in;
    }
};

class StringReader extends .jvm.java.io.Reader
{
    void _4init_5__Ljava_lang_String_2__V(var s)
    {
        src = .jvm.java.io.InputStream.ofText(.jvm.java.lang.String.check(s));
    }
};

class BufferedReader extends .jvm.java.io.Reader
{
    void _4init_5__Ljava_io_Reader_2__V(var r)
    {
        if (r :== null)
            throw .javart.rt.npe(null);
        src = ((.jvm.java.io.Reader) r).src;
    }

    string readLine____Ljava_lang_String_2() { return src.line(); }
};
