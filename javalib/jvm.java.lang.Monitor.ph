// Object.wait, notify and notifyAll, and what Thread.interrupt and sleep
// need of them (docs/JAVA.md).  A waiting thread waits on its own
// condition variable with the object's monitor (the mutex `synchronized`
// locks, .internal.mutex.monitorOf), and is listed in the object's wait
// set here; notify takes the first thread of the set and signals it,
// notifyAll every one, interrupt signals the thread it interrupts.  Only
// a holder of the monitor changes an object's set or signals its
// waiters, and a waiter holds the monitor until its wait releases it, so
// no signal is lost and no waiter wakes without a cause.  All of it is
// world state: a thread waiting here goes on waiting after a restart.
package .jvm.java.lang;

class IllegalMonitorStateException extends RuntimeException {};

class Monitor
{
    static var sets = new void[]();   // [object, [waiting Java threads]]

    static .internal.mutex held(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        var mx = .internal.mutex.monitorOf(o);
        if (!mx.isHeld()) {
            var e = new .jvm.java.lang.IllegalMonitorStateException();
            e.setMessage("current thread is not owner");
            throw e;
        }
        return mx;
    }

    // o's wait set, made (add) or null
    static .internal.object setOf(var o, bool add)
    {
        for (int i = 0; i < sets.size(); i++)
            if (sets[i][0] :== o)
                return sets[i][1];
        if (!add)
            return null;
        var entry = new void[]();
        entry.add(o);
        entry.add(new void[]());
        sets.add(entry);
        return entry[1];
    }

    static void forget(var o, var t)
    {
        synchronized (sets) {
            for (int i = 0; i < sets.size(); i++)
                if (sets[i][0] :== o) {
                    var ws = sets[i][1];
                    for (int k = 0; k < ws.size(); k++)
                        if (ws[k] :== t) {
                            ws.removeAt(k);
                            break;
                        }
                    if (ws.size() == 0)
                        sets.removeAt(i);
                    return;
                }
        }
    }

    static void checkInterrupt(.jvm.java.lang.Thread me)
    {
        if (me.interrupted != 0) {
            me.interrupted = 0;
            throw new .jvm.java.lang.InterruptedException();
        }
    }

    // Waits on o's monitor mx (held) until signalled or ms have passed
    // (0: no limit); InterruptedException if interrupted.
    static void await(var o, .internal.mutex mx, var ms, bool listed)
    {
        var me = .jvm.java.lang.Thread.current();
        checkInterrupt(me);
        if (me.waitCond :== null)
            me.waitCond = new .internal.cond();
        if (listed)
            synchronized (sets) {
                var ws;
                ws = setOf(o, true);
                ws.add(me);
            }
        me.waitingOn = o;
        if (ms == 0L)
            me.waitCond.wait(mx);
        else
            me.waitCond.twait(mx, ms);
        me.waitingOn = null;
        if (listed)
            forget(o, me);
        checkInterrupt(me);
    }

    static void wait(var o, var ms)
    {
        var mx = held(o);
        if (ms < 0L)
            throw .jvm.java.lang.Integer.iae("timeout value is negative");
        await(o, mx, ms, true);
    }

    static void wait__J__V(var o, var ms) { wait(o, ms); }
    static void wait____V(var o) { wait(o, 0L); }

    static void wait__JI__V(var o, var ms, int nanos)
    {
        if (nanos < 0 || nanos > 999999)
            throw .jvm.java.lang.Integer.iae("nanosecond timeout value out of range");
        if (nanos > 0 && ms < 9223372036854775807L)
            ms = ms + 1L;
        wait(o, ms);
    }

    static void wake(var o, bool all)
    {
        held(o);
        var woken = new void[]();
        synchronized (sets) {
            var ws;
            ws = setOf(o, false);
            while (!(ws :== null) && ws.size() > 0) {
                woken.add(ws.removeAt(0));
                if (!all)
                    break;
            }
        }
        for (int i = 0; i < woken.size(); i++)
            woken[i].waitCond.signal();
    }

    static void notify____V(var o) { wake(o, false); }
    static void notifyAll____V(var o) { wake(o, true); }

    // Thread.sleep: a wait on the thread's own lock that only interrupt
    // signals
    static void sleep(var ms)
    {
        var me = .jvm.java.lang.Thread.current();
        if (me.sleepLock :== null)
            me.sleepLock = new void[]();
        var lock = me.sleepLock;
        long end = .internal.time.nowMillis() + ms;
        synchronized (lock) {
            var mx = .internal.mutex.monitorOf(lock);
            long left = ms;
            while (left > 0L) {
                await(lock, mx, left, false);
                left = end - .internal.time.nowMillis();
            }
        }
        checkInterrupt(me);
    }

    // Thread.interrupt: the flag, and a signal if t waits (taken with
    // the monitor t waits with, so the signal reaches it)
    static void interrupt(.jvm.java.lang.Thread t)
    {
        t.interrupted = 1;
        var o = t.waitingOn;
        if (o :== null)
            return;
        synchronized (o) {
            if (t.waitingOn :== o)
                t.waitCond.signal();
        }
    }
};
