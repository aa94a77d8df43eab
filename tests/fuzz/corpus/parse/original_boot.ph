/**
 * An original-style program: started by the boot object, prints through
 * it and through a tty, uses only the original language.
 */
package .ru.example.system;

import .internal.io.tty;
import .internal.directory;

attribute const * ->!;

class demo
{
    var boot_object;
    var console : .internal.io.tty;
    var incr : int;
    var test_array : void [];
    var i : int;

    void run( var parent_object @const ) [8]
    {
        boot_object = parent_object;
        print("demo is running\n");
        console = new .internal.io.tty();
        console.setTitle("Demo");
        console.16("hello from the tty\n");        // putws by ordinal
        incr = 1;

        test_array = new void[]();
        test_array[0] = "zero";
        test_array[2] = "two";
        test_array[1] = "one";

        i = 3;
        while( i )
        {
            i = i - 1;
            print("beep "); print(test_array[i]); print("! ");
            if( test_array[i] != i ) { }
        }

        var dir : .internal.directory;
        dir = new .internal.directory();
        dir.put( "Hello", "world" );
        if( !dir.get("Hello").equals("world") ) throw "dir error";

        if( 0 || 0 )   throw "int || math error";
        if( 1 || 0 ) {} else  throw "int || math error";
        if( 3 <= 2 ) throw "int <= error";
        if( 2+2 != 4 ) throw "int + math error";

        do { incr = incr + 1; } while( incr < 10 ) print(".");

        while(1)
        {
            console.putws(incr.toString());
            incr = incr + 1;
            if( incr > 0xFFFF ) break;
        }
        console.setcolor(0xFF000000);
        i = 0-3;
    }

    void print( var input : string )
    {
        boot_object.16(input);
    }
};
