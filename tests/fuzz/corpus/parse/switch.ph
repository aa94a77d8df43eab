class sw
{
    void run( var i : int )
    {
        switch(i)
        {
        case 1:  throw "switch fall in error";
        case 2:  break;
        case 3:  throw "switch fall out error";
        default: throw "switch default error";
        }

        switch( i + 1 )
        {
        case 1:
        case 2:
            println("small");
            // falls through
        case 0x10:
            println("sixteen");
            break;
        case 'a': { println("char"); break; }
        default:
        case 100:
            i = 0;
        }

        switch( name() ) { }
        switch( i ) { default: }
    }
};
