// var x = expr; gives x the type of expr: methods and operators are then
// checked and chosen at compile time.  var x; without a value is untyped.
class item { var price : double; void item(double p) { price = p; } };

class inference
{
    static void main()
    {
        var n = 10;
        var half = n / 4;
        println(half);
        var d = n / 4.0;
        println(d);
        var s = "text";
        println(s.toUpperCase() + s.length());
        var it = new item(2.5);
        println(it.price * 2);
        var list = new item[]();
        list[0] = it;
        println(list[0].price);
        var big = 1L << 35;
        println(big);
        var c = 'q';
        println(c);
        var flag = n > 5;
        println(!flag);
        var u;
        u = 3;
        u = "now a string";
        println(u);
    }
};
