// Numbers, edge cases: long arithmetic beyond 32 bits, the smallest value
// divided by -1, shifts counting the low 5 (int) or 6 (long) bits, >>>
// on negatives, NaN (no comparison is true, != is), -0.0, infinities,
// float precision, comparisons across kinds (exact, even beyond 2^53),
// and the text of doubles around 10^-3 and 10^7.
class numbers_edge
{
    static void main()
    {
        long big = 3000000000L;
        println(big * 3 + " " + big / 7 + " " + big % 7 + " " + -big / 7 + " " + -big % 7);
        int min = -2147483648;
        println(min / -1 + " " + min % -1 + " " + -min + " " + (min - 1));
        long lmin = -9223372036854775807L - 1;
        println(lmin / -1 + " " + (lmin - 1));
        println((1 << 33) + " " + (1L << 33) + " " + (1 << -1) + " " + (-1 >>> 28) + " " + (-1L >>> 60) + " " + (-16 >> 2));
        println((5 & 3) + " " + (5 | 3) + " " + (5 ^ 3) + " " + ~5 + " " + (0xF0L & 0x3C));
        double nan = 0.0 / 0.0;
        println((nan < 1) + " " + (nan > 1) + " " + (nan == nan) + " " + (nan != nan) + " " + (nan <= nan));
        double nz = -0.0;
        println(nz + " " + (nz == 0.0) + " " + 1 / nz + " " + (1.0 / 0 > 1e308) + " " + (1.0 / 0 - 1.0 / 0));
        float f = 0.1f;
        println(f + " " + (f == 0.1) + " " + (f == 0.1f) + " " + (double)f + " " + f * 3);
        long exact = 9007199254740993L;
        println((exact == 9007199254740992.0) + " " + (exact - 1 == 9007199254740992.0) + " " + (1 == 1.0) + " " + ('A' == 65.0));
        println(0.001 + " " + 0.0001 + " " + 9999999.0 + " " + 10000000.0 + " " + 123.456 + " " + 1e21 + " " + 100.0);
        println(7 / 2 + " " + -7 / 2 + " " + 7 % -2 + " " + -7.5 % 2 + " " + 7.0 / 2);
        println(.internal.int.MAX_VALUE() + 1 + " " + (.internal.long.MAX_VALUE() + 1) + " " + .internal.double.MIN_VALUE());
        println((int)'a' + 'b' + " " + (char)('a' + 1) + " " + ('a' < 'b') + " " + (char)97);
    }
};
