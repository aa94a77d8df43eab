// Exceptions: a class of the program extending .phantom.Exception (its
// message through the parent's constructor), thrown, caught by class,
// caught through a parent class, and its getMessage/toString.
class bank_error extends .phantom.Exception
{
    var code : int;
    void bank_error(string msg, int c) { super.Exception(msg); code = c; }
};

class overdraft extends bank_error
{
    void overdraft(long missing) { super.bank_error("overdraft by " + missing, 7); }
};

class exc_basic
{
    static long balance = 100;

    static void withdraw(long amount)
    {
        if (amount <= 0) throw new bank_error("bad amount " + amount, 1);
        if (amount > balance) throw new overdraft(amount - balance);
        balance -= amount;
    }

    static void main()
    {
        try { withdraw(30); println("ok, balance " + balance); }
        catch (bank_error e) { println("not reached"); }
        try { withdraw(500); println("not reached"); }
        catch (overdraft e) { println("caught: " + e.getMessage() + " code " + e.code); }
        try { withdraw(-1); }
        catch (overdraft e) { println("not this one"); }
        catch (bank_error e) { println("caught parent: " + e.getMessage()); }
        try { withdraw(1000); }
        catch (.phantom.Exception e) { println("as Exception: " + e); }
        println(new Exception("plain").getMessage());
        println(new Exception());
        println("balance " + balance);
    }
};
