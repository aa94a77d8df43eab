// .phantom.util.queue: a first-in first-out queue of any values (a ring
// buffer that grows as needed).  Not synchronized: threads share a
// .phantom.sync.blockingQueue instead.
package .phantom.util;

class queue
{
    var items : void[];   // the ring; its length is the capacity
    var head : int;       // the index of the first element
    var count : int;

    void queue()
    {
        clear();
    }

    void clear()
    {
        items = new void[8];
        head = 0;
        count = 0;
    }

    int size()
    {
        return count;
    }

    bool isEmpty()
    {
        return count == 0;
    }

    // Adds x at the back.
    void enqueue(var x)
    {
        if (count == items.length)
            grow();
        items[(head + count) % items.length] = x;
        count++;
    }

    // Removes and returns the front element; NoSuchElementException if empty.
    .internal.object dequeue()
    {
        if (count == 0)
            throw new .phantom.NoSuchElementException("dequeue: the queue is empty");
        var x = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return x;
    }

    // The front element, left in place; NoSuchElementException if empty.
    .internal.object peek()
    {
        if (count == 0)
            throw new .phantom.NoSuchElementException("peek: the queue is empty");
        return items[head];
    }

    // A new array of the elements, front first.
    void[] toArray()
    {
        void[] r = new void[]();
        for (int i = 0; i < count; i++)
            r.add(items[(head + i) % items.length]);
        return r;
    }

    string toString()
    {
        void[] texts = new void[]();
        foreach (x in toArray())
            texts.add("" + x);
        return "[" + texts.join(", ") + "]";
    }

    // Twice the capacity, the elements moved to the start.
    private void grow()
    {
        void[] bigger = new void[items.length * 2];
        for (int i = 0; i < count; i++)
            bigger[i] = items[(head + i) % items.length];
        items = bigger;
        head = 0;
    }
};
