// An uncaught exception in the main thread makes the exit status 1, even
// after the program set another one.
class systemUncaught
{
    static void main(var args : string[])
    {
        println(args.length);
        system.setExitStatus(5);
        throw new .phantom.IllegalStateException("boom");
    }
};
