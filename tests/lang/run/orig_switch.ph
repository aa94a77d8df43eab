// switch as original programs use it: every arm ends with break (or
// leaves otherwise), so nothing falls into the next case; ints, strings
// and untyped values as the subject; default anywhere; a switch inside a
// loop where break leaves the switch and not the loop.
package .test.orig;

class orig_switch
{
    var out;

    string name( var n : int )
    {
        var r : string;
        switch( n )
        {
        case 1:  r = "one"; break;
        case 2:  r = "two"; break;
        default: r = "many"; break;
        case 0:  r = "zero"; break;
        }
        return r;
    }

    int price( var what )
    {
        switch( what )
        {
        case "apple":  return 30;
        case "bread":  return 250;
        case 7:        return 7;
        }
        return 0-1;
    }

    void run( var boot )
    {
        out = boot;
        var i : int;
        i = 0;
        while( i < 4 )
        {
            switch( i )
            {
            case 3:  out.16( "[3 breaks the switch only]" ); break;
            default: out.16( name( i ) ); break;
            }
            out.16( " " );
            i = i + 1;
        }
        out.16( "\n" );
        out.16( price( "apple" ) ); out.16( " " );
        out.16( price( "bre".concat( "ad" ) ) ); out.16( " " );
        out.16( price( 7 ) ); out.16( " " );
        out.16( price( 7.0 ) ); out.16( " " );
        out.16( price( "pear" ) ); out.16( "\n" );

        var hits : int;
        hits = 0;
        i = 0;
        while( i < 10 )
        {
            switch( i % 3 )
            {
            case 0: hits = hits + 100; break;
            case 1: hits = hits + 10; break;
            case 2: hits = hits + 1; break;
            }
            i = i + 1;
        }
        out.16( hits ); out.16( "\n" );
    }
};
