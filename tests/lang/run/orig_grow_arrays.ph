// Arrays as the original used them: new T[]() is empty and grows when
// written past its end (the slots between are null); foreach walks the
// elements; the native methods by name and by ordinal: get [10],
// set(value, index) [11], size [12], iterator [8] (a snapshot).
package .test.orig;

class orig_grow_arrays
{
    void run( var boot )
    {
        var names : string [];
        names = new string[]();
        boot.16( names.size() ); boot.16( " " ); boot.16( names ); boot.16( "\n" );
        names[0] = "zero";
        names[3] = "three";
        boot.16( names.size() ); boot.16( " " ); boot.16( names ); boot.16( "\n" );
        names[1] = "one";
        var i : int;
        i = 0;
        while( i < names.size() )
        {
            if( names[i] :== null ) boot.16( "(empty) " );
            else boot.16( names[i].concat( " " ) );
            i = i + 1;
        }
        boot.16( "\n" );

        var squares : int [];
        squares = new int[]();
        i = 0;
        while( i < 6 ) { squares[i] = i * i; i = i + 1; }
        var sum : int;
        sum = 0;
        foreach( sq in squares ) sum = sum + sq;
        boot.16( sum ); boot.16( " " ); boot.16( squares.length ); boot.16( "\n" );

        var any;
        any = new void[]();
        any.11( "by ordinal", 2 );        // set(value, index)
        any.set( 7, 0 );
        boot.16( any.12() ); boot.16( " " );
        boot.16( any.10( 2 ) ); boot.16( " " );
        boot.16( any.get( 0 ) + 1 ); boot.16( " " );
        boot.16( any ); boot.16( "\n" );
        var snap;
        snap = any.8();
        any[5] = "later";
        boot.16( snap.size() ); boot.16( " " ); boot.16( any.size() ); boot.16( "\n" );

        var grid : int [] [];
        grid = new int[][]();
        grid[1] = new int[]();
        grid[1][2] = 5;
        boot.16( grid ); boot.16( "\n" );

        var objs : void [];
        objs = new void[]();
        objs[0] = 1;
        objs[1] = "two";
        objs[2] = 3.5;
        objs[3] = names;
        boot.16( objs ); boot.16( "\n" );
    }
};
