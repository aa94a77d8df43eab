// Any object can be thrown; an uncaught string is reported with its
// class, .internal.string, and its text.
class exc_uncaught_string
{
    static void main()
    {
        println("start");
        try {
            throw "handled";
        } catch (string s) {
            println("caught " + s);
        }
        throw "something went wrong";
    }
};
