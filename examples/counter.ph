// counter.ph - a program that counts, forever, in a persistent world
// (`phantom run examples/counter.ph`, or `:run examples/counter.ph` in the
// shell).  Stop it any way you like (Ctrl-C, kill -9, pull the plug) and
// `phantom boot` (or `phantom`) again: the world resumes and the count goes
// on from where the last snapshot (at most a second earlier) left it.
// Nothing here saves anything.
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
