class a
{
    void f()
    {
        x = ;
        x = 1 +;
        x = (1 + 2;
        f(1, );
        x = = 3;
        x = a b;
        x = 1 2 3;
        x = o.;
        x = o.16;
        x = new;
        x = new item;
        x = a ? b;
        x = (a + b)(c);
        x = .;
        ok = 1;
    }
};
