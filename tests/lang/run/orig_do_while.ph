// The original do S while (C) S2;  -- S2 runs between iterations:
// loop { S; if (!C) break; S2; }.  Also the plain do S while (C); with
// break and continue in S (continue goes to the test) and in S2
// (continue starts the next iteration: S).
package .test.orig;

class orig_do_while
{
    void run( var boot )
    {
        var i : int;
        i = 0;
        do { boot.16( i ); i = i + 1; } while( i < 4 ) boot.16( "," );
        boot.16( "\n" );

        i = 10;
        do boot.16( "once" ); while( i < 4 ) boot.16( "never" );
        boot.16( "\n" );

        i = 0;
        do i = i + 1; while( i < 5 );
        boot.16( i ); boot.16( "\n" );

        i = 0;
        do
        {
            boot.16( i );
            i = i + 1;
        }
        while( i < 5 ) {
            if( i == 2 ) continue;
            boot.16( "," );
        };
        boot.16( "\n" );

        i = 0;
        do
        {
            i = i + 1;
            if( i == 2 ) continue;
            if( i == 6 ) break;
            boot.16( i );
        }
        while( i < 10 ) boot.16( "." );
        boot.16( "\n" );

        i = 0;
        do { boot.16( i ); i = i + 1; }
        while( i < 10 ) {
            if( i == 3 ) break;
            boot.16( "-" );
        };
        boot.16( "\n" );

        var w : string;
        w = "";
        i = 3;
        do w = w.concat( "x" ); while( i = i - 1 ) w = w.concat( "|" );
        boot.16( w ); boot.16( "\n" );
    }
};
