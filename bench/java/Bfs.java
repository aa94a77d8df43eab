// bench/java: breadth-first search over a generated grid maze with an
// ArrayDeque of boxed Integers and int[] distances, and a priority-free
// Dijkstra-like relaxation over an ArrayList adjacency list.
import java.util.*;

public class Bfs {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        boolean[] wall = new boolean[n * n];
        long seed = 7;
        for (int i = 0; i < n * n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            wall[i] = (seed >>> 60) < 4 && i != 0 && i != n * n - 1;
        }
        List<List<Integer>> adj = new ArrayList<>();
        for (int c = 0; c < n * n; c++) {
            List<Integer> a = new ArrayList<>();
            int x = c % n, y = c / n;
            if (x + 1 < n) a.add(c + 1);
            if (x > 0) a.add(c - 1);
            if (y + 1 < n) a.add(c + n);
            if (y > 0) a.add(c - n);
            adj.add(a);
        }
        int reached = 0;
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            int[] dist = new int[n * n];
            Arrays.fill(dist, -1);
            Deque<Integer> q = new ArrayDeque<>();
            int start = round * (n / 3);
            if (wall[start]) continue;
            dist[start] = 0;
            q.add(start);
            while (!q.isEmpty()) {
                int c = q.poll();
                for (int nb : adj.get(c))
                    if (!wall[nb] && dist[nb] < 0) { dist[nb] = dist[c] + 1; q.add(nb); }
            }
            for (int d : dist) if (d >= 0) { reached++; sum += d; }
        }
        System.out.println("reached " + reached + " distance sum " + sum);
    }
}
