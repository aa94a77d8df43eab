// java.util.Random (docs/JAVA.md): the JDK's 48-bit linear congruential
// generator exactly, so a seeded Random gives the JVM's numbers.
package .jvm.java.util;

class Random extends .jvm.java.lang.Object
{
    var seed;   // a long, 48 bits used

    static long scramble(long s)
    {
        return (s ^ 25214903917L) & 281474976710655L;
    }

    void _4init_5__J__V(var s) { seed = scramble(s); }

    void _4init_5____V()
    {
        seed = scramble(.internal.time.nowNanos() ^ 8682522807148012L);
    }

    void setSeed__J__V(var s) { seed = scramble(s); }

    int next(int bits)
    {
        long s = (seed * 25214903917L + 11L) & 281474976710655L;
        seed = s;
        return (int) (s >>> (48 - bits));
    }

    int nextInt____I() { return next(32); }

    int nextInt__I__I(int bound)
    {
        if (bound <= 0)
            throw .jvm.java.lang.Integer.iae("bound must be positive");
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0)
            return (int) (((long) bound * (long) r) >> 31);
        int u = r;
        r = u % bound;
        while (u - r + m < 0) {
            u = next(31);
            r = u % bound;
        }
        return r;
    }

    long nextLong____J()
    {
        long hi = (long) next(32);
        long lo = (long) next(32);
        return (hi << 32) + lo;
    }

    int nextBoolean____Z() { return .javart.rt.zb(next(1) != 0); }

    double nextDouble____D()
    {
        long hi = (long) next(26);
        long lo = (long) next(27);
        return (double) ((hi << 27) + lo) * (1.0 / 9007199254740992.0);
    }
};
