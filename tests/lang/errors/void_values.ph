// A void method's call has no value: it cannot be an argument, an operand,
// a branch of ?:, the operand of instanceof, a switch subject, a thrown
// value, a receiver of a field or a method, a condition, or an argument
// of a constructor.
class base { base(int v) { } };
class derived extends base { derived() { super.base(void_values.nothing()); } };

class void_values
{
    static void nothing() { }
    static int twice(int v) { return v * 2; }

    static void main()
    {
        twice(nothing());
        int a = 1 + nothing();
        var b = true ? nothing() : 1;
        bool c = nothing() instanceof string;
        switch (nothing()) { default: break; }
        throw nothing();
    }

    static void more()
    {
        var f = nothing().size;
        nothing().toString();
        if (nothing()) println("never");
        while (!nothing()) { }
        println(nothing());
    }
};
