// Warnings only (the program compiles): a method returning a value that
// can run off its end, and code after return, break or throw.
class missing_return
{
    static int sign(int x)
    {
        if (x > 0) return 1;
        else if (x < 0) return -1;
    }

    static int loop_ok()
    {
        while (true) { }
    }

    static void main()
    {
        for (int i = 0; i < 3; i++) {
            break;
            println(i);
            println("also unreachable, but reported once");
        }
        return;
        println("after return");
    }

    static void thrower()
    {
        throw "x";
        int y = 2;
    }
};
