// The entry point may take the arguments: static main(var args : string[]).
class entry_main_args
{
    static void main(var args : string[])
    {
        println("arguments: " + args.length);
        println(args);
    }
};
