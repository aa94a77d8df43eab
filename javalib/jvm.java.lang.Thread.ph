// java.lang.Thread (docs/JAVA.md): a Java thread is a VM thread, so it
// is persistent like everything else and continues after a restart.
// start, run, join, sleep, interrupt, currentThread, getName, setDaemon,
// isAlive (wait and notify: Monitor); not priorities.
package .jvm.java.lang;

// What the VM thread runs: the Java thread's run(), and Java's report
// if an exception ends it (the program goes on).
class ThreadBody
{
    var thread;

    void run()
    {
        var t = (.jvm.java.lang.Thread) thread;
        try {
            t.run____V();
            .jvm.java.lang.Thread.ended(.internal.thread.current());
        } catch (var e) {
            .jvm.java.lang.Thread.ended(.internal.thread.current());
            if (e instanceof .javart.Exit)
                return;
            e = .javart.rt.convert(e);
            .jvm.java.lang.System.out.flush____V();
            .jvm.java.lang.System.err.print__Ljava_lang_String_2__V("Exception in thread \"" + t.name + "\" ");
            if (e instanceof .jvm.java.lang.Throwable)
                ((.jvm.java.lang.Throwable) e).printStackTrace____V();
            else
                .jvm.java.lang.System.err.println__Ljava_lang_String_2__V("" + e);
        }
    }
};

class Thread extends .jvm.java.lang.Object implements .jvm.java.lang.Runnable
{
    var target;
    var name;
    var vm;          // the .internal.thread once started
    var daemon : int;
    var interrupted : int;
    var waitCond;    // the .internal.cond this thread waits on (Monitor)
    var waitingOn;   // the object whose monitor it waits with, or null
    var sleepLock;   // what sleep waits on
    static var made = 0;
    static var running = new void[]();   // [vm thread, Java thread] of each started thread still running
    static .jvm.java.lang.Thread mainThread = null;

    void setup(var r, var n)
    {
        target = r;
        daemon = 0;
        interrupted = 0;
        if (n :== null) {
            name = "Thread-" + made;
            made++;
        } else
            name = n;
    }

    void _4init_5____V() { setup(null, null); }
    void _4init_5__Ljava_lang_Runnable_2__V(var r) { setup(r, null); }
    void _4init_5__Ljava_lang_Runnable_2Ljava_lang_String_2__V(var r, var n) { setup(r, n); }
    void _4init_5__Ljava_lang_String_2__V(var n) { setup(null, n); }

    void run____V()
    {
        if (!(target :== null))
            target.run____V();
    }

    void start____V()
    {
        if (!(vm :== null)) {
            var e = new .jvm.java.lang.IllegalStateException();
            e.setMessage("IllegalThreadStateException");
            throw e;
        }
        var body = new .jvm.java.lang.ThreadBody();
        body.thread = this;
        if (daemon != 0)
            vm = .internal.thread.startDaemon(body);
        else
            vm = .internal.thread.start(body);
        synchronized (running) {
            var pair = new void[]();
            pair.add(vm);
            pair.add(this);
            running.add(pair);
        }
    }

    // The thread has ended: out of the list currentThread searches.
    static void ended(var vmt)
    {
        synchronized (running) {
            for (int i = 0; i < running.size(); i++)
                if (running[i][0] :== vmt) {
                    running.removeAt(i);
                    return;
                }
        }
    }

    void join____V()
    {
        if (!(vm :== null))
            vm.join();
    }

    int isAlive____Z()
    {
        return .javart.rt.zb(!(vm :== null) && vm.isAlive());
    }

    void setDaemon__Z__V(var on) { daemon = on; }
    int isDaemon____Z() { return daemon; }
    string getName____Ljava_lang_String_2() { return name; }
    void setName__Ljava_lang_String_2__V(var n) { name = n; }
    long getId____J()
    {
        if (vm :== null)
            return 0L;
        return vm.getId();
    }

    string toString____Ljava_lang_String_2() { return "Thread[" + name + ",5,main]"; }

    static void sleep__J__V(var ms)
    {
        if (ms < 0)
            throw .jvm.java.lang.Integer.iae("timeout value is negative");
        .jvm.java.lang.Monitor.sleep(ms);
    }

    void interrupt____V() { .jvm.java.lang.Monitor.interrupt(this); }
    int isInterrupted____Z() { return interrupted; }

    static .jvm.java.lang.Thread current()
    {
        var t;
        t = currentThread____Ljava_lang_Thread_2();
        return t;
    }

    static int interrupted____Z()
    {
        var me = current();
        int was = me.interrupted;
        me.interrupted = 0;
        return was;
    }

    static void yield____V() { .internal.thread.yield(); }

    static .internal.object currentThread____Ljava_lang_Thread_2()
    {
        var me = .internal.thread.current();
        synchronized (running) {
            for (int i = 0; i < running.size(); i++)
                if (running[i][0] :== me)
                    return running[i][1];
        }
        if (mainThread :== null) {
            var m = new .jvm.java.lang.Thread();
            m.target = null;
            m.name = "main";
            m.daemon = 0;
            m.interrupted = 0;
            mainThread = m;
        }
        return mainThread;
    }
};
