// Ints are truth values (the original had no bool): 0 is false, any
// other int true, in if, while, do, !, && and ||, and the int operators
// | and & as conditions; null is false too, and everything else true
// (an object, 0L, 0.0, "": only the int 0 is a false number).
package .test.orig;

class orig_truth
{
    var out;
    var i : int;
    var j : int;

    void check( var cond, var what : string )
    {
        if( cond ) out.16( what.concat( ":T " ) ); else out.16( what.concat( ":F " ) );
    }

    void run( var boot )
    {
        out = boot;
        i = 3;
        while( i ) { out.16( i ); i = i - 1; }
        out.16( "\n" );
        if( 0 ) out.16( "wrong" ); else out.16( "0 is false" );
        if( 0-1 ) out.16( ", -1 is true" );
        if( !0 ) out.16( ", !0 is true" );
        if( !7 ) out.16( "wrong" ); else out.16( ", !7 is false" );
        out.16( "\n" );

        if( 0 || 0 ) out.16( "wrong" );
        if( 1 || 0 ) {} else out.16( "wrong" );
        if( 0 && 1 ) out.16( "wrong" );
        if( 2 && 3 ) out.16( "2 && 3 " );
        if( 0 | 0 ) out.16( "wrong" );
        if( 1 | 0 ) out.16( "1 | 0 " );
        if( 2 & 1 ) out.16( "wrong" ); else out.16( "2 & 1 is 0 " );
        if( 3 & 1 ) out.16( "3 & 1 " );
        out.16( "\n" );

        i = 3;
        j = 0;
        do { j = j + 1; } while( i ) i = i - 1;
        out.16( j ); out.16( "\n" );

        var nothing;
        check( nothing, "null" );
        check( this, "object" );
        check( 0L, "0L" );
        check( 5L, "5L" );
        check( 0.0, "0.0" );
        check( "", "empty string" );
        check( 2 > 1, "2>1" );
        out.16( "\n" );
        var k : int;
        k = 5;
        while( k && k - 3 ) k = k - 1;
        out.16( k ); out.16( "\n" );
    }
};
