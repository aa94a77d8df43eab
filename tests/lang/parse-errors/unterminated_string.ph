class a
{
    void f()
    {
        s = "no end;
        t = "fine";
        u = 'x;
        v = "bad \q escape";
        w = "\u12";
    }
};
