// The Phantom do-while: do S while( C ) S2;  runs  loop { S; if(!C) break; S2; }
class dowhile
{
    void run()
    {
        var i : int;
        var j : int;
        i = 3;
        j = 0;
        do { j = j + 1; } while(i) i = i - 1;          // S2 runs between iterations
        do j = j + 1; while( j < 10 );                  // plain do-while, no S2
        do { j++; } while( j < 20 ) { i++; j++; }       // S2 may be a block
        do { } while( i-- > 0 );
    }
};
