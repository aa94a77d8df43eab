// Object.wait/notify/notifyAll and Thread.interrupt: a bounded buffer
// between producers and consumers, a timed wait, interrupting a thread
// that waits and one that sleeps, and wait or notify without the monitor.
import java.util.*;

public class WaitNotify {
    static class Buffer {
        private final int[] items = new int[4];
        private int head, count;

        synchronized void put(int v) throws InterruptedException {
            while (count == items.length) wait();
            items[(head + count) % items.length] = v;
            count++;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (count == 0) wait();
            int v = items[head];
            head = (head + 1) % items.length;
            count--;
            notifyAll();
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        Buffer buf = new Buffer();
        long[] sums = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            final int base = p * 1000;
            threads.add(new Thread(() -> {
                try { for (int i = 1; i <= 200; i++) buf.put(base + i); } catch (InterruptedException e) { throw new RuntimeException(e); }
            }));
        }
        for (int c = 0; c < 2; c++) {
            final int me = c;
            threads.add(new Thread(() -> {
                try { for (int i = 0; i < 300; i++) sums[me] += buf.take(); } catch (InterruptedException e) { throw new RuntimeException(e); }
            }));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        System.out.println("total " + (sums[0] + sums[1]));

        Object lock = new Object();
        long t0 = System.currentTimeMillis();
        synchronized (lock) { lock.wait(50); }
        long waited = System.currentTimeMillis() - t0;
        System.out.println("timed wait returned " + (waited >= 45 && waited < 5000));

        Object gate = new Object();
        String[] seen = new String[2];
        Thread waiter = new Thread(() -> {
            synchronized (gate) {
                try { gate.wait(); seen[0] = "woken"; }
                catch (InterruptedException e) { seen[0] = "interrupted while waiting, flag " + Thread.currentThread().isInterrupted(); }
            }
        });
        Thread sleeper = new Thread(() -> {
            try { Thread.sleep(60000); seen[1] = "slept"; }
            catch (InterruptedException e) { seen[1] = "interrupted while sleeping"; }
        });
        waiter.start(); sleeper.start();
        Thread.sleep(100);
        waiter.interrupt(); sleeper.interrupt();
        waiter.join(); sleeper.join();
        System.out.println(seen[0] + "; " + seen[1]);

        Thread.currentThread().interrupt();
        System.out.println(Thread.interrupted() + " " + Thread.interrupted());
        Thread.currentThread().interrupt();
        try { Thread.sleep(10); } catch (InterruptedException e) { System.out.println("sleep with the flag set throws"); }

        try { lock.wait(); } catch (IllegalMonitorStateException e) { System.out.println("wait: " + e.getMessage()); }
        try { lock.notify(); } catch (IllegalMonitorStateException e) { System.out.println("notify: " + e.getMessage()); }
        synchronized (lock) { lock.notify(); lock.notifyAll(); }
        System.out.println("done");
    }
}
