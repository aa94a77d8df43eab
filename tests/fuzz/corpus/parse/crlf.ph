class crlf
{
    var x : int;
    void f()
    {
        x = 1;
        if( x ) x = 2;
    }
};
