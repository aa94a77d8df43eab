// Abstract methods: a class that leaves one of its parent's abstract
// methods (or an interface's) undefined, a call of an abstract method
// through super, instantiating an abstract class, a synchronized method
// without a body; a class defining the method is fine.
interface job { synchronized void go(); void stop(); };

class shape
{
    double area();
    string name() { return "shape"; }
};

class blob extends shape { };

class square extends shape
{
    double area() { return 1; }
    double twice() { return super.area() * 2; }
};

class worker implements job
{
    void go() { }
};

class abstract_errors
{
    static void main()
    {
        shape s = new shape();
        shape q = new square();
        println(q.area());
        job j = new worker();
        j.go();
    }
};
