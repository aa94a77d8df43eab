// tests/crash/java_killloop.c's program: a bank of accounts (objects)
// with a history of transfers (a linked list of objects) and a journal
// (a growing int array), all kept in ordinary Java variables.  Every
// step moves money at random and prints "step I TOTAL HISTORY HASH":
// the total never changes, the history holds exactly the transfers made,
// and HASH (of every balance) is the same whenever step I is printed
// again after a restart (the program is deterministic).
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

    static long seed = 12345;

    static int next(int bound) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        return (int) ((seed >>> 33) % bound);
    }

    public static void main(String[] args) {
        Account[] accounts = new Account[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) accounts[i] = new Account(i, 1000);
        Transfer history = null;
        int[] journal = new int[STEPS * PER_STEP];
        int made = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < PER_STEP; k++) {
                Account a = accounts[next(ACCOUNTS)], b = accounts[next(ACCOUNTS)];
                long amount = next(100);
                if (a.balance < amount) amount = a.balance;
                a.balance -= amount;
                b.balance += amount;
                history = new Transfer(a.id, b.id, amount, history);
                journal[made++] = (int) amount;
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
        System.out.println("done");
    }
}
