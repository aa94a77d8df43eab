// boot.reboot() [24]: the original reset the machine; here the world is
// snapshotted and booted again, and every thread goes on where it was:
// this one returns from reboot() with its variables as they were.
package .test.orig;

class orig_reboot
{
    void run( var boot @const )
    {
        var w;
        var before;
        w = new .internal.world();
        before = w.boots();
        var kept : string;
        kept = "kept across the reboot";
        boot.16( "rebooting\n" );
        boot.24();
        boot.16( kept ); boot.16( "\n" );
        boot.16( w.boots() - before ); boot.16( " more boot\n" );
    }
};
