// Version 1 of a class updated in a running world (tests/unit/java_run.c,
// section 5): one int field and one static.
public class Account {
    static Account it;
    static int runs;
    int balance;

    public static void main(String[] args) {
        if (it == null)
            it = new Account();
        runs++;
        it.balance += 10;
        System.out.println("v1 runs=" + runs + " balance=" + it.balance);
    }
}
