// ++ and -- before and after, on locals of every numeric type, fields,
// statics and array elements, as statements and as values.
class incdec
{
    int f;
    static long s;

    static void main()
    {
        int i = 5;
        println(i++);
        println(i);
        println(++i);
        println(i--);
        println(--i);
        long l = 9;
        l++; println(l);
        double d = 0.5;
        d++; println(d);
        float fl = 1.5f;
        --fl; println(fl);
        char c = 'y';
        c++; println(c);
        println(c++);
        println(c);
        var o = new incdec();
        o.f++; o.f++;
        println(o.f);
        println(o.f--);
        println(--o.f);
        incdec.s++;
        println(s++);
        println(++s);
        int[] a = new int[2];
        a[1]++;
        println(a[1]++);
        println(++a[1]);
        println(a[0]--);
        println(a[0]);
        int j = 0;
        int k = j++ + j++;
        println(j + " " + k);
        var u = 1;
        u++;
        println(u);
    }
};
