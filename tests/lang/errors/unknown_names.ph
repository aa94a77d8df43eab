// Unknown names: a variable, a class in a type, a method, a field; each
// reported once, and nothing built on them reported again.
class unknown_names
{
    var count : int;

    static void main()
    {
        int a = 1;
        println(b + 1);
        widget w = new widget();
        w.spin(3).stop();
        frobnicate(a);
        var self = new unknown_names();
        println(self.cuont);
        println(a.size);
    }
};
