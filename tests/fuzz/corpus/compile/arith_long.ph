// Long arithmetic: literals, promotion of int operands, 64-bit wrapping,
// values beyond 48 bits (boxed in the VM, invisible to programs).
class arith_long
{
    static void main()
    {
        long a = 1L << 40;
        println(a);
        long b = a * 1000;
        println(b);
        int i = 1000000;
        long c = i;          // widened
        println(c * c);      // long arithmetic: no int wrap
        println(i * i);      // int arithmetic wraps
        long max = 9223372036854775807L;
        println(max);
        println(max + 1);
        println(-9223372036854775807L - 1);
        println(123456789012L / 1000);
        println(123456789012L % 1000);
        long d = 5;
        d += 2147483647;
        println(d);
        println(0x7fffffffffffffffL == max);
        println(3L * 4 + 1);
    }
};
