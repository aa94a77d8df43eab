class cmp
{
    void run()
    {
        b = a == c;
        b = a != c;
        b = a :== c;                    // same reference
        b = a :!= c;                    // different references
        b = a < c && a <= c || a > c;
        b = (a || c) && d;
        b = !a;
        b = !(a >= c);
        b = !!a;
        b = a ? c : d;
        b = a ? c ? 1 : 2 : e ? 3 : 4;
        b = x instanceof .internal.string;
        b = x instanceof item [] == true;
        b = a + 1 == c - 1;
        b = a < c == c > a;
    }
};
