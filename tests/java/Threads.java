// threads: start, join, a synchronized counter, synchronized methods,
// Thread subclasses, currentThread names, an exception ending a thread
public class Threads {
    static int counter = 0;
    static final Object lock = new Object();
    static long total = 0;
    static synchronized void addTotal(long v) { total += v; }

    static class Summer extends Thread {
        final int from, to;
        long sum;
        Summer(int from, int to) { this.from = from; this.to = to; }
        public void run() { for (int i = from; i < to; i++) sum += i; addTotal(sum); }
    }

    public static void main(String[] args) throws Exception {
        Thread[] ts = new Thread[4];
        for (int k = 0; k < ts.length; k++) {
            ts[k] = new Thread(() -> {
                for (int i = 0; i < 10000; i++) synchronized (lock) { counter++; }
            });
            ts[k].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("counter " + counter);
        Summer[] ss = new Summer[3];
        for (int k = 0; k < 3; k++) { ss[k] = new Summer(k * 1000, (k + 1) * 1000); ss[k].start(); }
        long check = 0;
        for (Summer s : ss) { s.join(); check += s.sum; }
        System.out.println("sum " + check + " " + total);
        System.out.println(Thread.currentThread().getName());
        Thread named = new Thread(() -> System.out.println("in " + Thread.currentThread().getName()), "worker");
        named.start();
        named.join();
        Thread bad = new Thread(() -> { throw new IllegalStateException("thread failed"); });
        bad.start();
        bad.join();
        Thread.sleep(5);
        System.out.println("main goes on " + bad.isAlive());
    }
}
