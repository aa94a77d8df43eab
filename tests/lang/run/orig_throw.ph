// throw and try/catch as original programs use them: strings are the
// usual exceptions, caught by their class (string) or untyped; any
// object may be thrown; a throw leaves nested calls and loops; an
// exception not caught here goes to the caller's try.
package .test.orig;

class failure
{
    var code : int;
    void failure( var c : int ) { code = c; }
};

class orig_throw
{
    var out;
    var depth : int;

    void check( var v : int )
    {
        if( v < 0 ) throw "negative";
        if( v == 0 ) throw new failure( 7 );
        if( v > 100 ) throw v.toString();     // numbers are not thrown: their text is
        out.16( "ok " );
    }

    void deep( var n : int )
    {
        depth = depth + 1;
        if( n == 0 ) throw "bottom";
        deep( n - 1 );
        out.16( "never" );
    }

    void inner()
    {
        try check( 0 - 1 );
        catch( failure f ) out.16( "not a failure" );
    }

    void run( var boot )
    {
        out = boot;
        try check( 5 ); catch( string s ) out.16( "unexpected" );
        try check( 0 - 5 ); catch( string s ) { out.16( "caught " ); out.16( s ); out.16( " " ); }
        try check( 0 ); catch( failure f ) { out.16( "failure " ); out.16( f.code ); out.16( " " ); }
        try check( 500 ); catch( e ) { out.16( "untyped " ); out.16( e ); out.16( " " ); }
        out.16( "\n" );

        try deep( 10 ); catch( string s ) { out.16( s ); out.16( " after " ); out.16( depth ); out.16( " calls\n" ); }

        var i : int;
        i = 0;
        try
        {
            while( 1 )
            {
                i = i + 1;
                if( i == 4 ) throw "out of the loop";
            }
        }
        catch( string s ) { out.16( s ); out.16( " at " ); out.16( i ); out.16( "\n" ); }

        try inner();
        catch( string s ) { out.16( "the caller caught " ); out.16( s ); out.16( "\n" ); }

        try
        {
            try throw "first";
            catch( string s ) throw s.concat( " and second" );
        }
        catch( string s ) { out.16( s ); out.16( "\n" ); }
    }
};
