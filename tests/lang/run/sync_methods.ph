// synchronized methods hold the receiver's monitor (a static one the
// class's) while they run, released however they end (return or
// exception), and reentrant: a synchronized method may call another on
// the same object.  Four threads update shared counters through them.
class account
{
    var balance : int;
    var ops : int;

    synchronized void deposit(int n) { balance += n; count(); }
    synchronized void count() { ops++; }
    public synchronized int withdraw(int n)
    {
        if (n > balance) throw "insufficient funds";
        balance -= n;
        count();
        return balance;
    }
    synchronized int get() { return balance; }
};

class stats
{
    static int calls;
    static synchronized void hit() { calls++; }
};

class depositor
{
    var acc : account;
    void depositor(account a) { acc = a; }
    void run()
    {
        for (int i = 0; i < 250; i++) {
            acc.deposit(2);
            stats.hit();
            try { acc.withdraw(1); } catch (string s) { }
        }
    }
};

class sync_methods
{
    static void main()
    {
        var acc = new account();
        println(acc.withdraw(0));
        try { acc.withdraw(5); } catch (string s) { println("refused: " + s); }
        acc.deposit(10);
        println(acc.withdraw(4));
        var ts = new void[]();
        for (int i = 0; i < 4; i++) ts[i] = .internal.thread.start(new depositor(acc));
        foreach (t in ts) t.join();
        println(acc.get() + " " + acc.ops + " " + stats.calls);
        synchronized (acc) { acc.deposit(1); println("nested in a block: " + acc.get()); }
    }
};
