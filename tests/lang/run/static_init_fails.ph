// An exception thrown by a static initialiser is uncaught: the program
// ends with status 1 before main runs, and the trace names <clinit>.
class config
{
    static int port = parse("80x");
    static int parse(string s) { return s.toInt(); }
};

class static_init_fails
{
    static void main() { println("not reached: " + config.port); }
};
