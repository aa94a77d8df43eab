// java.util.Arrays (sort, toString, fill, copyOf, equals, asList) and
// HashSet (the JVM's iteration order)
import java.util.*;

public class ArraysSets {
    public static void main(String[] args) {
        int[] a = { 5, -3, 9, 0, 7, -3, 2 };
        Arrays.sort(a);
        System.out.println(Arrays.toString(a));
        double[] d = { 2.5, -0.0, Double.NaN, 0.0, -1.0, Double.NEGATIVE_INFINITY };
        Arrays.sort(d);
        System.out.println(Arrays.toString(d));
        String[] s = { "pear", "Apple", "fig", "apple" };
        Arrays.sort(s);
        System.out.println(Arrays.toString(s));
        Arrays.sort(s, (x, y) -> x.length() - y.length());
        System.out.println(Arrays.toString(s));
        long[] l = new long[4];
        Arrays.fill(l, 7L);
        System.out.println(Arrays.toString(l) + " " + Arrays.toString(new char[] { 'h', 'i' }) + " " + Arrays.toString(new boolean[] { true, false }));
        int[] b = Arrays.copyOf(a, 10);
        System.out.println(Arrays.toString(b) + " " + Arrays.equals(a, Arrays.copyOf(b, a.length)));
        List<String> names = Arrays.asList("x", "y", "z");
        System.out.println(names + " " + names.size());
        Set<String> set = new HashSet<>();
        for (String w : new String[] { "delta", "alpha", "charlie", "bravo", "alpha", "echo", "delta" }) set.add(w);
        System.out.println(set + " " + set.size() + " " + set.contains("echo") + " " + set.contains("zulu"));
        set.remove("alpha");
        for (String w : set) System.out.print(w.charAt(0));
        System.out.println();
        Set<Integer> nums = new HashSet<>();
        for (int i = 0; i < 40; i += 3) nums.add(i * 17 % 50);
        System.out.println(nums);
    }
}
