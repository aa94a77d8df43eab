// java.util.Random with a seed: the JDK's generator exactly
import java.util.Random;

public class Randoms {
    public static void main(String[] args) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.append(r.nextInt()).append(' ');
        System.out.println(sb);
        for (int bound : new int[] { 1, 2, 7, 16, 100, 1 << 30, Integer.MAX_VALUE }) System.out.print(r.nextInt(bound) + " ");
        System.out.println();
        System.out.println(r.nextLong() + " " + r.nextBoolean() + " " + r.nextDouble());
        r.setSeed(-1);
        long sum = 0;
        for (int i = 0; i < 10000; i++) sum += r.nextInt(1000);
        System.out.println(sum);
        try { r.nextInt(0); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
    }
}
