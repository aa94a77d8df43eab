// orig_sleeper.ph - the original's ways to wait, across kill -9
// (tests/crash/vm_restart.c): boot.sleep [21] for 1 s, then a tmr:
// connection's block for 2 s, with a one-shot timer armed for 2.5 s
// whose callback prints "tick".  Killed 1.5 s in, the resumed world keeps
// every deadline.
package .test.orig;

class orig_sleeper
{
    var boot_object;

    void tick( var time @const ) [17] { boot_object.16( "tick\n" ); }

    void run( var boot @const )
    {
        boot_object = boot;
        var tmr;
        tmr = new .internal.connection();
        tmr.8( "tmr:" );
        tmr.12( this, 17 );
        tmr.11( 2500, 0 );
        boot.16( "sleeping\n" );
        boot.21( 1000 );
        tmr.13( null, 2000 );
        boot.16( "woke\n" );
    }
};
