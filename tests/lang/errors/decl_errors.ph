// Declarations the compiler refuses: redefining an internal class, a class
// name with a character names cannot have, extending a primitive type, a
// void field or parameter, an instance field in an interface, a
// constructor in an interface, a static method or a constructor without
// a body, an interface method with a body, a void local variable.
class .internal.string { };
class "bad name" { };
class numbered extends int { };

interface table
{
    var rows : int;
    const int COLS = 3;
    table() { }
    int size() { return 0; }
    static int twice(int v) { return v * 2; }
};

class holder
{
    void nothing;
    static int helper();
    holder();
    void take(void v) { }
    void local() { void x; }
};
