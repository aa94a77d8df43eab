// Static fields and methods: shared by all objects, initialised before
// main by the class's static initialiser, in declaration order, reached by
// simple name inside the class and Class.name outside.
class registry
{
    static int created;
    static string[] names = new string[]();
    static long stamp = 1L << 33;
    static string prefix = "obj" + created;

    static int register(string n) { names[created] = n; created++; return created; }
    static int count() { return created; }
};

class statics
{
    static int calls = 10;
    static void bump() { calls += 1; }

    static void main()
    {
        println(registry.created + " " + registry.prefix + " " + registry.stamp);
        registry.register("a");
        registry.register("b");
        println(registry.count() + " " + registry.names);
        bump(); bump();
        statics.bump();
        println(calls);
        println(statics.calls);
        var r = new registry();
        println(r.count());
    }
};
