// String + edge cases: evaluation left to right (chars count as ints
// until a string appears), every kind of number's text, null in every
// position, untyped operands decided when they run, objects through
// their own toString (even one built with +),
// exceptions, arrays and directories (their native text), += on strings.
class temp
{
    double deg;
    void temp(double d) { deg = d; }
    string toString() { return deg + "C"; }
};

class pair
{
    var a;
    var b;
    void pair(var x, var y) { a = x; b = y; }
    string toString() { return "<" + a + "|" + b + ">"; }
};

class string_plus_edge
{
    static void main()
    {
        println('a' + "b");
        println('a' + 1 + "b");
        println("b" + 'a' + 1);
        println("" + 'a' + 'b');
        println('a' + 'b' + "");
        println(1 + 2 + "x" + 1 + 2);
        println("x" + (1 + 2) + (3 - 4));
        println("" + 1.0f / 3 + " " + 1e-5 + " " + 100.0 / 3 + " " + 1e7 + " " + 123456.0);
        println("" + 5000000000L + " " + -0.0 + " " + 0.0 / 0.0 + " " + -1.0 / 0);
        println("" + true + false);
        println(null + "x" + null);
        string s = null;
        s += "a";
        s += null;
        println(s);
        var u;
        u = 5;
        println("x" + u);
        println(u + "x");
        println(u + 1 + "x");
        u = "5";
        println(u + 1 + "x");
        println(new temp(21.5));
        println("it is " + new temp(-3));
        println(new pair(1, new pair("two", null)));
        println("" + new .phantom.Exception("boom"));
        println("e: " + new .phantom.IllegalStateException());
        int[] nums = new int[3];
        nums[1] = 7;
        println("nums " + nums);
        string[] words = new string[2];
        words[0] = "w";
        println(words + "!");
        var d = new .internal.directory();
        d.put("k", 1.5);
        println("dir " + d);
        println("" + .internal.int.MAX_VALUE() + .internal.int.MIN_VALUE());
        println("a" + "b" == "ab");
        println(("a" + 1).length());
        println(string_plus_edge.class + "");
        string t = "";
        for (int i = 0; i < 3; i++) t += i + ",";
        println(t);
        t = "n=" + -5 + " m=" + (-5);
        println(t);
    }
};
