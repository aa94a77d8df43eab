class loops
{
    void run()
    {
        var i : int;
        i = 3;
        while( i ) { i = i - 1; }
        while( true ) break;
        while( i < 10 ) { if( i == 5 ) continue; i++; }

        for( var k = 0; k < 10; k++ ) println(k);
        for( int k = 0, m = 10; k < m; k++, m-- ) { }
        for( i = 0, j = 1; i < 3; i += 1 ) { }
        for( ;; ) { break; }
        for( ; i > 0; ) i--;

        foreach( x in items ) println(x);
        foreach( var y in items ) { println(y); }
        foreach( var z : item in this.items ) z.run();
        foreach( w : string in names() ) { }
        foreach( item it in items ) { }
        foreach( .internal.string s in names() ) { }
    }
};
