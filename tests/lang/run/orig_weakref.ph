// .internal.weakref: a reference that does not keep its object alive.
// The fast collector clears it as soon as the last counted reference
// goes; the complete collector clears one whose object was only in a
// cycle; an object still held stays.  getMyObject [8] is the original's.
package .test.orig;

class node
{
    var next;
    var name : string;
    void node( var n : string ) { name = n; }
};

class orig_weakref
{
    var kept : node;

    void run( var boot @const )
    {
        var w;
        var plain;
        var ring;
        var held;
        var world;
        world = new .internal.world();

        kept = new node( "kept" );
        held = new .internal.weakref();
        held.setObject( kept );

        plain = new .internal.weakref();
        plain.setObject( new node( "plain" ) );

        var a : node;
        var b : node;
        a = new node( "a" );
        b = new node( "b" );
        a.next = b;
        b.next = a;
        ring = new .internal.weakref();
        ring.setObject( a );
        boot.16( ((node)ring.8()).name ); boot.16( " " );
        a = null;
        b = null;

        world.collect();
        boot.16( plain.8() ); boot.16( " " );
        boot.16( ring.get() ); boot.16( " " );
        boot.16( ((node)held.get()).name ); boot.16( "\n" );

        // many weak references to objects that come and go: 500 of the 1000
        // references kept still have their object
        var refs;
        var strong;
        var n;
        var i : int;
        refs = new .internal.container.array();
        strong = new .internal.container.array();
        i = 0;
        while( i < 2000 )
        {
            w = new .internal.weakref();
            n = new node( "n" );
            w.setObject( n );
            if( i % 2 == 0 ) refs[i / 2] = w;       // half the references are kept,
            if( i % 4 == 0 ) strong[i / 4] = n;     // and a quarter of the objects
            i = i + 1;
        }
        world.collect();
        var alive : int;
        alive = 0;
        i = 0;
        while( i < 1000 )
        {
            if( refs[i].get() :!= null ) alive = alive + 1;
            i = i + 1;
        }
        boot.16( alive ); boot.16( " " ); boot.16( ((node)held.get()).name ); boot.16( "\n" );
    }
};
