// failing_fixed.ph - the fixed .checker of failing.ph (tests/crash/vm_failing.c).
class checker
{
    void run()
    {
        println("check ok");
    }
};
