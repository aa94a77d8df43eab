// .internal.directory the original way: put [8], get [9], remove [10],
// size [11] and iterate [12] (the keys, in byte order), by name and by
// ordinal; values of any kind; put returns the old value; a directory
// held in an untyped variable.
package .test.orig;

import .internal.directory;

class orig_directory
{
    var out;

    void show( var d ) { out.16( d ); out.16( " size " ); out.16( d.11() ); out.16( "\n" ); }

    void run( var boot )
    {
        out = boot;
        var dir : .internal.directory;
        var val : .internal.object;
        dir = new .internal.directory();
        dir.put( "Hello", "world" );
        dir.put( "Privet", "mir" );
        dir.8( "Hola", "mundo" );
        val = dir.get( "Privet" );
        if( !val.equals( "mir" ) ) throw "dir error 1";
        val = dir.9( "Hola" );
        if( val != "mundo" ) throw "dir error 2";
        show( dir );

        out.16( dir.put( "Hello", 42 ) ); out.16( " " );
        out.16( dir.get( "Hello" ) + 1 ); out.16( " " );
        out.16( dir.get( "missing" ) ); out.16( "\n" );

        out.16( dir.10( "Privet" ) ); out.16( " " );
        out.16( dir.remove( "Privet" ) ); out.16( " " );
        show( dir );

        var keys;
        keys = dir.12();
        var i : int;
        i = 0;
        while( i < keys.size() )
        {
            out.16( keys[i] ); out.16( "=" ); out.16( dir.get( keys[i] ) ); out.16( ";" );
            i = i + 1;
        }
        out.16( "\n" );

        var d2;
        d2 = new directory();
        d2.put( "b", 2 );
        d2.put( "a", 1 );
        d2.put( "B", 0 );
        d2.put( "", "empty key" );
        foreach( k in d2 ) { out.16( "[" ); out.16( k ); out.16( "]" ); }
        out.16( "\n" );
        d2.put( "nested", dir );
        out.16( d2.iterate() ); out.16( "\n" );
        out.16( d2.get( "nested" ).size() ); out.16( "\n" );
    }
};
