// The entry class: the original run(var boot), classes of another package
// by relative (hier.child1 is not visible: use imports or absolute names).
package .test.app;

import .test.hier.*;
import .internal.directory;

class runner
{
    var seen : directory;

    void run( var boot )
    {
        seen = new directory();
        var all = new base[]();
        all[0] = new base();
        all[1] = new child1();
        all[2] = new .test.hier.child2();
        foreach( b in all )
        {
            boot.16( b.describe() + "\n" );
            seen.put( b.describe(), b );
        }
        var c2 : child2 = (child2)all[2];
        c2.friend = this;
        boot.16( "friend is a runner: " + (c2.friend :== this) + "\n" );
        boot.16( "seen " + seen.size() + " objects\n" );
    }
};
