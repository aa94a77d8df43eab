// .phantom.system and main(args): the arguments after `--` (system.args),
// environment variables (system.env), and the exit status (system.code).
class systemTest
{
    static void main(var args : string[])
    {
        println(args.length + " arguments: " + args);
        foreach (a in args)
            println("[" + a + "]");
        println(system.getenv("PHANTOM_TEST_GREETING"));
        println(system.getenv("PHANTOM_TEST_EMPTY").isEmpty());
        println(system.getenv("PHANTOM_TEST_NOT_SET"));
        println(system.getenv("PHANTOM_TEST_NOT_SET", "default"));
        println(system.getenv(""));
        println(system.getenv("A=B"));
        println(system.exitStatus());
        try { system.setExitStatus(256); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { system.setExitStatus(-1); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        system.setExitStatus(3);
        system.setExitStatus(42);
        println(system.exitStatus());
    }
};
