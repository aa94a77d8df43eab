// Constructors: a parent without a constructor taking no arguments must be
// called explicitly, and first; constructors are called only from
// constructors; they have no return value.
class parent
{
    var v : int;
    void parent(int x) { v = x; }
};

class child extends parent
{
    void child() { v = 2; }
};

class child2 extends parent
{
    void child2() { v = 3; super.parent(1); }
};

class child3 extends parent { };

class ctor_errors
{
    void ctor_errors() { return 5; }
    void helper() { super.construct(); this.ctor_errors(); }
    static void main() { }
};
