// counter.ph - the example `make run` starts: a program that counts,
// forever, in a persistent world.  Stop it any way you like (Ctrl-C,
// kill -9, pull the plug) and `make run` again: the world resumes and the
// count goes on from where the last snapshot (at most a second earlier)
// left it.  Nothing here saves anything.
class counter
{
    static void main()
    {
        var world = new .internal.world();
        long n = 0;
        while (true)
        {
            n++;
            println("count " + n + "   (this world has booted " + world.boots() + " times)");
            .internal.thread.sleep(500);
        }
    }
};
