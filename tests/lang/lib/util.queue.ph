// .phantom.util.queue: every method, through growth of its ring and the
// errors on an empty queue.
import .phantom.util.queue;

class queue_test
{
    static void main()
    {
        queue q = new queue();
        println(q + " " + q.size() + " " + q.isEmpty());
        try { q.dequeue(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        try { q.peek(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        q.enqueue("a");
        q.enqueue(null);
        q.enqueue(3);
        println(q + " " + q.size() + " " + q.isEmpty() + " " + q.peek());
        println(q.dequeue() + " " + q.dequeue() + " " + q.size());
        // wrap around the ring, then grow it
        for (int i = 0; i < 6; i++) q.enqueue(i);
        for (int i = 0; i < 5; i++) q.dequeue();
        for (int i = 10; i < 30; i++) q.enqueue(i);
        println(q.size() + " " + q.peek());
        println(q.toArray());
        var sum = 0;
        while (!q.isEmpty()) sum += (int) q.dequeue();
        println(sum + " " + q.size());
        q.enqueue("x");
        q.clear();
        println(q + " " + q.size() + " " + q.isEmpty());
    }
};
