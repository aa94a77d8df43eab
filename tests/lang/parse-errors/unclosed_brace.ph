class a
{
    void f()
    {
        if( x )
        {
            y = 1;
    }
};
