// An uncaught exception ends the program with exit status 1, printing
// "Uncaught <class>: <message>" and one "at class.method (file:line)"
// line per frame on standard error; output printed before is kept.
class validation_error extends .phantom.Exception
{
    void validation_error(string m) { super.Exception(m); }
};

class exc_uncaught
{
    static void check(int age)
    {
        if (age < 0)
            throw new validation_error("age must not be negative, got " + age);
    }

    void process(int age)
    {
        check(age);
    }

    static void main()
    {
        println("checking");
        var p = new exc_uncaught();
        p.process(30);
        println("30 is fine");
        p.process(-4);
        println("not reached");
    }
};
