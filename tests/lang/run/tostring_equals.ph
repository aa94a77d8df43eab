// A class's own toString is used by println, string '+' and tostring; its
// equals by == and != (and not by :== and :!=, which compare references);
// hashCode likewise overrides the native one.
class money
{
    var cents : long;
    void money(long c) { cents = c; }
    string toString() { return "$" + cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100; }
    bool equals(var o) { return o instanceof money && ((money)o).cents == cents; }
    int hashCode() { return (int)cents; }
};

class tostring_equals
{
    static void main()
    {
        var a = new money(1234);
        var b = new money(1234);
        var c = new money(5);
        println(a);
        println("price: " + c);
        println(a == b);
        println(a != b);
        println(a :== b);
        println(a :!= b);
        println(a == c);
        println(a.equals(b));
        println(a.hashCode());
        println(a.toString().length());
        println(a == null);
        money none = null;
        println(none == null);
    }
};
