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

//--file--
// The parent class of the hierarchy (one class per file, the original custom).
package .test.hier;

class base
{
    var name : .internal.string;
    var level : int;

    void base() { name = "base"; level = 0; }

    .internal.string describe() { return name + "@" + level; }
};

//--file--
package .test.hier;

import .test.hier.base;

class child1 extends base
{
    void child1() { name = "child1"; level = 1; }
};

//--file--
package .test.hier;

class child2 extends child1
{
    var friend : .test.app.runner;   // a class of another package, declared later

    void child2() { name = "child2"; level = level + 1; }
};
