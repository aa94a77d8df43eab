// An original-style class with run(var boot), first on the command line
// (its file sorts first): it is not the entry, because another class
// declares main; main may still use it.
class orig_part
{
    var greeting : string;
    void orig_part() { greeting = "built by its constructor"; }
    void run( var boot ) { boot.16( "orig_part.run called with a boot object\n" ); }
};
