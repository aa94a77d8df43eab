class a
{
    void f()
    {
        x = 1 $ 2;
        y = `cmd`;
        # not a preprocessor
        z = a \ b;
        w = café;
        v = 3;
    }
};
