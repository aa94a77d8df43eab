// Untyped variables (var x;) hold anything: operations on them are decided
// at run time, methods are found by name and argument count.
class duck { string quack() { return "quack"; } int legs() { return 2; } };
class robot { string quack() { return "beep"; } };

class untyped
{
    static .internal.object describe(var x) { return x.quack(); }

    static void main()
    {
        var x;
        println(x);
        x = 5;
        println(x + 1);
        x = "five";
        println(x + 1);
        x = 2.5;
        println(x * 2);
        var things = new void[]();
        things[0] = new duck();
        things[1] = new robot();
        foreach (t in things) println(describe(t));
        var d = things[0];
        println(d.legs() + d.legs());
        var y = 10, z = 3;
        println(y / z);
        var list = new .internal.container.array();
        list.add(1); list.add(2);
        println(list.size());
        var s = "abc";
        println(s.length());
    }
};
