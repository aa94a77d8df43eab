// A program's own exception hierarchy: fields, constructors chaining to
// .phantom.Exception's, getMessage overridden, toString as class: message,
// a rethrown exception keeping its first stack trace, an exception
// wrapping its cause, catch by a parent class, catch of several classes.
class app_error extends .phantom.Exception
{
    var code : int;
    void app_error(string m, int c) { super.Exception(m); code = c; }
};

class not_found extends app_error
{
    var key : string;
    void not_found(string k) { super.app_error("no " + k, 404); key = k; }
};

class wrapped extends app_error
{
    var cause;
    void wrapped(string m, var c) { super.app_error(m, 500); cause = c; }
    string getMessage() { return super.getMessage() + " (because " + cause + ")"; }
};

class quiet extends .phantom.RuntimeException { };

class exc_custom
{
    static string lookup(string k)
    {
        if (k == "") throw new app_error("empty key", 400);
        if (k != "known") throw new not_found(k);
        return "value";
    }

    static string safe(string k)
    {
        try { return lookup(k); }
        catch (not_found e) { throw new wrapped("lookup failed", e); }
    }

    static void rethrow()
    {
        try { lookup("x"); }
        catch (app_error e) { throw e; }
    }

    static void main()
    {
        println(lookup("known"));
        try { lookup("door"); }
        catch (app_error e) { println(e.code + " " + e.getMessage() + " | " + e); }
        try { lookup(""); }
        catch (not_found e) { println("wrong"); }
        catch (app_error e) { println(e.code + " " + e.getMessage()); }
        try { safe("key"); }
        catch (wrapped e) {
            println(e.getMessage());
            println(((not_found)e.cause).key);
        }
        try { rethrow(); }
        catch (not_found e) {
            string t = e.getStackTrace();
            println(t.contains("exc_custom.lookup") && t.contains("exc_custom.rethrow"));
        }
        try { throw new quiet(); }
        catch (.phantom.IllegalStateException | quiet e) { println("quiet: [" + e.getMessage() + "] " + e); }
        try { throw new not_found("a"); }
        catch (quiet | app_error e) { println("either: " + e.getMessage()); }
        println(new not_found("b") instanceof .phantom.Exception);
        println(new quiet() instanceof .phantom.RuntimeException);
    }
};
