// Threads the original way: boot.startThread (ordinal 18) runs the
// object's method 8 in a new thread; mutexes (lock [8], unlock [9],
// trylock [10], recursive), semaphores (acquire [8], release [11]) and
// conditions (wait [8], signal [11]) by ordinal; boot.sleep [21];
// .internal.world's getMyThread [8].
package .test.orig;

class counter
{
    var n : int;
    var m : .internal.mutex;

    void counter() { m = new .internal.mutex(); }

    void add() { m.8(); n = n + 1; m.9(); }
};

class ticker
{
    var c : counter;
    var times : int;

    void go() [8]
    {
        var i : int;
        i = 0;
        while( i < times ) { c.add(); i = i + 1; }
    }
};

class poster
{
    var s : .internal.sema;
    var out;

    void post() [8] { out.16( "posting\n" ); s.11(); }
};

class waiter
{
    var m : .internal.mutex;
    var c : .internal.cond;
    var ready : int;
    var out;

    void wait_ready() [8]
    {
        m.lock();
        while( !ready ) c.8( m );
        out.16( "woke with ready=" ); out.16( ready ); out.16( "\n" );
        m.unlock();
    }
};

class orig_threads
{
    void run( var boot )
    {
        var c : counter;
        c = new counter();
        var ts : void [];
        ts = new void[]();
        var i : int;
        i = 0;
        while( i < 3 )
        {
            var t : ticker;
            t = new ticker();
            t.c = c;
            t.times = 200;
            ts[i] = boot.18( t );
            i = i + 1;
        }
        foreach( th in ts ) th.join();
        boot.16( c.n ); boot.16( "\n" );

        c.m.8();
        boot.16( c.m.10() ); boot.16( "\n" );
        c.m.9();
        c.m.9();

        var p : poster;
        p = new poster();
        p.s = new .internal.sema();
        p.out = boot;
        boot.startThread( p );
        p.s.8();
        boot.16( "got the signal\n" );

        boot.21( 5 );
        var w : .internal.world;
        w = new .internal.world();
        boot.16( w.8() :== .internal.thread.current() ); boot.16( "\n" );

        var wt : waiter;
        wt = new waiter();
        wt.m = new .internal.mutex();
        wt.c = new .internal.cond();
        wt.out = boot;
        var thr;
        thr = boot.18( wt );
        boot.21( 10 );
        wt.m.lock();
        wt.ready = 1;
        wt.c.11();
        wt.m.unlock();
        thr.join();
        boot.16( "joined\n" );
    }
};
