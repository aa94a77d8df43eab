// A library exception nobody catches: the program ends with exit status 1
// and the message and a stack trace through the library on standard error.
import .phantom.util.map;

class uncaught
{
    static void main()
    {
        map ages = new map();
        ages.put("ann", 31);
        println("ann is " + ages.getOrThrow("ann"));
        println("bob is " + ages.getOrThrow("bob"));
        println("not reached");
    }
};
