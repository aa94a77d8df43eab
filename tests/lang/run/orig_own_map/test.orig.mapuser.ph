// A program that brings its own .phantom.util.map (next file) runs with
// it, and the library's classes it uses that do not depend on map (list)
// still work; the library's set, which needs the library's map, is left
// out because nothing here uses it.
package .test.orig;

import .phantom.util.map;
import .phantom.util.list;

class mapuser
{
    void run( var boot )
    {
        var m : map;
        m = new map();
        boot.16( m.put( "one", 1 ) ); boot.16( " " );
        boot.16( m.put( "one", 2 ) ); boot.16( " " );
        boot.16( m.get( "one" ) ); boot.16( "\n" );

        var l : list;
        l = new list();
        l.add( "a" ); l.add( "b" );
        boot.16( l.size() ); boot.16( "\n" );
    }
};
