// The library's exceptions: .phantom.IOException, .phantom.EOFException,
// .phantom.NotFoundException, .phantom.NoSuchElementException and
// .phantom.FormatException.  Their constructors, messages, text, places in
// the hierarchy, and extending them.
class missingUser extends NotFoundException
{
    var user : string;
    void missingUser(string name) { super.NotFoundException("no user " + name); user = name; }
};

class exceptions_test
{
    static void describe(.phantom.Exception e)
    {
        println(e + " | message: " + e.getMessage() + " | runtime: " + (e instanceof .phantom.RuntimeException) +
                " | trace: " + (e.getStackTrace() != null));
    }

    static void main()
    {
        describe(new .phantom.IOException("disk on fire"));
        describe(new .phantom.EOFException("end"));
        describe(new .phantom.NotFoundException("no such key"));
        describe(new .phantom.NoSuchElementException("empty"));
        describe(new .phantom.FormatException("not a number"));
        println(new .phantom.IOException() + " " + new .phantom.IOException().getMessage());
        println(new .phantom.EOFException() + " " + new .phantom.NotFoundException() + " " +
                new .phantom.NoSuchElementException() + " " + new .phantom.FormatException());

        // the hierarchy
        println((new .phantom.EOFException() instanceof .phantom.IOException) + " " +
                (new .phantom.IOException() instanceof .phantom.RuntimeException) + " " +
                (new .phantom.FormatException() instanceof .phantom.ArgumentException) + " " +
                (new .phantom.NotFoundException() instanceof .phantom.RuntimeException) + " " +
                (new .phantom.NoSuchElementException() instanceof .phantom.RuntimeException));

        // thrown and caught through parents; names resolve without the package
        try { throw new EOFException("eof"); }
        catch (IOException e) { println("as IOException: " + e.getMessage()); }
        try { throw new .phantom.FormatException("bad"); }
        catch (.phantom.ArgumentException e) { println("as ArgumentException: " + e.getMessage()); }
        try { throw new NoSuchElementException("none"); }
        catch (.phantom.RuntimeException e) { println("as RuntimeException: " + e.getMessage()); }
        try { throw new missingUser("bob"); }
        catch (NotFoundException e) { println("as NotFoundException: " + e.getMessage() + " " + ((missingUser) e).user); }
        try { throw new NotFoundException("x"); }
        catch (.phantom.RuntimeException e) { println("not reached"); }
        catch (.phantom.Exception e) { println("as Exception: " + e); }

        // a stack trace is recorded at the first throw
        try { throw new .phantom.IOException("traced"); }
        catch (.phantom.IOException e) { print(e.getStackTrace()); }
    }
};
