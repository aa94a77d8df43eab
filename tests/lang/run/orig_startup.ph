// The original boot convention: the boot class has no run() but a method
// at ordinal 8 taking the boot object (by custom `startup`), which the
// kernel called once with the boot object.  phantom run starts it so.
package .ru.dz.phantom.system;

attribute const * ->!;

class boot
{
    var boot_object : .internal.object;

    void startup( var _boot_object @const ) [8]
    {
        boot_object = _boot_object;
        print( "Phantom System Environment Setup is running\n" );
        print( boot_object.toString() ); print( "\n" );
    }

    void print( var input : string ) { boot_object.16( input ); }
};
