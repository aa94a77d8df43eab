// int wrapping, division, shifts, byte/short/char truncation
public class Arith {
    static int mul(int a, int b) { return a * b; }
    public static void main(String[] args) {
        int max = Integer.MAX_VALUE;
        System.out.println(max + 1);
        System.out.println(Integer.MIN_VALUE - 1);
        System.out.println(mul(100000, 100000));
        System.out.println(-7 / 2);
        System.out.println(-7 % 2);
        System.out.println(7 % -3);
        System.out.println(Integer.MIN_VALUE / -1);
        System.out.println(-Integer.MIN_VALUE);
        System.out.println(1 << 33);
        System.out.println(-16 >> 2);
        System.out.println(-16 >>> 28);
        System.out.println(0x7fffffff ^ 0x0f0f0f0f);
        System.out.println(~5 & 0xff | 3);
        int x = 300;
        byte b = (byte) x;
        short s = (short) 70000;
        char c = (char) -1;
        System.out.println(b);
        System.out.println(s);
        System.out.println((int) c);
        System.out.println((byte) 0x80);
        c = 'A';
        c += 2;
        System.out.println(c);
        System.out.println(c + 1);
        System.out.println((char) (c + 1));
        int i = 0;
        i += 3.7;
        System.out.println(i);
        i = 10;
        i++;
        i--;
        i -= 200;
        System.out.println(i);
        int h = 0;
        for (int k = 0; k < 1000; k++) h = 31 * h + k;
        System.out.println(h);
        System.out.println(Math.abs(-5) + Math.max(3, 9) + Math.min(-2, 4));
        System.out.println(Integer.toHexString(-1) + " " + Integer.toBinaryString(10) + " " + Integer.toHexString(255));
        System.out.println(Integer.parseInt("-12345") + Integer.parseInt("+7"));
        System.out.println(Math.floorMod(-7, 3) + " " + Math.floorDiv(-7, 3));
        boolean t = 3 > 2, f = 3 < 2;
        System.out.println(t);
        System.out.println(f);
        System.out.println(t && !f);
    }
}
