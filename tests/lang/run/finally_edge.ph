// finally, edge cases: a return in finally swallows an exception and
// replaces a return value; an exception thrown in finally replaces the
// one in flight; break and continue in finally end the pending exit (as
// in Java); a finally around a finally; try/catch inside a finally; a
// void return through two finally blocks; finally in a loop whose body
// returns from the method on its last round.
class finally_edge
{
    static string log = "";

    static int swallow()
    {
        try { throw "lost"; }
        finally { return 7; }
    }

    static string replace()
    {
        try {
            try { throw "first"; }
            finally { throw "second"; }
        } catch (string s) { return "caught " + s; }
    }

    static int breakOut()
    {
        int i = 0;
        while (true) {
            try {
                i++;
                throw "never seen";
            } finally {
                if (i == 3) break;
                continue;
            }
        }
        return i;
    }

    static int overrideReturn()
    {
        for (int i = 0; i < 5; i++) {
            try {
                return i;
            } finally {
                if (i < 2) continue;
            }
        }
        return -1;
    }

    static void nested()
    {
        try {
            try {
                log += "a";
                return;
            } finally {
                log += "b";
            }
        } finally {
            log += "c";
        }
    }

    static void catchInFinally()
    {
        try {
            log += "1";
        } finally {
            try { throw "inner"; }
            catch (string s) { log += "2" + s; }
            log += "3";
        }
    }

    static int lastRound()
    {
        int sum = 0;
        for (int i = 1; i <= 4; i++) {
            try {
                sum += i;
                if (i == 4) return sum * 10;
            } finally {
                log += i;
            }
        }
        return -1;
    }

    static int counter = 0;
    static int sideEffect()
    {
        try { return counter++; }
        finally { counter += 10; }
    }

    static void main()
    {
        println(swallow());
        println(replace());
        println(breakOut());
        println(overrideReturn());
        nested();
        println(log);
        log = "";
        catchInFinally();
        println(log);
        log = "";
        println(lastRound() + " " + log);
        println(sideEffect() + " " + counter);
        try {
            try { throw new .phantom.ArgumentException("arg"); }
            catch (.phantom.ArgumentException e) { throw new .phantom.IllegalStateException("from catch"); }
            finally { println("finally after the catch threw"); }
        } catch (.phantom.Exception e) {
            println(e);
        }
    }
};
