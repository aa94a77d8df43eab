class casts
{
    void run()
    {
        i = (int)x;
        s = (string)o;
        s = (.internal.string)o;
        t = (item)o;
        l = (item[])o;
        l = (hier.child1)o;
        d = (double)(int)x;                 // nested
        n = (int)-x;                        // a built-in type: a cast even before '-'
        n = (a) - b;                        // a parenthesised name before '-': a subtraction
        n = (a)(b);                         // a cast, as in Java
        n = (a) + 1;
        n = (item)this.f();
        n = (a.b) c;
        n = (long)1 << 40;
        n = ((item)o).name();
    }
};
