// lambdas and method references (LambdaMetafactory), functional
// interfaces, sorting with comparators, forEach, removeIf, merge
import java.util.*;
import java.util.function.*;

public class Lambdas {
    interface Op { int apply(int a, int b); }
    int base = 100;
    static int twice(int x) { return 2 * x; }
    int addBase(int x) { return x + base; }

    static int fold(int[] xs, int start, Op op) {
        int acc = start;
        for (int x : xs) acc = op.apply(acc, x);
        return acc;
    }

    public static void main(String[] args) {
        int[] xs = { 3, 1, 4, 1, 5, 9, 2, 6 };
        System.out.println(fold(xs, 0, (a, b) -> a + b) + " " + fold(xs, 1, (a, b) -> a * b));
        int k = 7;
        Op capture = (a, b) -> a + b * k;
        System.out.println(fold(xs, 0, capture));
        Runnable r = () -> System.out.println("ran");
        r.run();
        Function<Integer, Integer> sq = x -> x * x;
        Function<String, Integer> parse = Integer::parseInt;
        System.out.println(sq.apply(12) + parse.apply("34"));
        IntUnaryOperator tw = Lambdas::twice;
        System.out.println(tw.applyAsInt(21));
        Lambdas self = new Lambdas();
        IntUnaryOperator bound = self::addBase;
        System.out.println(bound.applyAsInt(5));
        Supplier<List<String>> mk = ArrayList::new;
        List<String> words = mk.get();
        for (String w : new String[] { "pear", "apple", "fig", "banana", "cherry", "kiwi" }) words.add(w);
        words.sort((a, b) -> a.length() - b.length());
        System.out.println(words);
        words.sort(String::compareTo);
        System.out.println(words);
        Collections.sort(words, (a, b) -> b.compareTo(a));
        System.out.println(words);
        StringBuilder sb = new StringBuilder();
        words.forEach(w -> sb.append(w.charAt(0)));
        System.out.println(sb);
        words.removeIf(w -> w.length() > 4);
        System.out.println(words);
        Map<String, Integer> lens = new HashMap<>();
        for (String w : new String[] { "a", "bb", "a", "cc", "a" }) lens.merge(w, 1, Integer::sum);
        System.out.println(lens);
        Map<Integer, List<String>> byLen = new HashMap<>();
        for (String w : new String[] { "x", "yy", "zz", "w" }) byLen.computeIfAbsent(w.length(), n -> new ArrayList<>()).add(w);
        System.out.println(byLen);
        BiFunction<Integer, Integer, Integer> max = Math::max;
        Predicate<String> empty = String::isEmpty;
        System.out.println(max.apply(3, 8) + " " + empty.test("") + " " + empty.test("x"));
        Comparator<Integer> rev = (a, b) -> Integer.compare(b, a);
        List<Integer> nums = new ArrayList<>();
        for (int x : xs) nums.add(x);
        nums.sort(rev);
        System.out.println(nums);
        Collections.sort(nums);
        System.out.println(nums);
    }
}
