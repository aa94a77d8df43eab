// foreach( x in EXPR ) as the original wrote it: over a growable array
// with holes (null elements), a .internal.directory (its keys, in byte
// order), a string (its characters), an array of arrays; the loop
// variable is untyped; break and continue.
package .test.orig;

class orig_foreach
{
    var out;

    void run( var boot )
    {
        out = boot;
        var a : string [];
        a = new string[]();
        a[0] = "first";
        a[2] = "third";
        foreach( s in a )
        {
            if( s :== null ) { out.16( "(hole) " ); continue; }
            out.16( s.concat( " " ) );
        }
        out.16( "\n" );

        var d : .internal.directory;
        d = new .internal.directory();
        d.put( "zeta", 1 );
        d.put( "alpha", 2 );
        d.put( "Beta", 3 );
        var total : int;
        total = 0;
        foreach( k in d )
        {
            out.16( k ); out.16( " " );
            total = total + d.get( k );
        }
        out.16( total ); out.16( "\n" );

        var vowels : int;
        vowels = 0;
        foreach( c in "phantom os" )
        {
            if( c == ' ' ) break;
            if( c == 'a' || c == 'o' ) vowels = vowels + 1;
        }
        out.16( vowels ); out.16( "\n" );

        var rows;
        rows = new void[]();
        rows[0] = new int[]();
        rows[0][1] = 5;
        rows[1] = new int[]();
        rows[1][0] = 7;
        foreach( r in rows ) foreach( v in r ) { out.16( v ); out.16( ";" ); }
        out.16( "\n" );
    }
};
