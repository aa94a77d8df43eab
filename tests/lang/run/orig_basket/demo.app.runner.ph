// The runner (its file sorts first, so it is the entry): the original
// run( var boot ), a basket filled by name and by ordinal 16.
package .demo.app;

import .demo.shop.basket;
import .demo.shop.item;

class runner
{
    void run( var boot @const )
    {
        var b : basket;
        b = new basket();
        b.label = "weekly";
        boot.16( b.describe() );
        boot.16( "\n" );
        b.add( new item( "apple", 30, 4 ) );
        b.add( new item( "bread", 250, 1 ) );
        var n : int;
        n = b.16( new item( "milk", 99, 2 ) );
        boot.16( "items: " );
        boot.16( n );
        boot.16( "\n" );
        boot.16( b.label.concat(": ") );
        boot.16( b.total() );
        boot.16( " cents\n" );
        b.run( boot );
        var p : .demo.shop.priced;
        p = b;
        boot.16( "as priced: " );
        boot.16( p.total() );
        boot.16( "\n" );
        boot.16( b.items[1].toString() );   // natives print the native text: call toString
        boot.16( " " );
        boot.16( b.anything.get("milk").total() );
        boot.16( " " );
        boot.16( b.opened );
        boot.16( " " );
        boot.16( b.name );
        boot.16( "\n" );
    }
};
