// .phantom.util.random: a seeded generator's sequence is fixed (SplitMix64's
// published first output for seed 0), ranges, doubles, shuffle and pick,
// errors, and the secure statics.
import .phantom.util.*;

class randomTest
{
    static void main()
    {
        random r = new random(0);
        println(r.nextLong() == -2152535657050944081L);   // 0xe220a8397b1dcdaf
        random a = new random(42);
        random b = new random(42);
        bool same = true;
        for (int i = 0; i < 100; i++)
            same = same && a.nextLong() == b.nextLong();
        println("same seed, same sequence: " + same);
        random g = new random(2024);
        string line = "";
        for (int i = 0; i < 10; i++)
            line = line + g.nextInt(6) + " ";
        println(line);
        int[] counts = new int[10];
        bool inRange = true;
        for (int i = 0; i < 10000; i++) {
            int v = g.nextInt(-5, 5);
            inRange = inRange && v >= -5 && v < 5;
            counts[v + 5] = counts[v + 5] + 1;
        }
        bool even = true;
        foreach (c in counts)
            even = even && c > 850 && c < 1150;
        println("nextInt(-5, 5) in range: " + inRange + ", about even: " + even);
        double lo = 1.0;
        double hi = 0.0;
        for (int i = 0; i < 10000; i++) {
            double d = g.nextDouble();
            if (d < lo) lo = d;
            if (d > hi) hi = d;
        }
        println("doubles in [0, 1): " + (lo >= 0.0 && lo < 0.01 && hi < 1.0 && hi > 0.99));
        println(g.nextInt(-2147483648, 2147483647) != 2147483647);
        println(g.nextLong(1) + " " + g.nextInt(1));
        void[] deck = "a,b,c,d,e,f".split(",");
        random s = new random(7);
        s.shuffle(deck);
        println(deck);
        void[] sorted = deck.slice(0, deck.length);
        sorted.sort();
        println(sorted);
        println(s.pick(deck) + " " + s.nextBool());
        try { g.nextInt(0); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { g.nextInt(3, 3); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { g.nextLong(-1L); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { s.pick(new void[]()); }
        catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        // unseeded generators and the secure source differ from run to run
        random u = new random();
        println(u.nextLong() != new random().nextLong());
        println(random.secureLong() != random.secureLong());
        var key = random.secureBytes(16);
        println(key.size() + " " + (key.toString() != random.secureBytes(16).toString()));
        println(random.secureBytes(0).size());
        try { random.secureBytes(-1); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
    }
};
