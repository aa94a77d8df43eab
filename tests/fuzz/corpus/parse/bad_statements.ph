class a
{
    void f()
    {
        else x = 1;
        case 1: x = 2;
        catch( e ) { }
        try { x = 1; }
        switch( x ) { x = 1; case 1: break; default: default: break; }
        for( string s : list ) { }
        foreach( x of list ) { }
        do { } while( x ) }
    void g()
    {
        static int n = 1;
        class c { };
        ok = 1;
    }
};
