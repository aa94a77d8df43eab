class locals
{
    void run()
    {
        var dir : .internal.directory;             // original style
        var val : .internal.object;
        var n = 5;                                  // inferred
        var untyped;
        var a, b : int, c = 2;
        int x = 1, y;
        string s = "text";
        item it = new item();
        item [] list;
        .internal.io.tty console = new .internal.io.tty();
        hier.child1 h;
        const var LIMIT = 10;
        const int TOP = 20;
        const N = 3;
        bool done = false;
        char ch = 'x';
        long big = 1L;
        double d = 2.5;
        float f = 2.5f;
        int @shared counter;
        if( n > 3 ) var inner = 1;                   // a declaration as a body
        if( n > 4 ) int p = 1, q = 2;                // several: wrapped in a block
        {
            var scoped : int = n;
        }
    }
};
