// Untyped variables, fields and parameters (var x;) hold anything; a call
// x.m(args) finds m by name and argument count on whatever x is when it
// runs, + adds numbers or joins strings, and x.name reads the field of
// the one class that has a field of that name.
package .test.orig;

class duck { string speak() { return "quack"; } string speak( var times ) { return "quack x".concat( times.toString() ); } };
class robot { string speak() { return "beep"; } var serial : int; };

class orig_untyped
{
    var out;
    var anything;

    void say( var x ) { out.16( x ); out.16( " " ); }

    void run( var boot )
    {
        out = boot;
        var list;
        list = new void[]();
        list[0] = new duck();
        list[1] = new robot();
        foreach( a in list ) say( a.speak() );
        say( list[0].speak( 3 ) );
        out.16( "\n" );

        var x;
        x = 5;
        say( x + 1 );
        x = "5";
        say( x + 1 );
        x = 2.5;
        say( x * 2 );
        x = 10L;
        say( x * 1000000000 );
        out.16( "\n" );

        anything = new robot();
        anything.serial = 99;
        say( anything.serial );
        var r : robot;
        r = anything;
        say( r.serial + 1 );
        anything = "text";
        say( anything.length() );
        say( anything.toUpperCase() );
        out.16( "\n" );

        var y;
        say( y );
        y = x;
        say( y :== x );
        try { y = null; y.speak(); }
        catch( .phantom.NullReferenceException e ) { say( "null has no methods" ); }
        try { x = new duck(); x.fly(); }
        catch( .phantom.NoSuchMethodException e ) { say( "a duck cannot fly" ); }
        try { x = new duck(); x.speak( 1, 2 ); }
        catch( .phantom.RuntimeException e ) { say( "nor speak with two arguments" ); }
        out.16( "\n" );
    }
};
