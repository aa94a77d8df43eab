// .phantom.io.console: text input and output on the console, all static.
// Output goes to standard output through .internal.io.tty; values are
// written as their toString (so a class's own toString is used).
package .phantom.io;

class console
{
    static var tty : .internal.io.tty;   // made on first use, for reading

    private static .internal.io.tty terminal()
    {
        if (tty == null)
            tty = new .internal.io.tty();
        return tty;
    }

    // Writes the text of x.
    static void print(var x)
    {
        .internal.io.tty.print("" + x);
    }

    // Writes the text of x and a newline.
    static void println(var x)
    {
        .internal.io.tty.println("" + x);
    }

    // Writes a newline.
    static void println()
    {
        .internal.io.tty.println();
    }

    // Writes strings.format(fmt, ...): printf("%d items\n", n).
    static void printf(string fmt)
    {
        print(.phantom.text.strings.format(fmt));
    }

    static void printf(string fmt, var a)
    {
        print(.phantom.text.strings.format(fmt, a));
    }

    static void printf(string fmt, var a, var b)
    {
        print(.phantom.text.strings.format(fmt, a, b));
    }

    static void printf(string fmt, var a, var b, var c)
    {
        print(.phantom.text.strings.format(fmt, a, b, c));
    }

    static void printf(string fmt, var a, var b, var c, var d)
    {
        print(.phantom.text.strings.format(fmt, a, b, c, d));
    }

    static void printf(string fmt, var a, var b, var c, var d, var e)
    {
        print(.phantom.text.strings.format(fmt, a, b, c, d, e));
    }

    static void printf(string fmt, var a, var b, var c, var d, var e, var f)
    {
        print(.phantom.text.strings.format(fmt, a, b, c, d, e, f));
    }

    // Writes strings.formatArray(fmt, args).
    static void printfArray(string fmt, void[] args)
    {
        print(.phantom.text.strings.formatArray(fmt, args));
    }

    // Writes the text of x and a newline to standard error.
    static void error(var x)
    {
        terminal().debug("" + x);
    }

    // The next line of input without its newline, or null at the end of
    // the input.  The other threads run while this one waits.
    static string readLine()
    {
        return terminal().readLine();
    }

    // Writes message, then reads a line (null at the end of the input).
    static string prompt(var message)
    {
        print(message);
        return readLine();
    }

    // The next line as an int (white space around it allowed).
    // EOFException at the end of the input, FormatException if the line
    // is not an int.
    static int readInt()
    {
        string line = readLine();
        if (line == null)
            throw new .phantom.EOFException("readInt: end of input");
        return .phantom.text.numbers.parseInt(line);
    }

    // The next line as a double; EOFException, FormatException.
    static double readDouble()
    {
        string line = readLine();
        if (line == null)
            throw new .phantom.EOFException("readDouble: end of input");
        return .phantom.text.numbers.parseDouble(line);
    }

    // Every remaining line of input, until its end.
    static void[] readLines()
    {
        void[] lines = new void[]();
        string line = readLine();
        while (line != null) {
            lines.add(line);
            line = readLine();
        }
        return lines;
    }
};
