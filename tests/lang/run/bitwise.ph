// Bitwise and shift operators on ints and longs; chars are converted;
// bools with & | ^ are logical (no short circuit).
class bitwise
{
    static void main()
    {
        int a = 0xF0, b = 0x3C;
        println(a & b);
        println(a | b);
        println(a ^ b);
        println(~a);
        println(1 << 10);
        println(-16 >> 2);
        println(-16 >>> 28);
        println(1 << 33);
        long l = 1L << 33;
        println(l);
        println(-1L >>> 60);
        println(l | 1);
        char c = 'A';
        println(c | 32);
        println(c << 1);
        println(true & false);
        println(true | false);
        println(true ^ true);
        int m = 6;
        m &= 3;
        println(m);
        m |= 8;
        println(m);
        m ^= 1;
        println(m);
        m <<= 2;
        println(m);
        m >>= 1;
        println(m);
        m = -1;
        m >>>= 28;
        println(m);
    }
};
