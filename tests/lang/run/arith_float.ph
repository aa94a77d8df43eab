// Float and double arithmetic, promotion int -> long -> float -> double,
// division by zero (infinities, NaN), the shortest round-trip text.
class arith_float
{
    static void main()
    {
        double d = 1.5;
        println(d * 2 + 1);
        println(0.1 + 0.2);
        println(1.0 / 3);
        println(10 / 4);
        println(10 / 4.0);
        float f = 2.5f;
        println(f * 2);
        println(f / 3);
        double df = f;
        println(df);
        println(1e10);
        println(1.5E-4);
        println(1234567.0);
        println(12345678.0);
        println(1.0 / 0);
        println(-1.0 / 0);
        println(0.0 / 0);
        println(5.5 % 2);
        println(-0.0);
        long l = 3;
        println(l * 1.5);
        println(7 / 2 * 2.0);
        double x = 2;
        println(x);
    }
};
