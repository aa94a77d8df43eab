// thread_start_value.ph - a number is not a thread's body: start(5) raises
// TypeException (it used to make a thread whose body was a native method
// of .internal.int, which crashed the VM, then every boot of the world).
class thread_start_value
{
    static void main()
    {
        println("before");
        .internal.thread.start(5);
        println("not reached");
    }
};
