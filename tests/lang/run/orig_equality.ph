// == and != compare values (a class's own equals, here an original-style
// one returning an int truth value); :== and :!= compare references and
// never call equals.  Strings compare by content with ==, numbers by
// value across kinds; :== on numbers needs the same kind and value.
package .test.orig;

class point
{
    var x : int;
    var y : int;

    void point( var ax : int, var ay : int ) { x = ax; y = ay; }

    int equals( var o )
    {
        calls = calls + 1;
        if( o :== null ) return 0;
        if( o.getClass() :!= getClass() ) return 0;
        var p : point;
        p = (point)o;
        if( p.x == x && p.y == y ) return 1;
        return 0;
    }

    var calls : int;
};

class orig_equality
{
    void say( var boot, var what : string, var v )
    {
        boot.16( what );
        boot.16( "=" );
        if( v ) boot.16( "yes " ); else boot.16( "no " );
    }

    void run( var boot )
    {
        var a : point;
        var b : point;
        var c : point;
        var d : point;
        a = new point( 1, 2 );
        b = new point( 1, 2 );
        c = a;
        d = new point( 3, 4 );
        say( boot, "a==b", a == b );
        say( boot, "a:==b", a :== b );
        say( boot, "a:==c", a :== c );
        say( boot, "a!=d", a != d );
        say( boot, "a:!=b", a :!= b );
        say( boot, "a:!=c", a :!= c );
        boot.16( "\n" );
        boot.16( "equals ran " ); boot.16( a.calls ); boot.16( " times\n" );
        say( boot, "a==null", a == null );
        say( boot, "null:==null", null :== null );
        say( boot, "a==\"s\"", a == "s" );
        boot.16( "\n" );
        boot.16( "equals ran " ); boot.16( a.calls ); boot.16( " times\n" );

        var s1 : string;
        var s2 : string;
        s1 = "ab";
        s2 = "a".concat( "b" );
        say( boot, "s1==s2", s1 == s2 );
        say( boot, "s1:==s2", s1 :== s2 );
        say( boot, "s1!=s2", s1 != s2 );
        boot.16( "\n" );
        say( boot, "1==1.0", 1 == 1.0 );
        say( boot, "1:==1.0", 1 :== 1.0 );
        say( boot, "5:==5", 5 :== 5 );
        say( boot, "5L:==5", 5L :== 5 );
        say( boot, "'A'==65", 'A' == 65 );
        boot.16( "\n" );
        var u;
        var w;
        u = new point( 9, 9 );
        w = new point( 9, 9 );
        say( boot, "u==w", u == w );
        say( boot, "u:==w", u :== w );
        w = u;
        say( boot, "u:==w", u :== w );
        boot.16( "\n" );
    }
};
