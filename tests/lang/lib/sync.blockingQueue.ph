// .phantom.sync.blockingQueue: producers and consumers on threads, a
// bounded queue that makes put wait, offer/poll that do not wait, timed
// poll, close (takers get what is left, then null; put fails) and errors.
import .phantom.sync.blockingQueue;

class producer
{
    var q : blockingQueue;
    var from : int;
    var n : int;
    var error : string;
    void producer(blockingQueue queue, int f, int count) { q = queue; from = f; n = count; }
    void run()
    {
        try {
            for (int i = 0; i < n; i++)
                q.put(from + i);
        } catch (.phantom.IllegalStateException e) {
            error = e.getMessage();
        }
    }
};

class consumer
{
    var q : blockingQueue;
    var got : void[];
    void consumer(blockingQueue queue) { q = queue; got = new void[](); }
    void run()
    {
        var x;
        x = q.take();
        while (x != null) {
            got.add(x);
            x = q.take();
        }
    }
};

class blockingQueue_test
{
    static void main()
    {
        try { new blockingQueue(0); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // single thread: offer, poll, size, isEmpty
        blockingQueue q = new blockingQueue();
        println(q.size() + " " + q.isEmpty() + " " + q.poll() + " " + q.poll(10) + " " + q.isClosed());
        q.put("a");
        println(q.offer("b") + " " + q.size() + " " + q.isEmpty());
        println(q.take() + " " + q.poll() + " " + q.poll(0) + " " + q.size());
        try { q.put(null); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { q.offer(null); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // bounded: offer fails when full
        blockingQueue b = new blockingQueue(2);
        println(b.offer(1) + " " + b.offer(2) + " " + b.offer(3) + " " + b.size());
        println(b.take() + " " + b.offer(3) + " " + b.size());

        // close: what is left is still taken, then null; put and offer fail
        b.close();
        println(b.isClosed() + " " + b.take() + " " + b.take() + " " + b.take() + " " + b.poll() + " " + b.take());
        try { b.put(4); } catch (.phantom.IllegalStateException e) { println(e.getMessage()); }
        try { b.offer(4); } catch (.phantom.IllegalStateException e) { println(e.getMessage()); }
        b.close();
        println(b.size());

        // 3 producers and 2 consumers through a queue of 4 places
        blockingQueue shared = new blockingQueue(4);
        void[] producers = new void[]();
        consumer c1 = new consumer(shared);
        consumer c2 = new consumer(shared);
        var t1 = .internal.thread.start(c1);
        var t2 = .internal.thread.start(c2);
        for (int p = 0; p < 3; p++)
            producers.add(.internal.thread.start(new producer(shared, p * 1000, 200)));
        foreach (t in producers) t.join();
        shared.close();
        t1.join();
        t2.join();
        void[] all = new void[]();
        foreach (x in c1.got) all.add(x);
        foreach (x in c2.got) all.add(x);
        all.sort();
        bool complete = all.length == 600;
        for (int i = 0; i < all.length; i++)
            if (all[i] != (i / 200) * 1000 + i % 200)
                complete = false;
        println("600 through: " + complete);

        // a taker waiting on an empty queue is woken by close
        blockingQueue idle = new blockingQueue();
        consumer c3 = new consumer(idle);
        var t3 = .internal.thread.start(c3);
        .internal.thread.yield();
        idle.put("last");
        idle.close();
        t3.join();
        println(c3.got);

        // a put waiting for room fails when the queue is closed
        blockingQueue full = new blockingQueue(1);
        full.put("x");
        producer late = new producer(full, 0, 1);
        var t4 = .internal.thread.start(late);
        .internal.thread.yield();
        full.close();
        t4.join();
        println(late.error + "; " + full.size() + " " + full.take() + " " + full.take());
    }
};
