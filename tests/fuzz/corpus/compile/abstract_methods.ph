// A method declared without a body makes its class abstract: it cannot be
// instantiated, and subclasses implement the method.
class figure
{
    var label : string;
    double area();
    string show() { return label + ": " + area(); }
};

class rect extends figure
{
    var w : double;
    var h : double;
    void rect(double a, double b) { w = a; h = b; label = "rect"; }
    double area() { return w * h; }
};

class abstract_methods
{
    static void main()
    {
        figure f = new rect(2, 3.5);
        println(f.show());
    }
};
