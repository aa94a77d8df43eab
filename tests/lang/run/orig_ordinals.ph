// Method ordinals: [N] fixes a method's slot, the others take free slots
// from 8 in order (skipping 14 and 15 and the slots fixed with [N]), an
// override keeps its parent's slot, and o.N(args) calls slot N of
// whatever o is -- program classes and internal ones alike.
package .test.orig;

class shape
{
    int sides() { return 0; }                       // 8
    string kind() { return "shape"; }               // 9
    string name() [16] { return "a shape"; }        // 16
    string describe()                               // 10
    {
        return name().concat(" with ").concat(sides().toString()).concat(" sides");
    }
};

class square extends shape
{
    int sides() { return 4; }                       // keeps 8
    string name() { return "a square"; }            // keeps 16
    int area() [20] { return 9; }
    string corner() { return "corner"; }            // the first free slot: 11
};

class many
{
    int m8() { return 8; }
    int m9() { return 9; }
    int m10() { return 10; }
    int m11() { return 11; }
    int m12() { return 12; }
    int m13() { return 13; }
    int m16() { return 16; }                        // 14 and 15 are hashCode's and setImmutable's
};

class late
{
    string first() { return "first"; }             // 8 is fixed below: 9
    string second() [8] { return "second"; }
};

class orig_ordinals
{
    void run( var boot @const )
    {
        var s : shape;
        s = new square();
        boot.16( s.8() ); boot.16( " " );
        boot.16( s.9() ); boot.16( " " );
        boot.16( s.10() ); boot.16( " " );
        boot.16( s.16() ); boot.16( "\n" );
        var any;
        any = s;
        boot.16( any.20() ); boot.16( " " );
        boot.16( any.11() ); boot.16( " " );
        boot.16( any.describe() ); boot.16( "\n" );
        var base : shape;
        base = new shape();
        boot.16( base.10() ); boot.16( "\n" );

        var m : many;
        m = new many();
        boot.16( m.8() + m.13() ); boot.16( " " );
        boot.16( m.16() ); boot.16( "\n" );

        var l : late;
        l = new late();
        boot.16( l.8() ); boot.16( " " );
        boot.16( l.9() ); boot.16( "\n" );

        var t : string;
        t = "phantom";
        boot.16( t.8(1, 3) ); boot.16( " " );
        boot.16( t.9(2) ); boot.16( " " );
        boot.16( "pha".10("ntom") ); boot.16( " " );
        boot.16( t.11() ); boot.16( " " );
        boot.16( t.12("tom") ); boot.16( "\n" );
        boot.16( "123".16() + 1 ); boot.16( " " );
        boot.16( "5000000000".17() * 2 ); boot.16( " " );
        boot.16( "2.5".19() * 2 ); boot.16( "\n" );
        var x;
        x = 42;
        boot.16( x.5().concat("!") ); boot.16( " " );
        boot.16( x.4(42) ); boot.16( " " );
        boot.16( this.16() ); boot.16( "\n" );
    }

    string label() [16] { return "runner's own 16"; }
};
