// A static method has no object: instance fields, instance methods,
// this and super are errors there.
class base { int get() { return 1; } };

class static_context extends base
{
    var field : int;
    int method() { return field; }

    static void main()
    {
        field = 1;
        println(method());
        println(this);
        println(super.get());
        static_context.method();
    }
};
