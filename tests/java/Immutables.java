// Set.of, Map.of, Map.entry, Map.ofEntries, Set.copyOf, Map.copyOf: what
// they hold, their refusals (changes, duplicates, nulls); not their order,
// which the JVM changes from run to run.
import java.util.*;
public class Immutables {
    public static void main(String[] a) {
        Set<String> s = Set.of("x", "y", "z");
        Map<String, Integer> m = Map.of("one", 1, "two", 2, "three", 3);
        System.out.println(s.size() + " " + s.contains("y") + s.contains("q") + " " + m.get("two") + " " + m.getOrDefault("four", 4) + " " + m.size() + " " + new TreeMap<>(m) + " " + new TreeSet<>(s));
        try { s.add("w"); } catch (UnsupportedOperationException e) { System.out.println("set immutable"); }
        try { m.put("w", 1); } catch (UnsupportedOperationException e) { System.out.println("map immutable"); }
        try { m.merge("one", 1, Integer::sum); } catch (UnsupportedOperationException e) { System.out.println("merge refused"); }
        try { Set.of("a", "a"); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        try { Map.of("k", 1, "k", 2); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        try { Map.of("k", null); } catch (NullPointerException e) { System.out.println("null value"); }
        Map.Entry<String, Integer> e = Map.entry("key", 7);
        System.out.println(e.getKey() + "=" + e.getValue() + " " + Map.ofEntries(Map.entry("a", 1)).get("a") + " " + Map.copyOf(new HashMap<>(m)).size() + " " + Set.copyOf(List.of(1, 2, 2)).size() + " " + Set.of().isEmpty() + Map.of().isEmpty());
    }
}
