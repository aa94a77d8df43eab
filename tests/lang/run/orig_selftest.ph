// A self-checking program in the style of the original regression tests:
// the class defines its own print(var input : string) (which hides the
// built-in one), every check throws a string on failure, and the special
// methods are given their original ordinals explicitly ([5] toString,
// [4] equals, [15] hashCode).
package .ru.dz.phantom.system;

attribute const * ->!;

import .internal.directory;

class selftest_item
{
    var v : int;
    void selftest_item( var x : int ) { v = x; }
    string toString() [5] { return "item#".concat( v.toString() ); }
    bool equals( var o ) [4] { return v == o.v; }
    int hashCode() [15] { return v; }
};

class orig_selftest
{
    var boot_object;
    var i : int;
    var j : int;
    var test_array : void [];
    var stack_test_temp : int;

    void run( var _boot_object @const )
    {
        boot_object = _boot_object;
        print( "Phantom language self tests are running\n" );
        flow_test();
        math_test();
        array_test();
        var_alloc_test( 2 );
        directory_test();
        special_test();
        print( "all passed\n" );
    }

    void print( var input : string ) { boot_object.16( input ); }

    void flow_test()
    {
        print( "flow... " );
        if( 0 ) throw "if(0) error";
        if( 0 == 1 ) throw "if or == error";
        if( 0 != 0 ) throw "if or != error";
        j = 0;
        if( 1 ) j = 1;
        if( j == 1 ) {} else throw "if(1) error";
        i = 3;
        j = 0;
        do { j = j + 1; } while( i ) i = i - 1;
        if( j != 4 ) throw "do/while error";
        i = 2;
        switch( i )
        {
        case 1:  throw "switch fall in error";
        case 2:  break;
        case 3:  throw "switch fall out error";
        default: throw "switch default error";
        }
        print( "passed\n" );
    }

    void math_test()
    {
        print( "math... " );
        if( 2+2 != 4 ) throw "int + error";
        if( 2-2 != 0 ) throw "int - error";
        if( 7/2 != 3 ) throw "int / error";
        if( 3*3 != 9 ) throw "int * error";
        if( 3 < 2 ) throw "int < error";
        if( !(3 <= 3) ) throw "int <= error";
        if( 1 && 0 ) throw "int && error";
        if( 0 || 0 ) throw "int || error";
        if( 1 & 0 ) throw "int & error";
        if( 0 | 1 ) {} else throw "int | error";
        if( 0-3 != 0-1-2 ) throw "negative error";
        print( "passed\n" );
    }

    void array_test()
    {
        print( "arrays... " );
        test_array = new void[]();
        test_array[0] = "zero";
        test_array[2] = "two";
        test_array[1] = "one";
        print( "beeping: " );
        i = 3;
        while( i )
        {
            i = i - 1;
            print( "beep " ); print( test_array[i] ); print( "! " );
        }
        test_array[0] = 0;
        test_array[2] = 2;
        test_array[1] = 1;
        i = 3;
        while( i )
        {
            i = i - 1;
            if( test_array[i] != i ) throw "array error";
        }
        print( "passed\n" );
    }

    void var_alloc_test( var input : int )
    {
        print( "locals... " );
        var stack : int;
        if( input != 2 ) throw "parameter overwrite";
        stack = 3;
        if( input != 2 ) throw "parameter overwrite by stack var";
        input = 4;
        if( stack != 3 ) throw "stack overwrite by parameter var";
        stack_test_temp = 5;
        if( stack != 3 ) throw "auto var overwrite by field";
        if( input != 4 ) throw "parameter overwrite by field";
        print( "passed\n" );
    }

    void directory_test()
    {
        print( "directory... " );
        var dir : .internal.directory;
        var val : .internal.object;
        dir = new .internal.directory();
        dir.put( "Hello", "world" );
        dir.put( "Privet", "mir" );
        dir.put( "Hola", "mundo" );
        val = dir.get( "Privet" );
        if( !val.equals( "mir" ) ) throw "dir error 1";
        val = dir.get( "Hola" );
        if( !val.equals( "mundo" ) ) throw "dir error 2";
        if( dir.size() != 3 ) throw "dir error 3";
        print( "passed\n" );
    }

    void special_test()
    {
        print( "special methods... " );
        var a : selftest_item;
        var b : selftest_item;
        a = new selftest_item( 5 );
        b = new selftest_item( 5 );
        if( a != b ) throw "equals [4] not used by !=";
        if( a :== b ) throw ":== error";
        if( a.hashCode() != 5 ) throw "hashCode error";
        if( a.5() != "item#5" ) throw "toString by ordinal error";
        print( a.toString() );
        print( " " );
        print( "" + b );
        print( " passed\n" );
    }
};
