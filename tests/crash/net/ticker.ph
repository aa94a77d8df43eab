// The console row of tests/crash/net_restart.c: a counter kept in the
// world, printed after every step.  Under --commit-output a printed value
// is never taken back by a crash.
class ticker
{
    static var n : int;

    static void main()
    {
        while (n < 1000000) {
            n = n + 1;
            println("n " + n);
            .internal.thread.sleep(20);
        }
    }
};
