// Method ordinals: an explicit [N] fixes a method's vtable slot; o.N(args)
// calls slot N whatever the object's class; the first methods of a class
// take slots from 8; toString is slot 5 in every class.
class worker
{
    var done : int;
    void work(var n) [16] { done += n; }
    int result() { return done; }
    string toString() { return "worker " + done; }
};

class ordinals
{
    static void main()
    {
        var w = new worker();
        w.16(5);
        w.work(3);
        println(w.result());
        println(w.8());
        println(w.5());
        var s = "substring";
        println(s.8(3, 3));
        println(s.11());
        var dir = new .internal.directory();
        dir.8("k", "v");
        println(dir.9("k"));
    }
};
