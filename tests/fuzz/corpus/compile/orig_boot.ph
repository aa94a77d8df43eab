// An original-style program: no main; the entry is run(var boot), called on
// a new instance (after its constructor) with the boot object, whose
// method 16 prints.  Top-level items end with ';', attributes are accepted.
package .test.orig;

attribute const * ->!;

class hello
{
    var greeting : .internal.string;
    var times;

    void hello() { greeting = "Hello"; times = 3; }

    void run( var boot @const )
    {
        boot.16(greeting.concat(" from boot.16\n"));
        var i = 0;
        while( i < times )
        {
            boot.16("line ");
            boot.16(i);
            boot.16("\n");
            i = i + 1;
        }
        boot.consolePrint("done\n");
    }
};
