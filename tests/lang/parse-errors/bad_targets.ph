class a
{
    void f()
    {
        1 = 2;
        f() = 3;
        (a + b)++;
        ++3;
        "s" += "t";
        a.m()--;
        this = null;
        ok = 1;
    }
};
