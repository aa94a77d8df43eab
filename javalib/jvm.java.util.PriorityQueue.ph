// java.util.PriorityQueue (docs/JAVA.md): Java's binary heap with Java's
// sift-up and sift-down, so the order of its array (what iteration and
// toString show) is the JVM's too.
package .jvm.java.util;

class PriorityQueue extends .jvm.java.util.AbstractCollection implements .jvm.java.util.Queue
{
    var heap;      // a Phantom array, its size the queue's
    var cmp;       // a Comparator, or null for compareTo

    void _4init_5____V() { heap = new void[](); cmp = null; }
    void _4init_5__I__V(int n)
    {
        if (n < 1)
            throw .jvm.java.lang.Integer.iae(null);
        _4init_5____V();
    }
    void _4init_5__Ljava_util_Comparator_2__V(var c) { heap = new void[](); cmp = c; }
    void _4init_5__ILjava_util_Comparator_2__V(int n, var c)
    {
        _4init_5__I__V(n);
        cmp = c;
    }

    // from a collection: its elements, then Java's heapify
    void _4init_5__Ljava_util_Collection_2__V(var c)
    {
        _4init_5____V();
        if (c instanceof .jvm.java.util.PriorityQueue)
            cmp = ((.jvm.java.util.PriorityQueue) c).cmp;
        heap = .jvm.java.util.ImmutableList.itemsOf(c);
        for (int i = 0; i < heap.size(); i++)
            if (heap[i] :== null)
                throw .javart.rt.npe(null);
        for (int i = (heap.size() >>> 1) - 1; i >= 0; i--)
            siftDown(i, heap[i]);
    }

    void _4init_5__Ljava_util_PriorityQueue_2__V(var q) { _4init_5__Ljava_util_Collection_2__V(q); }

    int compare(var a, var b)
    {
        if (cmp :== null)
            return .jvm.java.lang.Object.s_compareTo(a, b);
        return cmp.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a, b);
    }

    void siftUp(int k, var x)
    {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            var e = heap[parent];
            if (compare(x, e) >= 0)
                break;
            heap[k] = e;
            k = parent;
        }
        heap[k] = x;
    }

    void siftDown(int k, var x)
    {
        int n = heap.size();
        int half = n >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            var c = heap[child];
            int right = child + 1;
            if (right < n && compare(c, heap[right]) > 0) {
                child = right;
                c = heap[child];
            }
            if (compare(x, c) <= 0)
                break;
            heap[k] = c;
            k = child;
        }
        heap[k] = x;
    }

    int size____I() { return heap.size(); }
    void clear____V() { heap.clear(); }
    .internal.object items() { return heap.slice(0, heap.size()); }

    int offer__Ljava_lang_Object_2__Z(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        int k = heap.size();
        heap.add(o);
        if (k == 0)
            compare(o, o);   // as Java: an element with no order throws
        siftUp(k, o);
        return 1;
    }

    int add__Ljava_lang_Object_2__Z(var o) { return offer__Ljava_lang_Object_2__Z(o); }

    .internal.object peek____Ljava_lang_Object_2()
    {
        if (heap.size() == 0)
            return null;
        return heap[0];
    }

    .internal.object element____Ljava_lang_Object_2()
    {
        if (heap.size() == 0)
            throw new .jvm.java.util.NoSuchElementException();
        return heap[0];
    }

    .internal.object poll____Ljava_lang_Object_2()
    {
        if (heap.size() == 0)
            return null;
        var top = heap[0];
        var x = heap.pop();
        if (heap.size() > 0)
            siftDown(0, x);
        return top;
    }

    .internal.object remove____Ljava_lang_Object_2()
    {
        if (heap.size() == 0)
            throw new .jvm.java.util.NoSuchElementException();
        return poll____Ljava_lang_Object_2();
    }

    void removeAt(int i)
    {
        var moved = heap.pop();
        if (i == heap.size())
            return;
        siftDown(i, moved);
        if (heap[i] :== moved)
            siftUp(i, moved);
    }

    int remove__Ljava_lang_Object_2__Z(var o)
    {
        for (int i = 0; i < heap.size(); i++)
            if (.jvm.java.lang.Object.s_equals(o, heap[i]) != 0) {
                removeAt(i);
                return 1;
            }
        return 0;
    }

    // over a copy of the array, in its order; its remove is refused
    .internal.object iterator____Ljava_util_Iterator_2()
    {
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), items()).iterator____Ljava_util_Iterator_2();
    }

    .internal.object comparator____Ljava_util_Comparator_2() { return cmp; }
};
