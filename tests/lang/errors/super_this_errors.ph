// super and this used wrongly: super in a static method, a constructor
// calling itself; a class name used as a value; the original's computed
// method calls o.(e)(...), which are not supported.
class base
{
    var v : int;
    base() { }
    base(int x) { this.base(x); }
    int get() { return v; }
};

class kid extends base
{
    static int peek() { return super.get(); }
    void show() { var k = kid; println(base + 1); }
    void dyn(var o) { o.("get")(); }
};

class super_this_errors { static void main() { } };
