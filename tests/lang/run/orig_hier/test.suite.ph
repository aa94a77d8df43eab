// Classes of a subpackage named relative to the package (hier.Child1 is
// .test.hier.Child1), by an import, or absolutely.
package .test;

import .internal.io.tty;
import .test.hier.Child1;

class suite
{
    var console : .internal.io.tty;

    void suite() { console = new .internal.io.tty(); }

    void println( var s : string ) { console.putws( s ); console.putws( "\n" ); }

    void run()
    {
        println( "Run hierarchy constructors test" );
        var c1 : hier.Child1;
        c1 = new hier.Child1();
        c1.test();
        println( c1.trail );
        println( c1.level.toString() );
        var c2 : Child1;
        c2 = new Child1( 7 );
        c2.test();
        println( c2.trail.concat( " " ).concat( c2.level.toString() ) );
        var m : .test.hier.Intermediate;
        m = new .test.hier.Intermediate();
        println( m.trail );
        var r : hier.Root;
        r = c2;
        println( r.kind() );
        println( "PASSED: hierarchy constructors test" );
    }
};
