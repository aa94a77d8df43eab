// doubles and floats: IEEE arithmetic and Java's conversion rules
public class Doubles {
    public static void main(String[] args) {
        double d = 0.1 + 0.2;
        System.out.println(d);
        System.out.println(1.0 / 0);
        System.out.println(-1.0 / 0);
        System.out.println(0.0 / 0);
        System.out.println((int) Double.NaN);
        System.out.println((int) 1e20);
        System.out.println((int) -1e20);
        System.out.println((long) 1e30);
        System.out.println((int) 3.99);
        System.out.println((int) -3.99);
        System.out.println((long) -2.5);
        System.out.println((double) Long.MAX_VALUE);
        System.out.println(100.0);
        System.out.println(1e7);
        System.out.println(1.0e-4);
        System.out.println(123456.789);
        float f = 1.1f;
        System.out.println(f * 3);
        System.out.println((double) f);
        System.out.println(f + 0.5);
        System.out.println((float) 0.1);
        System.out.println(5.0 % 3);
        System.out.println(-5.5 % 2);
        double nan = Double.NaN;
        System.out.println(nan < 1);
        System.out.println(nan > 1);
        System.out.println(nan == nan);
        System.out.println(nan != nan);
        System.out.println(!(nan >= 1));
        System.out.println(Math.sqrt(2));
        System.out.println(Math.pow(2, 10));
        System.out.println(Math.round(2.5) + " " + Math.round(-2.5) + " " + Math.round(0.49999999999999994));
        System.out.println(Math.floor(-1.5) + " " + Math.ceil(-1.5));
        System.out.println(Math.max(-0.0, 0.0));
        System.out.println(Math.min(-0.0, 0.0));
        System.out.println(Double.compare(0.0, -0.0));
        double sum = 0;
        for (int i = 1; i <= 100; i++) sum += 1.0 / i;
        System.out.println(sum);
        int i = 7;
        System.out.println(i / 2.0);
        System.out.println(Double.parseDouble("2.5e3"));
        System.out.println(-0.0);
    }
}
