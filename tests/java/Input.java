// Reading standard input (Input.in) with a Scanner: tokens, numbers and
// lines to the end; Scanner and BufferedReader over text.
import java.io.*;
import java.util.*;

public class Input {
    public static void main(String[] args) throws IOException {
        Scanner sc = new Scanner(System.in);
        int n = sc.nextInt();
        long total = 0;
        for (int i = 0; i < n; i++) total += sc.nextLong();
        System.out.println("sum of " + n + ": " + total);
        double d = sc.nextDouble();
        String word = sc.next();
        System.out.println(d * 2 + " " + word + " " + sc.hasNextInt() + " " + sc.nextInt() + " " + sc.hasNextBoolean() + sc.nextBoolean());
        System.out.println("[" + sc.nextLine() + "]");
        System.out.println("[" + sc.nextLine() + "]");
        try { sc.nextInt(); } catch (InputMismatchException e) { System.out.println("mismatch " + sc.next()); }
        sc.nextLine();
        int count = 0;
        while (sc.hasNextLine()) {
            String line = sc.nextLine();
            count++;
            System.out.println(count + ": " + line.toUpperCase() + " " + line.split("\\s+").length);
        }
        System.out.println(sc.hasNextLine() + " " + sc.hasNext());
        try { sc.nextLine(); } catch (NoSuchElementException e) { System.out.println(e.getMessage()); }
        Scanner text = new Scanner("3 4\nfive six\n");
        System.out.println(text.nextInt() * text.nextInt() + text.nextLine() + "|" + text.nextLine() + "|" + text.hasNextLine());
        BufferedReader sr = new BufferedReader(new StringReader("x\ny"));
        System.out.println(sr.readLine() + sr.readLine() + sr.readLine());
    }
}
