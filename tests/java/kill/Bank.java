// tests/crash/java_killloop.c's program: a bank of accounts (objects)
// with a history of transfers (a linked list of objects) and a journal
// (a growing int array), all kept in ordinary Java variables.  Every
// step moves money at random and prints "step I TOTAL HISTORY HASH":
// the total never changes, the history holds exactly the transfers made,
// and HASH (of every balance) is the same whenever step I is printed
// again after a restart (the program is deterministic).  With the
// argument "threads" each step's transfers are made by two threads, each
// on its own half of the accounts with its own random numbers (so the
// result does not depend on how they interleave), sharing the history
// and the journal under a lock.  With "waiting" a worker thread started
// once makes each step's transfers (the same ones as alone): the main
// thread hands it each step and waits for the result with wait/notify,
// and the worker sleeps a little before each, so kills find the two
// threads waiting in wait() and sleep().
public class Bank {
    static final int ACCOUNTS = 64, STEPS = 600, PER_STEP = 20;

    static class Account {
        final int id;
        long balance;
        Account(int id, long balance) { this.id = id; this.balance = balance; }
    }

    static class Transfer {
        final int from, to;
        final long amount;
        final Transfer prev;
        Transfer(int from, int to, long amount, Transfer prev) {
            this.from = from; this.to = to; this.amount = amount; this.prev = prev;
        }
    }

    static long[] seeds = { 12345, 67890 };
    static final Object lock = new Object();
    static Account[] accounts = new Account[ACCOUNTS];
    static Transfer history = null;
    static int[] journal = new int[STEPS * PER_STEP];
    static int made = 0;
    static int pending = 0;   // "waiting": transfers handed to the worker; -1: stop

    static int next(int which, int bound) {
        seeds[which] = seeds[which] * 6364136223846793005L + 1442695040888963407L;
        return (int) ((seeds[which] >>> 33) % bound);
    }

    // n transfers among accounts [lo, lo + count), random numbers from seeds[which]
    static void transfers(int which, int lo, int count, int n) {
        for (int k = 0; k < n; k++) {
            Account a = accounts[lo + next(which, count)], b = accounts[lo + next(which, count)];
            long amount = next(which, 100);
            if (a.balance < amount) amount = a.balance;
            a.balance -= amount;
            b.balance += amount;
            synchronized (lock) {
                history = new Transfer(a.id, b.id, amount, history);
                journal[made++] = (int) amount;
            }
        }
    }

    static void worker() {
        try {
            while (true) {
                int n;
                synchronized (lock) {
                    while (pending == 0) lock.wait();
                    n = pending;
                }
                if (n < 0) return;
                Thread.sleep(1);
                transfers(0, 0, ACCOUNTS, n);
                synchronized (lock) {
                    pending = 0;
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            System.out.println("BAD worker interrupted");
        }
    }

    static void handOff(int n) throws InterruptedException {
        synchronized (lock) {
            pending = n;
            lock.notifyAll();
            while (pending > 0) lock.wait();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean threads = args.length > 0 && args[0].equals("threads");
        boolean waiting = args.length > 0 && args[0].equals("waiting");
        for (int i = 0; i < ACCOUNTS; i++) accounts[i] = new Account(i, 1000);
        Thread w = null;
        if (waiting) {
            w = new Thread(Bank::worker);
            w.start();
        }
        for (int step = 0; step < STEPS; step++) {
            if (waiting) {
                handOff(PER_STEP);
            } else if (threads) {
                Thread t0 = new Thread(() -> transfers(0, 0, ACCOUNTS / 2, PER_STEP / 2));
                Thread t1 = new Thread(() -> transfers(1, ACCOUNTS / 2, ACCOUNTS / 2, PER_STEP / 2));
                t0.start();
                t1.start();
                t0.join();
                t1.join();
            } else {
                transfers(0, 0, ACCOUNTS, PER_STEP);
            }
            long total = 0, hash = 0;
            for (Account acc : accounts) { total += acc.balance; hash = hash * 31 + acc.balance; }
            int count = 0;
            long moved = 0;
            for (Transfer t = history; t != null; t = t.prev) { count++; moved += t.amount; }
            long logged = 0;
            for (int i = 0; i < made; i++) logged += journal[i];
            if (count != made || moved != logged) System.out.println("BAD history " + count + " " + made);
            System.out.println("step " + step + " " + total + " " + count + " " + hash);
        }
        if (waiting) {
            handOff(-1);
            w.join();
        }
        System.out.println("done");
    }
}
