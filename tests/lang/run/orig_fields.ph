// Fields and locals as the original wrote them: Pascal-style
// `var x : T;`, C-style `T x;`, untyped `var x;`, `var a, b : int;`
// (both ints), declarations anywhere in a block, and the zero or null
// every variable starts with.
package .test.orig;

class record
{
    var id      : int;
    var weight  : double;
    var big     : long;
    .internal.string name;
    string note;
    int    rank;
    var anything;
    var lo, hi : int;
    var tags : string [];

    void record() { name = "rec"; }
};

class orig_fields
{
    void run( var boot )
    {
        var r : record;
        r = new record();
        boot.16( r.name ); boot.16( " " );
        boot.16( r.id ); boot.16( " " );
        boot.16( r.weight ); boot.16( " " );
        boot.16( r.big ); boot.16( " " );
        boot.16( r.note ); boot.16( " " );
        boot.16( r.rank ); boot.16( " " );
        boot.16( r.anything ); boot.16( " " );
        boot.16( r.lo + r.hi ); boot.16( " " );
        boot.16( r.tags ); boot.16( "\n" );

        r.lo = 3;
        r.hi = 4;
        r.anything = "text";
        boot.16( r.anything.concat("!") ); boot.16( "\n" );
        r.anything = 41;
        boot.16( r.anything + 1 ); boot.16( "\n" );
        r.tags = new string[]();
        r.tags[2] = "c";
        boot.16( r.tags ); boot.16( "\n" );

        var i : int;
        i = 0;
        while( i < 2 )
        {
            var local : int;          // starts again at 0 every time
            var u;                    // and again null
            boot.16( local ); boot.16( u ); boot.16( " " );
            local = 7;
            u = "set";
            i = i + 1;
        }
        boot.16( "\n" );
        .internal.string s;
        s = "c-style local";
        int k;
        k = r.lo * r.hi;
        boot.16( s ); boot.16( " " ); boot.16( k ); boot.16( "\n" );
    }
};
