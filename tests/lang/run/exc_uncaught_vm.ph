// An exception raised by the VM (here dividing by zero in a loop) and not
// caught: the trace names each method and line on the way.
class calc
{
    static int ratio(int a, int b)
    {
        return a / b;
    }
};

class exc_uncaught_vm
{
    static void main()
    {
        int total = 0;
        for (int i = 3; i >= 0; i--)
            total += calc.ratio(12, i);
        println(total);
    }
};
