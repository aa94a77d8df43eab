// One mistake, one message: a variable of an unknown class, a call of an
// unknown method, an unknown name and a bad initialiser are each reported
// where they are, and the many uses built on them are not reported again.
class no_cascades
{
    var f : missing_type;

    static int count(var x) { return 1; }

    static void main()
    {
        widget w = new widget();
        w.draw();
        w.size = w.size + 1;
        println(w.name + "!");
        int n = count(w) + w.parts.length;

        var r = undefined_method(3);
        r.anything();
        println(r + 1);

        int k = nosuch + 1;
        k = k * nosuch;
        int[] arr = new int[nosuch2];
        arr[nosuch3] = 1;

        string s = 5;
        println(s.length() + s);

        var obj = new no_cascades();
        obj.f.go();
        obj.f = null;
        println(obj.f);
        int good = 1;
        good = good + "text".length();
        println(good.nosuchmethod());
    }
};
