// java.util.concurrent basics (docs/JAVA.md): CountDownLatch, TimeUnit,
// Callable, Future, ExecutionException and the fixed thread pool of
// Executors.newFixedThreadPool.  Each waits with a condition variable on
// its own monitor (.internal.mutex.monitorOf), so its threads, queue and
// results are world state that a restart continues.
package .jvm.java.util.concurrent;

class ExecutionException extends .jvm.java.lang.Exception {};
class TimeoutException extends .jvm.java.lang.Exception {};
class RejectedExecutionException extends .jvm.java.lang.RuntimeException {};

interface Callable
{
    .internal.object call____Ljava_lang_Object_2();
};

interface Future
{
    .internal.object get____Ljava_lang_Object_2();
    int isDone____Z();
};

interface Executor
{
    void execute__Ljava_lang_Runnable_2__V(var r);
};

interface ExecutorService extends .jvm.java.util.concurrent.Executor
{
    void execute__Ljava_lang_Runnable_2__V(var r);
    .internal.object submit__Ljava_util_concurrent_Callable_2__Ljava_util_concurrent_Future_2(var c);
    .internal.object submit__Ljava_lang_Runnable_2__Ljava_util_concurrent_Future_2(var r);
    .internal.object invokeAll__Ljava_util_Collection_2__Ljava_util_List_2(var tasks);
    void shutdown____V();
    int isShutdown____Z();
    int isTerminated____Z();
    int awaitTermination__JLjava_util_concurrent_TimeUnit_2__Z(var n, var unit);
};

// TimeUnit's constants with their length in milliseconds (finer ones
// round down, as Java's toMillis does).
class TimeUnit extends .jvm.java.lang.Object
{
    var name;
    var nanos : long;

    static .jvm.java.util.concurrent.TimeUnit make(string n, long ns)
    {
        var u = new .jvm.java.util.concurrent.TimeUnit();
        u.name = n;
        u.nanos = ns;
        return u;
    }

    static var NANOSECONDS = make("NANOSECONDS", 1L);
    static var MICROSECONDS = make("MICROSECONDS", 1000L);
    static var MILLISECONDS = make("MILLISECONDS", 1000000L);
    static var SECONDS = make("SECONDS", 1000000000L);
    static var MINUTES = make("MINUTES", 60000000000L);
    static var HOURS = make("HOURS", 3600000000000L);
    static var DAYS = make("DAYS", 86400000000000L);

    long toMillis__J__J(var n)
    {
        if (nanos >= 1000000L)
            return n * (nanos / 1000000L);
        return n / (1000000L / nanos);
    }

    void sleep__J__V(var n) { .jvm.java.lang.Thread.sleep__J__V(toMillis__J__J(n)); }
    string toString____Ljava_lang_String_2() { return name; }
    string name____Ljava_lang_String_2() { return name; }
};

// A task's result: run() once by a pool thread, get() waits for it.
class FutureTask extends .jvm.java.lang.Object implements .jvm.java.util.concurrent.Future, .jvm.java.lang.Runnable
{
    var task;      // a Callable, or a Runnable (result null)
    var done : bool;
    var result;
    var failure;   // what the task threw, or null
    var finished;  // .internal.cond

    static .jvm.java.util.concurrent.FutureTask of(var task)
    {
        if (task :== null)
            throw .javart.rt.npe(null);
        var f = new .jvm.java.util.concurrent.FutureTask();
        f.task = task;
        f.done = false;
        f.finished = new .internal.cond();
        return f;
    }

    void run____V()
    {
        var r = null;
        var err = null;
        try {
            if (task instanceof .jvm.java.util.concurrent.Callable)
                r = task.call____Ljava_lang_Object_2();
            else
                task.run____V();
        } catch (var e) {
            if (e instanceof .javart.Exit)
                throw e;
            err = .javart.rt.convert(e);
        }
        synchronized (this) {
            result = r;
            failure = err;
            done = true;
            finished.broadcast();
        }
    }

    .internal.object get____Ljava_lang_Object_2()
    {
        synchronized (this) {
            var mx = .internal.mutex.monitorOf(this);
            while (!done)
                finished.wait(mx);
        }
        if (!(failure :== null)) {
            var e = new .jvm.java.util.concurrent.ExecutionException();
            e._4init_5__Ljava_lang_Throwable_2__V(failure);
            throw e;
        }
        return result;
    }

    int isDone____Z() { return .javart.rt.zb(done); }
};

// The pool's threads each run this: tasks from the queue until the pool
// is shut down and the queue is empty.
class PoolWorker extends .jvm.java.lang.Object implements .jvm.java.lang.Runnable
{
    var pool;

    void run____V()
    {
        var p = (.jvm.java.util.concurrent.ThreadPool) pool;
        while (true) {
            var task;
            task = p.take();
            if (task :== null)
                return;
            task.run____V();
        }
    }
};

class ThreadPool extends .jvm.java.lang.Object implements .jvm.java.util.concurrent.ExecutorService
{
    var queue;      // Runnables waiting for a thread
    var live : int; // threads still running
    var stopped : bool;
    var changed;    // .internal.cond: a task queued, shutdown, a thread ended
    static var pools = 0;

    static .internal.object newFixedThreadPool(int n)
    {
        if (n <= 0)
            throw .jvm.java.lang.Integer.iae(null);
        var p = new .jvm.java.util.concurrent.ThreadPool();
        p.queue = new void[]();
        p.stopped = false;
        p.changed = new .internal.cond();
        p.live = n;
        pools++;
        for (int i = 1; i <= n; i++) {
            var w = new .jvm.java.util.concurrent.PoolWorker();
            w.pool = p;
            var t = new .jvm.java.lang.Thread();
            t._4init_5__Ljava_lang_Runnable_2Ljava_lang_String_2__V(w, "pool-" + pools + "-thread-" + i);
            t.start____V();
        }
        return p;
    }

    // The next task, waiting for one; null once shut down and drained.
    .internal.object take()
    {
        synchronized (this) {
            var mx = .internal.mutex.monitorOf(this);
            while (queue.size() == 0 && !stopped)
                changed.wait(mx);
            if (queue.size() == 0) {
                live--;
                changed.broadcast();
                return null;
            }
            return queue.removeAt(0);
        }
    }

    void execute__Ljava_lang_Runnable_2__V(var r)
    {
        if (r :== null)
            throw .javart.rt.npe(null);
        synchronized (this) {
            if (stopped) {
                var e = new .jvm.java.util.concurrent.RejectedExecutionException();
                e.setMessage("the pool is shut down");
                throw e;
            }
            queue.add(r);
            changed.broadcast();
        }
    }

    .internal.object submit__Ljava_util_concurrent_Callable_2__Ljava_util_concurrent_Future_2(var c)
    {
        var f = .jvm.java.util.concurrent.FutureTask.of(c);
        execute__Ljava_lang_Runnable_2__V(f);
        return f;
    }

    .internal.object submit__Ljava_lang_Runnable_2__Ljava_util_concurrent_Future_2(var r)
    {
        return submit__Ljava_util_concurrent_Callable_2__Ljava_util_concurrent_Future_2(r);
    }

    .internal.object invokeAll__Ljava_util_Collection_2__Ljava_util_List_2(var tasks)
    {
        var fs = new .jvm.java.util.ArrayList();
        fs._4init_5____V();
        var it = tasks.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            fs.add__Ljava_lang_Object_2__Z(submit__Ljava_util_concurrent_Callable_2__Ljava_util_concurrent_Future_2(it.next____Ljava_lang_Object_2()));
        for (int i = 0; i < fs.elems.size(); i++) {
            var f = (.jvm.java.util.concurrent.FutureTask) fs.elems[i];
            synchronized (f) {
                var mx = .internal.mutex.monitorOf(f);
                while (!f.done)
                    f.finished.wait(mx);
            }
        }
        return fs;
    }

    void shutdown____V()
    {
        synchronized (this) {
            stopped = true;
            changed.broadcast();
        }
    }

    int isShutdown____Z() { return .javart.rt.zb(stopped); }
    int isTerminated____Z() { return .javart.rt.zb(stopped && live == 0); }

    int awaitTermination__JLjava_util_concurrent_TimeUnit_2__Z(var n, var unit)
    {
        long end = .internal.time.nowMillis() + unit.toMillis__J__J(n);
        synchronized (this) {
            var mx = .internal.mutex.monitorOf(this);
            while (!(stopped && live == 0)) {
                long left = end - .internal.time.nowMillis();
                if (left <= 0L)
                    return 0;
                changed.twait(mx, left);
            }
        }
        return 1;
    }
};

class Executors
{
    static .internal.object newFixedThreadPool__I__Ljava_util_concurrent_ExecutorService_2(int n)
    {
        return .jvm.java.util.concurrent.ThreadPool.newFixedThreadPool(n);
    }
};

class CountDownLatch extends .jvm.java.lang.Object
{
    var count : long;
    var zero;     // .internal.cond, broadcast when count reaches 0

    void _4init_5__I__V(int n)
    {
        if (n < 0)
            throw .jvm.java.lang.Integer.iae("count < 0");
        count = (long) n;
        zero = new .internal.cond();
    }

    void countDown____V()
    {
        synchronized (this) {
            if (count > 0L) {
                count = count - 1L;
                if (count == 0L)
                    zero.broadcast();
            }
        }
    }

    void await____V()
    {
        synchronized (this) {
            var mx = .internal.mutex.monitorOf(this);
            while (count > 0L)
                zero.wait(mx);
        }
    }

    long getCount____J() { return count; }

    string toString____Ljava_lang_String_2()
    {
        return super.toString____Ljava_lang_String_2() + "[Count = " + count + "]";
    }
};
