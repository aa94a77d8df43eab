// java.util beyond ArrayList and HashMap: deques, sorted and linked maps
// and sets, views that remove, immutable lists, Collections, Comparator's
// factories, Optional.
import java.util.*;

public class Collections2 {

    static int bfs(int n) {
        // a grid's shortest path with an ArrayDeque as the queue
        int[] dist = new int[n * n];
        Arrays.fill(dist, -1);
        Deque<Integer> q = new ArrayDeque<>();
        q.add(0);
        dist[0] = 0;
        while (!q.isEmpty()) {
            int c = q.poll();
            int x = c % n, y = c / n;
            int[][] moves = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
            for (int[] m : moves) {
                int nx = x + m[0], ny = y + m[1];
                if (nx < 0 || ny < 0 || nx >= n || ny >= n || (nx * 7 + ny * 3) % 5 == 0 && nx != n - 1) continue;
                int k = ny * n + nx;
                if (dist[k] < 0) { dist[k] = dist[c] + 1; q.add(k); }
            }
        }
        return dist[n * n - 1];
    }

    public static void main(String[] args) {
        Deque<Integer> d = new ArrayDeque<>();
        for (int i = 0; i < 100; i++) { d.addLast(i); if (i % 3 == 0) d.pollFirst(); }
        d.push(-1); d.offerFirst(-2);
        System.out.println(d.size() + " " + d.peekFirst() + " " + d.peekLast() + " " + d.pop() + " " + d.removeLast());
        Iterator<Integer> di = d.descendingIterator();
        System.out.println(di.next() + " " + di.next() + " " + d.contains(50) + " " + d.remove((Object) 50) + " " + d.contains(50));
        d.removeIf(x -> x % 2 == 0);
        System.out.println(d);
        try { d.addFirst(null); } catch (NullPointerException e) { System.out.println("null refused"); }
        Deque<String> empty = new ArrayDeque<>();
        System.out.println(empty.poll() + " " + empty.peek());
        try { empty.pop(); } catch (NoSuchElementException e) { System.out.println("empty pop"); }
        System.out.println(bfs(30));

        LinkedList<String> ll = new LinkedList<>(List.of("b", "c"));
        ll.addFirst("a"); ll.addLast("d"); ll.add(2, "x");
        System.out.println(ll + " " + ll.getFirst() + ll.getLast() + " " + ll.removeFirst() + ll.pollLast() + " " + ll.get(1) + " " + ll.indexOf("c"));
        Queue<String> q = ll;
        q.offer("z");
        System.out.println(q.peek() + " " + q.size() + " " + q);
        Collections.sort(ll);
        System.out.println(ll + " " + ll.equals(List.of("b", "c", "x", "z")) + " " + ll.hashCode());

        TreeMap<String, Integer> tm = new TreeMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog the end".split(" "))
            tm.merge(w, 1, Integer::sum);
        System.out.println(tm + " " + tm.size());
        System.out.println(tm.firstKey() + " " + tm.lastKey() + " " + tm.floorKey("m") + " " + tm.ceilingKey("m") + " " + tm.higherKey("the") + " " + tm.lowerKey("brown"));
        System.out.println(tm.firstEntry().getKey() + "=" + tm.firstEntry().getValue() + " " + tm.pollLastEntry() + " " + tm.headMap("fox") + " " + tm.tailMap("quick"));
        TreeMap<Integer, String> byLen = new TreeMap<>(Comparator.reverseOrder());
        for (String k : tm.keySet()) byLen.put(k.length(), k);
        System.out.println(byLen + " " + byLen.containsKey(3) + " " + byLen.get(4) + " " + byLen.remove(5) + " " + byLen);
        try { tm.put(null, 1); } catch (NullPointerException e) { System.out.println("null key refused"); }

        Map<String, Integer> lhm = new LinkedHashMap<>();
        for (String w : new String[]{"zeta", "alpha", "mid", "alpha", "beta"}) lhm.merge(w, 1, Integer::sum);
        lhm.remove("mid"); lhm.put("mid", 9); lhm.computeIfAbsent("new", k -> k.length()); lhm.compute("zeta", (k, v) -> v + 10);
        System.out.println(lhm + " " + lhm.keySet() + " " + lhm.values());
        lhm.entrySet().removeIf(e -> e.getValue() == 9);
        lhm.keySet().remove("beta");
        Iterator<String> ki = lhm.keySet().iterator();
        ki.next(); ki.remove();
        System.out.println(lhm + " " + lhm.containsValue(3) + " " + lhm.equals(new TreeMap<>(lhm)) + " " + lhm.equals(new HashMap<>()));

        Set<String> lhs = new LinkedHashSet<>(List.of("q", "w", "e", "r"));
        lhs.add("a"); lhs.remove("w");
        Set<Integer> ts = new TreeSet<>();
        for (int v : new int[]{5, 3, 9, 1, 3, 7}) ts.add(v);
        TreeSet<Integer> tts = (TreeSet<Integer>) ts;
        System.out.println(lhs + " " + ts + " " + tts.first() + " " + tts.last() + " " + tts.floor(6) + " " + tts.ceiling(6) + " " + tts.higher(9) + " " + tts.pollFirst() + ts);
        Set<String> hs = new HashSet<>(List.of("a", "b", "c", "d"));
        hs.removeIf(s -> s.equals("b"));
        hs.retainAll(List.of("a", "c", "z"));
        Iterator<String> hi = hs.iterator(); hi.next(); hi.remove();
        System.out.println(hs.size() + " " + hs.containsAll(List.of()) + " " + new HashSet<>(List.of(1, 2)).equals(new TreeSet<>(List.of(2, 1))));

        List<Integer> imm = List.of(4, 2, 8);
        try { imm.add(1); } catch (UnsupportedOperationException e) { System.out.println("immutable"); }
        try { List.of(1, null); } catch (NullPointerException e) { System.out.println("no nulls"); }
        List<Integer> nums = new ArrayList<>(imm);
        nums.addAll(List.of(5, 1, 9, 3));
        System.out.println(Collections.max(nums) + " " + Collections.min(nums) + " " + Collections.max(nums, Comparator.reverseOrder()) + " " + Collections.frequency(List.of(1, 2, 1), 1));
        Collections.shuffle(nums, new Random(42));
        System.out.println(nums);
        Collections.swap(nums, 0, 6); Collections.reverse(nums);
        System.out.println(nums + " " + nums.subList(1, 4) + " " + Collections.nCopies(3, "ab") + " " + Collections.emptyList() + " " + Collections.singletonList(7));
        nums.replaceAll(x -> x * 10);
        nums.removeAll(List.of(10, 20));
        nums.retainAll(List.of(30, 40, 50, 80, 90));
        Object[] arr = nums.toArray();
        Integer[] arr2 = nums.toArray(new Integer[0]);
        System.out.println(nums + " " + arr.length + " " + arr2[0] + " " + nums.containsAll(List.of(30, 90)) + " " + nums.lastIndexOf(90));
        List<String> words = new ArrayList<>(List.of("pear", "fig", "banana", "kiwi", "apple"));
        words.sort(Comparator.comparing(s -> s.charAt(1)));
        System.out.println(words);
        words.sort(Comparator.comparingInt(String::length));
        System.out.println(words);
        words.sort(Comparator.naturalOrder());
        System.out.println(words + " " + Collections.unmodifiableList(words));

        Optional<String> o = Optional.of("x");
        Optional<String> none = Optional.empty();
        System.out.println(o + " " + none + " " + o.isPresent() + none.isPresent() + none.isEmpty() + " " + o.get() + none.orElse("dflt") + none.orElseGet(() -> "got")
            + " " + o.map(s -> s + "!") + " " + o.filter(s -> s.isEmpty()) + " " + Optional.ofNullable(null) + " " + o.equals(Optional.of("x")));
        o.ifPresent(s -> System.out.println("present " + s));
        none.ifPresentOrElse(s -> System.out.println("no"), () -> System.out.println("absent"));
        try { none.get(); } catch (NoSuchElementException e) { System.out.println(e.getMessage()); }
    }
}
