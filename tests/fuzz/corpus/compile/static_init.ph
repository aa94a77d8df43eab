// Static initialisers run before main, class by class in source order,
// each in the order of its fields; a static field's value can use
// another class's statics and call static methods.
class config
{
    static string name = trace("config.name", "app");
    static int size = count("config.size", 3);
    static string trace(string what, string v) { println("init " + what); return v; }
    static int count(string what, int v) { println("init " + what); return v; }
};

class table
{
    static int rows = config.size + 10;
    static int[] cells = new int[rows];
};

class static_init
{
    static int counter;
    static void main()
    {
        println("main: " + config.name + " " + config.size + " " + table.rows + " " + table.cells.length);
        println(counter);
    }
};
