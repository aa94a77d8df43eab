// .phantom.util.random: pseudo-random numbers.  A generator made with a
// seed gives the same sequence every time, on every machine; its state is
// an ordinary field, so it lives in the world and a generator continues its
// sequence after a restart.  SplitMix64 (Steele, Lea and Flood, 2014): fast
// and statistically good, but predictable from its outputs: for keys,
// tokens and passwords use the secure statics, which read the host's
// entropy source.
package .phantom.util;

class random
{
    var state : long;

    // A generator seeded from the host's entropy source: a different
    // sequence every time.
    void random()
    {
        state = .internal.process.randomLong();
    }

    // A generator whose sequence is fixed by seed.
    void random(long seed)
    {
        state = seed;
    }

    // The next 64 random bits.
    long nextLong()
    {
        state = state - 7046029254386353131L;              // 0x9e3779b97f4a7c15
        long z = state;
        z = (z ^ (z >>> 30)) * -4658895280553007687L;      // 0xbf58476d1ce4e5b9
        z = (z ^ (z >>> 27)) * -7723592293110705685L;      // 0x94d049bb133111eb
        return z ^ (z >>> 31);
    }

    // A long in [0, bound), every value equally likely; ArgumentException
    // unless bound > 0.
    long nextLong(long bound)
    {
        if (bound <= 0)
            throw new .phantom.ArgumentException("nextLong: the bound " + bound + " is not positive");
        // Draws that fall in the incomplete last block of bound values are
        // redrawn, so that no value is more likely than another.
        while (true) {
            long bits = nextLong() >>> 1;
            long v = bits % bound;
            if (bits - v + (bound - 1) >= 0)
                return v;
        }
    }

    // The next 32 random bits.
    int nextInt()
    {
        return (int) (nextLong() >>> 32);
    }

    // An int in [0, bound); ArgumentException unless bound > 0.
    int nextInt(int bound)
    {
        if (bound <= 0)
            throw new .phantom.ArgumentException("nextInt: the bound " + bound + " is not positive");
        return (int) nextLong(bound);
    }

    // An int in [lo, hi); ArgumentException unless lo < hi.
    int nextInt(int lo, int hi)
    {
        if (lo >= hi)
            throw new .phantom.ArgumentException("nextInt: the range [" + lo + ", " + hi + ") is empty");
        long width = (long) hi - lo;
        return (int) (lo + nextLong(width));
    }

    // A double in [0, 1), from 53 random bits.
    double nextDouble()
    {
        return (nextLong() >>> 11) * 1.1102230246251565E-16;   // 2^-53
    }

    // true or false, equally likely.
    bool nextBool()
    {
        return nextLong() < 0;
    }

    // Puts the elements of a in a random order, every order equally likely
    // (Fisher-Yates).
    void shuffle(void[] a)
    {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            var t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // An element of a chosen at random; NoSuchElementException if a is empty.
    .internal.object pick(void[] a)
    {
        if (a.length == 0)
            throw new .phantom.NoSuchElementException("pick: the array is empty");
        return a[nextInt(a.length)];
    }

    // 64 bits from the host's cryptographic entropy source (getrandom),
    // unpredictable: for keys, tokens, salts.
    static long secureLong()
    {
        return .internal.process.randomLong();
    }

    // A new binary of n bytes from the host's entropy source (0 to 2^20;
    // ArgumentException otherwise).
    static .internal.binary secureBytes(int n)
    {
        return .internal.process.randomBytes(n);
    }
};
