// Comparator's default methods (reversed, thenComparing, thenComparingInt),
// Map.Entry.comparingByKey/Value, Iterable.forEach of a program's own
// Iterable, List.of of many elements.
import java.util.*;
public class Comparators {
    static class Bag implements Iterable<Integer> {
        public Iterator<Integer> iterator() { return List.of(1, 2, 3).iterator(); }
    }
    public static void main(String[] a) {
        List<String> ws = new ArrayList<>(List.of("pear", "fig", "apple", "kiwi", "banana", "date"));
        ws.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        System.out.println(ws);
        ws.sort(Comparator.comparing((String s) -> s.charAt(s.length() - 1)).thenComparing(s -> s).reversed());
        System.out.println(ws);
        ws.sort(Comparator.<String>naturalOrder().reversed());
        System.out.println(ws);
        Map<String, Integer> m = new HashMap<>(); m.put("a", 3); m.put("b", 1); m.put("c", 2);
        List<Map.Entry<String, Integer>> es = new ArrayList<>(m.entrySet());
        es.sort(Map.Entry.comparingByValue());
        System.out.println(es);
        es.sort(Map.Entry.comparingByKey());
        System.out.println(es);
        new Bag().forEach(x -> System.out.print(x + ";"));
        ws.forEach(System.out::print);
        System.out.println();
    }
}
