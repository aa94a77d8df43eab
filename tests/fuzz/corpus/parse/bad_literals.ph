class a
{
    void f()
    {
        i = 2147483648;
        i = 4294967296;
        i = 0x1FFFFFFFF;
        l = 9223372036854775808L;
        l = 99999999999999999999;
        d = 1e400;
        f = 1e39f;
        c = '';
        c = 'ab';
        n = 12abc;
        h = 0x;
        h = 0xZZ;
        s = "\xZZ";
        ok = 1;
    }
};
