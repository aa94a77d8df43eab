// Several independent mistakes in one file, each reported once, in order.
class several_errors
{
    var total : int;

    int add(int v) { total += v; return total; }

    static void main()
    {
        var s = new several_errors();
        s.add("one");
        s.add(1, 2);
        s.subtract(1);
        undefined = 3;
        int x = true;
        total = 5;
        this.add(1);
        string t = s.add(1);
    }
};
