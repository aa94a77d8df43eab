// Version 2: new instance fields of each primitive kind and a new static;
// they must start at Java's zero in the object and class that already
// exist, while the old values carry over.
public class Account {
    static Account it;
    static int runs;
    static long total;
    int balance;
    long big;
    double rate;
    boolean seen;
    char mark;

    public static void main(String[] args) {
        if (it == null)
            it = new Account();
        runs++;
        it.balance += 10;
        it.big += 5000000000000L;
        it.rate += 0.5;
        total += it.balance;
        System.out.println("v2 runs=" + runs + " balance=" + it.balance + " big=" + it.big + " rate=" + it.rate
                           + " seen=" + it.seen + " mark=" + (int) it.mark + " total=" + total);
        it.seen = true;
    }
}
