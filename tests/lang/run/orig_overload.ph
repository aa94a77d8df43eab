// Overloading by argument type, original style (var a : T parameters):
// the call picks the method whose parameter types fit the arguments,
// exactly, then by widening (char to int, long and float to double).
// A subclass overrides one overload and leaves the others alone.
package .test.orig;

class writer
{
    var out;

    void setOut( var boot ) { out = boot; }

    void put( var a : string )            { out.16( "string:" ); out.16( a ); out.16( "\n" ); }
    void put( var a : int )               { out.16( "int:" ); out.16( a ); out.16( "\n" ); }
    void put( var a : double )            { out.16( "double:" ); out.16( a ); out.16( "\n" ); }
    void put( var a : writer )            { out.16( "writer\n" ); }
    void put( var a : int, var b : int )  { out.16( "int,int:" ); out.16( a + b ); out.16( "\n" ); }
    void put( var a : string, var b : int ) { out.16( "string,int:" ); out.16( a ); out.16( b ); out.16( "\n" ); }
    void put( var a : int, var b : string ) { out.16( "int,string:" ); out.16( a ); out.16( b ); out.16( "\n" ); }
};

class loudwriter extends writer
{
    void put( var a : string ) { out.16( "LOUD:" ); out.16( a.toUpperCase() ); out.16( "\n" ); }
};

class orig_overload
{
    void run( var boot )
    {
        var w : writer;
        w = new writer();
        w.setOut( boot );
        w.put( "s" );
        w.put( 5 );
        w.put( 2.5 );
        w.put( 5L );
        w.put( 'c' );
        w.put( 1.5f );
        w.put( w );
        w.put( new loudwriter() );
        w.put( 1, 2 );
        w.put( "a", 1 );
        w.put( 1, "a" );
        w.put( 'a', 'b' );

        var l : writer;
        l = new loudwriter();
        l.setOut( boot );
        l.put( "quiet" );
        l.put( 3 );
        l.put( "x", 9 );
    }
};
