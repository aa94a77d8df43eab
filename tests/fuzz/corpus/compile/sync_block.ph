// synchronized (obj) { ... } holds obj's monitor for the block, released
// however the block is left (normally, by return, break, or exception).
class account
{
    var balance : int;
    void deposit(int n) { synchronized (this) { balance += n; } }
    int risky(int n)
    {
        synchronized (this) {
            if (n < 0) throw "negative";
            if (n == 0) return -1;
            balance += n;
        }
        return balance;
    }
};

class sync_block
{
    static void main()
    {
        var a = new account();
        a.deposit(5);
        println(a.risky(10));
        println(a.risky(0));
        try { a.risky(-1); } catch (string s) { println("caught " + s); }
        for (int i = 0; i < 3; i++) {
            synchronized (a) { if (i == 1) break; a.deposit(1); }
        }
        synchronized (a) { synchronized (a) { println("reentrant " + a.balance); } }
        var lock = new .internal.mutex();
        lock.lock();
        println("locked");
        lock.unlock();
    }
};
