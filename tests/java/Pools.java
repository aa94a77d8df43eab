// Executors.newFixedThreadPool: Callables submitted and their Futures,
// a failing task's ExecutionException, invokeAll on the pool's named
// threads, execute, shutdown and awaitTermination, a rejected task.
import java.util.*;
import java.util.concurrent.*;
public class Pools {
    public static void main(String[] a) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            final int n = i;
            fs.add(pool.submit(() -> { int s = 0; for (int k = 1; k <= n * 1000; k++) s += k % 7; return s; }));
        }
        int total = 0;
        for (Future<Integer> f : fs) total += f.get();
        System.out.println("total " + total + " " + fs.get(0).isDone());
        Future<?> bad = pool.submit(() -> { throw new IllegalStateException("boom"); });
        try { bad.get(); } catch (ExecutionException e) { System.out.println("failed: " + e.getCause() + " | " + e.getMessage()); }
        List<Callable<String>> cs = List.of(() -> "a", () -> "b", () -> Thread.currentThread().getName().startsWith("pool-1-thread-") ? "c" : "?");
        StringBuilder sb = new StringBuilder();
        for (Future<String> f : pool.invokeAll(cs)) sb.append(f.get());
        System.out.println(sb);
        CountDownLatch latch = new CountDownLatch(2);
        pool.execute(latch::countDown);
        pool.execute(latch::countDown);
        latch.await();
        pool.shutdown();
        System.out.println(pool.awaitTermination(10, TimeUnit.SECONDS) + " " + pool.isShutdown() + " " + pool.isTerminated() + " " + TimeUnit.SECONDS.toMillis(3) + " " + TimeUnit.MILLISECONDS);
        try { pool.execute(() -> {}); } catch (RejectedExecutionException e) { System.out.println("rejected"); }
    }
}
