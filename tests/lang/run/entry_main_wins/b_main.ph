// main wins over run: the entry is this class's static main, after the
// static initialisers of every class.
class entry_main_wins
{
    static string early = "statics first";

    static void main()
    {
        println(early);
        var o = new orig_part();
        println(o.greeting);
        o.run(new printer());
    }
};

class printer
{
    void consolePrint(var x) [16] { print("[printer] " + x); }
};
