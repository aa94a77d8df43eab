// .internal.io.tty by ordinal, as the original called it: putws [17]
// writes text, debug [18] writes a line to standard error, and the
// screen methods (gotoxy [19], clear [20], setcolor [21], setTitle [25],
// setbgcolor [26]) do nothing when the output is not a terminal; fill
// [22], putblock [23] and setWinPos [24] are accepted.  getwc [16] at the
// end of the input gives -1.
package .test.orig;

class orig_tty_ordinals
{
    var console : .internal.io.tty;

    void run( var boot )
    {
        console = new .internal.io.tty();
        console.clear();
        console.setTitle( "Regress tests" );
        console.17( "putws by ordinal\n" );
        console.19( 1, 1 );
        console.20();
        console.21( 2 );
        console.25( "title" );
        console.26( 0 );
        console.putws( "after the screen calls\n" );
        console.18( "to standard error" );
        console.debug( "and again" );
        var incr : int;
        incr = 41;
        incr = incr + 1;
        console.putws( incr.5() );
        console.putws( "\n" );
        console.putws( console.16() );
        console.putws( " " );
        console.putws( console.getwc() );
        console.putws( "\n" );
    }
};
