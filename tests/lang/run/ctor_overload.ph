// Several constructors chosen by argument count and type; one constructor
// delegating to another with this.Name(...); an implicit constructor for
// a class that declares none (it still runs the field initialisers).
class temp
{
    var celsius : double;
    var unit : string = "C";
    temp() { this.temp(20.0); }
    temp(double c) { celsius = c; }
    temp(string s) { celsius = s.toDouble(); unit = "parsed"; }
    temp(int f, bool fahrenheit) { this.temp((f - 32) * 5.0 / 9); unit = "F"; }
    string toString() { return celsius + unit; }
};

class plain
{
    var items = new string[]();
    int n = 3;
};

class ctor_overload
{
    static void main()
    {
        println(new temp());
        println(new temp(37.5));
        println(new temp("12.5"));
        println(new temp(212, true));
        var p = new plain();
        p.items[0] = "first";
        println(p.items + " " + p.n);
    }
};
