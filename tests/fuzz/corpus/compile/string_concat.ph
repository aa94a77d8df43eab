// String '+': numbers, chars, bools, null and objects (through their own
// toString) are converted; + is left to right, so 1 + 2 + "x" is "3x".
class point
{
    var x : int;
    var y : int;
    void point(int a, int b) { x = a; y = b; }
    string toString() { return "(" + x + ", " + y + ")"; }
};

class string_concat
{
    static void main()
    {
        println("a" + 1);
        println(1 + 2 + "x");
        println("x" + 1 + 2);
        println("pi is " + 3.25);
        println("c=" + 'c');
        println("b=" + true);
        println("n=" + null);
        string s = null;
        println(s + "!");
        var p = new point(1, 2);
        println("p=" + p);
        println(p + " is a point");
        println(p);
        println("" + 10L + 2.5f);
        var any = "dyn";
        println(any + 1);
        var n = 4;
        var m = 5;
        println(n + m);
        print("no newline");
        println();
        println("tab\there, quote \" backslash \\");
    }
};
