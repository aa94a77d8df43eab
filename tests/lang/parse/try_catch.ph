class errors
{
    void run()
    {
        try risky(); catch( string e ) println(e);          // original: any statement
        try { risky(); } catch( .internal.string e ) { println(e); }
        try { risky(); }
        catch( .lang.io_error | .lang.timeout e ) { println("io"); }
        catch( var e : .lang.error ) { println("error"); }
        catch( var e ) { throw e; }
        finally { cleanup(); }
        try { risky(); } finally { cleanup(); }
        try { try { risky(); } catch( e ) { } } catch( string e ) { }
        try { } catch( item | string | .a.b x ) { }
        try { } catch( e : item ) { }
    }
};
