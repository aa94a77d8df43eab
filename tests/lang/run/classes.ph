// Classes: fields in both styles, methods using this and implicit fields,
// a constructor, objects in fields and arrays, default field values.
class counter
{
    var count : int;
    string label;
    var tags;
    double ratio;
    bool on;

    void counter(string l) { label = l; }
    void inc() { count++; }
    int get() { return this.count; }
    counter self() { return this; }
};

class classes
{
    static void main()
    {
        var c = new counter("clicks");
        c.inc(); c.inc(); c.self().inc();
        println(c.label + " " + c.get() + " " + c.count);
        println(c.tags);
        println(c.ratio + " " + c.on);
        counter[] all = new counter[2];
        all[0] = c;
        all[1] = new counter("views");
        all[1].count = 40;
        all[1].inc();
        int total = 0;
        foreach (x in all) total += x.get();
        println(total);
        println(c == c.self());
        println(c :== all[0]);
        println(c :!= all[1]);
    }
};
