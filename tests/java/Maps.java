// java.util: ArrayList, HashMap (Java's iteration order), iterators
import java.util.*;

public class Maps {
    public static void main(String[] args) {
        List<String> list = new ArrayList<>();
        list.add("b");
        list.add("a");
        list.add(0, "c");
        System.out.println(list + " " + list.size() + " " + list.get(1) + " " + list.contains("a") + " " + list.indexOf("z"));
        list.remove("b");
        list.set(0, "x");
        for (String s : list) System.out.print(s + ";");
        System.out.println();
        ArrayList<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 20; i++) nums.add(i * i);
        int sum = 0;
        for (int n : nums) sum += n;
        System.out.println(sum + " " + nums.get(19) + " " + nums.remove(0) + " " + nums.size());
        Iterator<Integer> it = nums.iterator();
        while (it.hasNext()) if (it.next() % 2 == 0) it.remove();
        System.out.println(nums);
        try { nums.get(100); } catch (IndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { for (Integer n : nums) if (n > 10) nums.add(1); } catch (ConcurrentModificationException e) { System.out.println("cme"); }
        Map<String, Integer> counts = new HashMap<>();
        String text = "the quick brown fox jumps over the lazy dog the end fox";
        for (String w : new String[] { "the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "the", "end", "fox" })
            counts.put(w, counts.getOrDefault(w, 0) + 1);
        System.out.println(counts);
        System.out.println(counts.get("the") + " " + counts.get("cat") + " " + counts.containsKey("dog") + " " + counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet())
            if (e.getValue() > 1) System.out.print(e.getKey() + "=" + e.getValue() + " ");
        System.out.println();
        Map<Integer, String> big = new HashMap<>();
        for (int i = 0; i < 100; i += 7) big.put(i * 37 % 101, "v" + i);
        System.out.println(big);
        System.out.println(big.keySet());
        System.out.println(big.values());
        big.remove(37);
        System.out.println(big.size() + " " + big.get(0) + " " + text.length());
        List<Integer> a = new ArrayList<>(), b = new ArrayList<>();
        a.add(1); a.add(2); b.add(1); b.add(2);
        System.out.println(a.equals(b) + " " + (a.hashCode() == b.hashCode()) + " " + a.hashCode());
    }
}
