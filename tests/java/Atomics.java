// StringJoiner; AtomicInteger, AtomicLong and AtomicBoolean changed by four
// threads at once; a CountDownLatch the main thread awaits.
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
public class Atomics {
    public static void main(String[] a) throws Exception {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        System.out.println(j + " " + j.setEmptyValue("EMPTY") + " " + j.add("a").add("b") + " " + j.length() + " " + new StringJoiner("/").add("x"));
        AtomicInteger ai = new AtomicInteger();
        AtomicLong al = new AtomicLong(5);
        AtomicBoolean ab = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                for (int i = 0; i < 1000; i++) { ai.incrementAndGet(); al.addAndGet(2); }
                ab.compareAndSet(false, true);
                done.countDown();
            }).start();
        }
        done.await();
        System.out.println(ai + " " + al.get() + " " + ab.get() + " " + done.getCount() + " " + ai.getAndIncrement() + " " + ai.compareAndSet(4001, 7) + " " + ai.updateAndGet(x -> x * 3) + " " + ai.accumulateAndGet(4, Math::max) + " " + al.compareAndSet(1, 2));
    }
}
