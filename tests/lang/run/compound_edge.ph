// Compound assignment edge cases: the target's object and index are
// evaluated once; the result is converted back to the target's type
// (int *= 1.5 truncates, a long target never wraps at 32 bits, an int
// target takes the low 32 bits of a long result); string += anything,
// and += of a string into an .internal.object;
// bool &=, |=, ^=; shifts; division by zero inside /=.
class box
{
    int n = 1;
    string name = "box";
    long wide;
    bool flag = true;
};

class other { static int total = 1; static string log = ""; };

class compound_edge
{
    static int calls;
    static box theBox = new box();
    static int[] arr = new int[3];

    static box get() { calls++; return theBox; }
    static int idx() { calls++; return 2; }

    static void main()
    {
        get().n += 10;
        get().n *= 2;
        println(calls + " " + theBox.n);
        arr[idx()] += 5;
        arr[idx()] -= 1;
        println(calls + " " + arr[2]);
        get().name += "!";
        get().name += 1 + 2;
        get().name += null;
        println(calls + " " + theBox.name);

        int n = 7;
        n *= 1.5;
        println(n);
        n -= 0.5;
        println(n);
        long l = 0;
        l += 2147483647;
        l += 2147483647;
        println(l);
        int i = 2147483647;
        i += 1L;
        println(i);
        i = 1;
        i <<= 4;
        i |= 3;
        i ^= 1;
        i &= 0xFE;
        println(i);
        i = -16;
        i >>= 2;
        println(i);
        i = -16;
        i >>>= 28;
        println(i);
        theBox.wide = 1;
        theBox.wide <<= 40;
        theBox.wide >>= 8;
        println(theBox.wide);

        bool b = true;
        b &= false;
        println(b);
        b |= true;
        println(b);
        b ^= true;
        println(b);
        theBox.flag ^= theBox.flag;
        println(theBox.flag);

        other.total += 41;
        other.total %= 40;
        other.log += "a";
        other.log += 'b';
        other.log += 2.5;
        other.log += true;
        println(other.total + " " + other.log);

        .internal.object obj = "o";
        obj += "k";                        // a string fits an .internal.object
        println(obj);

        int x = 3;
        x += x++;
        println(x);
        x = 3;
        x *= x = 2;
        println(x);

        char c = 'a';
        c += 25;
        println(c);
        c -= 'a' - 'A';
        println(c);
        double d = 10;
        d %= 3;
        println(d);
        float f = 1;
        f /= 3;
        println(f);

        int zero = 0;
        int v = 10;
        try { v /= zero; } catch (.phantom.ArithmeticException e) { println("caught, v is still " + v); }
        try { v %= zero; } catch (.phantom.ArithmeticException e) { println("and again"); }
    }
};
