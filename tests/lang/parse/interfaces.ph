interface shape
{
    double area();
    string name() [8];
};

interface solid extends shape, .demo.weighted
{
    double volume();
    static const int FACES = 6;
};

class cube implements solid, .demo.printable
{
    var side : double;
    double area() { return 6.0 * side * side; }
    double volume() { return side * side * side; }
    string name() [8] { return "cube"; }
};

class big extends cube implements shape { };
