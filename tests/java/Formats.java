// String.split (Java's rules over PCRE2), String.format and printf, join, strip,
// replace of text, matches, formatted.
import java.util.*;
public class Formats {
    public static void main(String[] a) {
        for (String s : new String[]{"a,b,,c,,", ",a", "abc", "", "a1b22c333"}) {
            System.out.println(Arrays.toString(s.split(",")) + Arrays.toString(s.split("")) + Arrays.toString(s.split("\\d+")) + Arrays.toString(s.split(",", -1)) + Arrays.toString(s.split(",", 2)));
        }
        System.out.println(String.format("%d|%5d|%-5d|%05d|%,d|%+d|%x|%X|%o|%s|%10s|%-10s|%.2s|%c|%b|%%|%n", 42, -42, 42, 42, 1234567, 5, -1, 255L, 8, "hi", "r", "l", "trunc", 'z', null));
        System.out.println(String.format("%.2f %f %.0f %.3f %10.4f %-10.1f| %,.2f %.1f %.2f %f", 3.14159, 2.5, 2.5, -0.0005, Math.PI, 1e10, 1234567.891, 0.05, 1e-7, 123456789.0));
        System.out.printf("%s has %d items costing %.2f%n", "cart", 3, 9.999);
        System.out.println(String.join("-", "a", "b") + String.join("/", List.of("x", "y")) + "  x ".strip() + "|" + "a.b.c".replace(".", "::") + "ab12".matches("[a-z]+\\d+"));
        System.out.println("%2$s %1$s".formatted("world", "hello"));
    }
}
