// Habits the original compiler accepted with a warning compile here with
// a warning too (docs/LANGUAGE.md, "Habits of the original compiler"),
// and each does what the documentation says when it runs.
package .test.orig;

class shape
{
    var name : string;
    void shape() { name = "shape"; }
};

class square extends shape
{
    var side : int;
    void square() { name = "square"; side = 3; }
};

class orig_habits
{
    var boot_object;

    void print( var input : string ) { boot_object.16( input ); }

    // return with a value in a void method: the value is dropped
    void nothing() { return 42; }

    void say( var s : string ) { print( s ); print( "\n" ); }

    void run( var _boot_object @const )
    {
        boot_object = _boot_object;
        var s : shape;
        var q : square;
        var i : int;
        var l : long;

        s = new square();
        q = s;                       // implicit downcast: checked when it runs
        say( q.side.toString() );

        l = 4294967298L;
        i = l;                       // implicit narrowing: the low 32 bits
        say( i.toString() );
        l = 0L - 1L;
        i = l;
        say( i.toString() );

        say( 7 );                    // an int where a string is declared: its text
        say( nothing() );            // a void result as an argument: null

        s = new shape();
        try
        {
            q = s;                   // not a square: CastException here
            say( "not reached" );
        }
        catch( .phantom.CastException e )
        {
            say( "cast refused" );
        }
    }
};
