// finally runs on every way out of a try: falling off its end, an
// exception (caught here or further out), return, break and continue;
// nested finally blocks run innermost first.
class exc_finally
{
    static string log = "";

    static int early(int v)
    {
        try {
            if (v > 0) return v * 2;
            log += "[no return]";
        } finally {
            log += "[finally " + v + "]";
        }
        return -1;
    }

    static void thrower()
    {
        try { throw "boom"; }
        finally { log += "[thrower finally]"; }
    }

    static void main()
    {
        println(early(5) + " " + log);
        log = "";
        println(early(0) + " " + log);
        log = "";
        try { thrower(); } catch (string s) { log += "[caught " + s + "]"; } finally { log += "[outer finally]"; }
        println(log);
        log = "";
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 1) continue;
                if (i == 3) break;
                log += i;
            } finally {
                log += "f" + i + " ";
            }
        }
        println(log);
        log = "";
        try {
            try {
                try { log += "a"; throw "x"; }
                finally { log += "b"; }
            } finally { log += "c"; }
        } catch (e) { log += "d"; }
        finally { log += "e"; }
        println(log);
        log = "";
        while (true) {
            try {
                try { break; } finally { log += "inner "; }
            } finally { log += "outer"; }
        }
        println(log);
        try { println("body"); } finally { println("finally after body"); }
    }
};
