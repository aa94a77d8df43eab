// .phantom.sync.worker: one thread of a .phantom.sync.workerPool: runs the
// pool's tasks until the pool shuts down.
package .phantom.sync;

class worker
{
    var pool : workerPool;

    void worker(workerPool p)
    {
        pool = p;
    }

    void run()
    {
        var task;   // untyped: any object with run()
        task = pool.tasks.take();
        while (task != null) {
            try {
                task.run();
            } catch (var e) {
                pool.failed(e);
            }
            pool.finished();
            task = pool.tasks.take();
        }
    }
};
