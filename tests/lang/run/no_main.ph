// no_main.ph - a program without an entry point is refused with a message
// naming it.  No class of the standard library (a worker has run()) is
// taken for its entry point, and nothing is installed or run.
class no_main
{
    static void hello() { println("not an entry point"); }
};
