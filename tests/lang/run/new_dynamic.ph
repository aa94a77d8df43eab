// Dynamic creation: new *(c) : T (args) makes an object of the class c
// names at run time (a class object) and runs its constructor (through
// the construct(...) method the compiler gives every class).
class plugin { string hello() { return "plugin"; } };
class fancy extends plugin
{
    var n : int;
    fancy() { n = 1; }
    fancy(int x) { n = x; }
    string hello() { return "fancy " + n; }
};

class new_dynamic
{
    static plugin make(var cls) { return new *(cls) : plugin (); }

    static void main()
    {
        println(make(plugin.class).hello());
        var c = fancy.class;
        plugin p = new *(c) : plugin (41);
        println(p.hello());
        var q = new *(new plugin().getClass())();
        println(q.hello());
        println(fancy.class);
    }
};
