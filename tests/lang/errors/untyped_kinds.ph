// Untyped variables are checked at run time, except where a value's kind
// is certain at compile time and the operation can never work: those are
// errors too (the VM's verifier would refuse the class).  Such an error is
// found once per method.
class untyped_kinds
{
    static void text_minus()
    {
        var s;
        s = "text";
        var n = s;
        println(n - 1);
    }

    static void bool_times()
    {
        var b;
        b = true;
        println(b * 2);
    }

    static void compare()
    {
        var i;
        i = 5;
        i++;
        println(i < "x");
    }

    static void increment()
    {
        var t;
        t = "s";
        t++;
    }

    static void main() { }
};
