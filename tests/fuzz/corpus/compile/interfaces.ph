// Interfaces: declared methods, classes implementing several, an
// interface extending another, calls through interface types, instanceof.
interface named { string name(); };
interface sized { int size(); };
interface shape extends named { double area(); };

class square implements shape, sized
{
    var side : double;
    void square(double s) { side = s; }
    string name() { return "square"; }
    double area() { return side * side; }
    int size() { return 4; }
};

class circle implements shape
{
    var r : double;
    void circle(double radius) { r = radius; }
    double area() { return 3 * r * r; }
    string name() { return "circle"; }
};

class interfaces
{
    static double total(shape[] shapes)
    {
        double t = 0;
        foreach (s in shapes) t += s.area();
        return t;
    }

    static void main()
    {
        shape[] all = new shape[2];
        all[0] = new square(2);
        all[1] = new circle(1);
        foreach (s in all) println(s.name() + " " + s.area());
        println(total(all));
        named n = all[1];
        println(n.name());
        sized z = new square(1);
        println(z.size());
        println(all[0] instanceof sized);
        println(all[1] instanceof sized);
        println(all[1] instanceof named);
    }
};
