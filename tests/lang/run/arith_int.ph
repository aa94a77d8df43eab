// Integer arithmetic: precedence, truncating division, remainder signs,
// 32-bit wrapping, unary minus, the original's 0-3 for negative numbers.
class arith_int
{
    static void main()
    {
        int a = 17, b = 5;
        println(a + b * 2);
        println((a + b) * 2);
        println(a / b);
        println(a % b);
        println(-a / b);
        println(-a % b);
        println(a % -b);
        println(0 - 3);
        println(-a);
        int big = 2147483647;
        println(big + 1);
        println(-2147483648 - 1);
        println(big * 2);
        println(100000 * 100000);
        println(7 - 2 - 1);
        println(64 / 4 / 2);
        int x = 3;
        x = x * x + x;
        println(x);
        println(0x10 + 0xff);
        println(0xFFFFFFFF);
        println(+5);
    }
};
