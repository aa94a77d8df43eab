// long: full 64-bit arithmetic, including values past 48 bits
public class Longs {
    static long fib(int n) { long a = 0, b = 1; for (int i = 0; i < n; i++) { long t = a + b; a = b; b = t; } return a; }
    public static void main(String[] args) {
        long max = Long.MAX_VALUE;
        System.out.println(max);
        System.out.println(max + 1);
        System.out.println(Long.MIN_VALUE);
        System.out.println(fib(90));
        System.out.println(fib(92) * 3);
        long big = 1L << 50;
        System.out.println(big);
        System.out.println(big * big);
        System.out.println(big / 3 + big % 7);
        System.out.println(-big >> 3);
        System.out.println(-big >>> 3);
        System.out.println((int) (big + 5));
        System.out.println((int) 4294967297L);
        long h = 1125899906842597L;
        String s = "hashing";
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        System.out.println(h);
        System.out.println(Long.MAX_VALUE / -1);
        System.out.println(Long.MIN_VALUE / -1);
        long a = 5, b = 7;
        System.out.println(a < b ? "lt" : "ge");
        System.out.println(Long.compare(a, b) + " " + Long.compare(b, a) + " " + Long.compare(a, a));
        System.out.println(Long.parseLong("-9223372036854775808"));
        System.out.println(0xFFFFFFFFL & -1);
        long x = 123456789012345L;
        x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
        System.out.println(x);
    }
}
