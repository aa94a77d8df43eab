// The original's system methods, called by ordinal on untyped variables
// as its programs do: boot [17] [19] [22] [23], thread [10]-[14],
// class [8] [10] [11] [14], and .internal.closure.
package .test.orig;

class loader
{
    // a class loader: the boot object asks its method 8 for a class it lacks
    .internal.object load( var name @const ) [8]
    {
        print( "loader asked for " ); print( name ); print( "\n" );
        return 0.getClass();
    }
};

class osimpl
{
    var name : string;
    void osimpl() { name = "the os"; }
};

class counter
{
    var n : int;
    int add( var k : int ) [8] { n = n + k; return n; }
};

class worker
{
    var steps : int;
    void body( var parent ) [8]
    {
        while( steps < 3 )
        {
            steps = steps + 1;
            .internal.thread.yield();
        }
    }
};

class orig_system
{
    static var shared : int;

    void run( var boot @const )
    {
        boot.16( boot.toString() ); boot.16( "\n" );

        // createBinary [19]
        var b;
        b = boot.19( 4 );
        boot.16( b.size() ); boot.16( "\n" );

        // setOsInterface [22], read back through any thread's getOsInterface [14]
        boot.22( new osimpl() );
        var me;
        me = (new .internal.world()).8();
        var os : osimpl;
        os = me.14();
        boot.16( os.name ); boot.16( "\n" );
        boot.16( me.13() ); boot.16( "\n" );                    // getUser: null

        // getEnvironment [12]: the world's environment, one directory
        var env;
        env = me.12();
        env.put( "HOME", "/" );
        boot.16( me.12().get( "HOME" ) ); boot.16( "\n" );

        // getKernelEnvironment [23]
        var kenv;
        kenv = boot.23();
        boot.16( kenv.size() ); boot.16( " " ); boot.16( kenv[0] ); boot.16( "\n" );

        // setClassLoader [17]: loadClass [8] of a class the world lacks asks it
        boot.16( boot.8( ".test.orig.nothere" ) ); boot.16( "\n" );
        boot.17( new loader() );
        boot.16( boot.8( ".test.orig.nothere" ) ); boot.16( "\n" );
        boot.16( boot.8( ".test.orig.counter" ) ); boot.16( "\n" );

        // class: instanceOf [14], setStatic [10] / getStatic [11], newClass [8]
        var cls;
        cls = boot.8( ".test.orig.orig_system" );
        boot.16( cls.14( this ) ); boot.16( cls.14( 5 ) ); boot.16( "\n" );
        cls.10( 0, 42 );
        boot.16( shared ); boot.16( " " ); boot.16( cls.11( 0 ) ); boot.16( "\n" );
        var made;
        made = cls.8( ".test.orig.made", 2, null );
        var o;
        o = new *(made)();
        boot.16( made.getName() ); boot.16( " " ); boot.16( made.getFields() ); boot.16( "\n" );

        // closure: an object and a method ordinal, called later
        var c;
        c = new .internal.closure();
        c.11( new counter() );
        c.10( 8 );
        boot.16( c.9() ); boot.16( " " ); c.call( 5 ); boot.16( c.call( 2 ) ); boot.16( "\n" );

        // pause [10] / unpause [11]: a paused thread does not run
        var w;
        var t;
        w = new worker();
        t = .internal.thread.start( w );
        t.10();
        .internal.thread.sleep( 50 );
        boot.16( w.steps ); boot.16( " " );
        t.11();
        t.join();
        boot.16( w.steps ); boot.16( "\n" );
    }
};
