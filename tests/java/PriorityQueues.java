// java.util.PriorityQueue: the heap's array order as the JVM's (toString),
// polling in order, a comparator chain, building from a collection, and a
// small Dijkstra over int[] entries.
import java.util.*;
public class PriorityQueues {
    public static void main(String[] a) {
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) pq.add(r.nextInt(100));
        System.out.println(pq + " " + pq.peek() + " " + pq.size());
        pq.remove(Integer.valueOf(pq.toArray()[7].toString()));
        System.out.println(pq);
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) sb.append(pq.poll()).append(' ');
        System.out.println(sb);
        Queue<String> q = new PriorityQueue<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        for (String s : "a bb ccc dd e ffff g".split(" ")) q.offer(s);
        System.out.println(q + " " + q.poll() + q.poll() + " " + q);
        PriorityQueue<Integer> h = new PriorityQueue<>(List.of(9, 4, 7, 1, 8, 2));
        System.out.println(h + " " + h.contains(7) + " " + new PriorityQueue<>(h));
        int[][] g = {{0, 4, 1, 0}, {4, 0, 2, 5}, {1, 2, 0, 8}, {0, 5, 8, 0}};
        int[] dist = {0, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        PriorityQueue<int[]> pqa = new PriorityQueue<>((x, y) -> Integer.compare(x[1], y[1]));
        pqa.add(new int[]{0, 0});
        while (!pqa.isEmpty()) {
            int[] cur = pqa.poll();
            if (cur[1] > dist[cur[0]]) continue;
            for (int v = 0; v < 4; v++) if (g[cur[0]][v] > 0 && cur[1] + g[cur[0]][v] < dist[v]) { dist[v] = cur[1] + g[cur[0]][v]; pqa.add(new int[]{v, dist[v]}); }
        }
        System.out.println(Arrays.toString(dist));
    }
}
