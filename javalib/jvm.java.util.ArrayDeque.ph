// java.util.Queue, Deque, ArrayDeque and LinkedList (docs/JAVA.md).
// Deque's methods are written once, in DequeOps, over four operations
// each class has: insertFirst, insertLast, takeFirst, takeLast (and
// size____I and peekAt).  ArrayDeque keeps a Phantom array with a moving
// head, so a queue's removals at the front cost no copying; LinkedList is
// an ArrayList (a List and a Deque at once), removing at the front by
// shifting its array.
package .jvm.java.util;

interface Queue extends .jvm.java.util.Collection
{
    int size____I();
    int isEmpty____Z();
    int contains__Ljava_lang_Object_2__Z(var o);
    int add__Ljava_lang_Object_2__Z(var o);
    int remove__Ljava_lang_Object_2__Z(var o);
    void clear____V();
    int addAll__Ljava_util_Collection_2__Z(var c);
    .internal.object iterator____Ljava_util_Iterator_2();
    int containsAll__Ljava_util_Collection_2__Z(var c);
    int removeAll__Ljava_util_Collection_2__Z(var c);
    int retainAll__Ljava_util_Collection_2__Z(var c);
    int removeIf__Ljava_util_function_Predicate_2__Z(var p);
    void forEach__Ljava_util_function_Consumer_2__V(var c);
    .internal.object toArray_____3Ljava_lang_Object_2();
    .internal.object toArray___3Ljava_lang_Object_2___3Ljava_lang_Object_2(var a);
    int offer__Ljava_lang_Object_2__Z(var o);
    .internal.object poll____Ljava_lang_Object_2();
    .internal.object peek____Ljava_lang_Object_2();
    .internal.object element____Ljava_lang_Object_2();
    .internal.object remove____Ljava_lang_Object_2();
};

interface Deque extends .jvm.java.util.Queue
{
    int size____I();
    int isEmpty____Z();
    int contains__Ljava_lang_Object_2__Z(var o);
    int add__Ljava_lang_Object_2__Z(var o);
    int remove__Ljava_lang_Object_2__Z(var o);
    void clear____V();
    int addAll__Ljava_util_Collection_2__Z(var c);
    .internal.object iterator____Ljava_util_Iterator_2();
    int containsAll__Ljava_util_Collection_2__Z(var c);
    int removeAll__Ljava_util_Collection_2__Z(var c);
    int retainAll__Ljava_util_Collection_2__Z(var c);
    int removeIf__Ljava_util_function_Predicate_2__Z(var p);
    void forEach__Ljava_util_function_Consumer_2__V(var c);
    .internal.object toArray_____3Ljava_lang_Object_2();
    .internal.object toArray___3Ljava_lang_Object_2___3Ljava_lang_Object_2(var a);
    int offer__Ljava_lang_Object_2__Z(var o);
    .internal.object poll____Ljava_lang_Object_2();
    .internal.object peek____Ljava_lang_Object_2();
    .internal.object element____Ljava_lang_Object_2();
    .internal.object remove____Ljava_lang_Object_2();
    void addFirst__Ljava_lang_Object_2__V(var o);
    void addLast__Ljava_lang_Object_2__V(var o);
    int offerFirst__Ljava_lang_Object_2__Z(var o);
    int offerLast__Ljava_lang_Object_2__Z(var o);
    .internal.object removeFirst____Ljava_lang_Object_2();
    .internal.object removeLast____Ljava_lang_Object_2();
    .internal.object pollFirst____Ljava_lang_Object_2();
    .internal.object pollLast____Ljava_lang_Object_2();
    .internal.object getFirst____Ljava_lang_Object_2();
    .internal.object getLast____Ljava_lang_Object_2();
    .internal.object peekFirst____Ljava_lang_Object_2();
    .internal.object peekLast____Ljava_lang_Object_2();
    void push__Ljava_lang_Object_2__V(var o);
    .internal.object pop____Ljava_lang_Object_2();
    .internal.object descendingIterator____Ljava_util_Iterator_2();
};

// Deque's methods over the four operations of d (an ArrayDeque or a
// LinkedList): what is empty throws or answers null as Java's do.
class DequeOps
{
    static .internal.object first(var d, bool strict)
    {
        if (d.size____I() == 0) {
            if (strict)
                throw new .jvm.java.util.NoSuchElementException();
            return null;
        }
        return d.peekAt(0);
    }

    static .internal.object last(var d, bool strict)
    {
        int n = d.size____I();
        if (n == 0) {
            if (strict)
                throw new .jvm.java.util.NoSuchElementException();
            return null;
        }
        return d.peekAt(n - 1);
    }

    static .internal.object takeFirst(var d, bool strict)
    {
        if (d.size____I() == 0) {
            if (strict)
                throw new .jvm.java.util.NoSuchElementException();
            return null;
        }
        return d.takeFirst();
    }

    static .internal.object takeLast(var d, bool strict)
    {
        if (d.size____I() == 0) {
            if (strict)
                throw new .jvm.java.util.NoSuchElementException();
            return null;
        }
        return d.takeLast();
    }

    // descendingIterator: over a copy, whose remove is refused
    static .internal.object descending(var d)
    {
        var a = new void[]();
        for (int i = d.size____I() - 1; i >= 0; i--)
            a.add(d.peekAt(i));
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), a).iterator____Ljava_util_Iterator_2();
    }
};

class ArrayDeque extends .jvm.java.util.AbstractCollection implements .jvm.java.util.Deque
{
    var elems;       // the elements are elems[head] .. elems[size - 1]
    var head : int;
    var modCount : int;

    void _4init_5____V() { elems = new void[](); head = 0; modCount = 0; }

    void _4init_5__I__V(int n) { _4init_5____V(); }

    void _4init_5__Ljava_util_Collection_2__V(var c)
    {
        _4init_5____V();
        addAll__Ljava_util_Collection_2__Z(c);
    }

    int size____I() { return elems.size() - head; }
    .internal.object peekAt(int i) { return elems[head + i]; }

    static .internal.object nonNull(var o)
    {
        if (o :== null)
            throw .javart.rt.npe(null);
        return o;
    }

    void insertFirst(var o)
    {
        nonNull(o);
        if (head > 0) {
            head--;
            elems[head] = o;
        } else
            elems.insert(0, o);
        modCount++;
    }

    void insertLast(var o)
    {
        elems.add(nonNull(o));
        modCount++;
    }

    // Drops the vacated front once it is half the array, so the array
    // stays at most twice the deque.
    .internal.object takeFirst()
    {
        var o = elems[head];
        elems[head] = null;
        head++;
        if (head == elems.size()) {
            elems.clear();
            head = 0;
        } else if (head >= 16 && head * 2 >= elems.size()) {
            elems = elems.slice(head, elems.size());
            head = 0;
        }
        modCount++;
        return o;
    }

    .internal.object takeLast()
    {
        modCount++;
        var o = elems.pop();
        if (head == elems.size()) {
            elems.clear();
            head = 0;
        }
        return o;
    }

    void removeAtIndex(int i)
    {
        elems.removeAt(head + i);
        modCount++;
    }

    void clear____V() { elems.clear(); head = 0; modCount++; }

    int add__Ljava_lang_Object_2__Z(var o) { insertLast(o); return 1; }
    int offer__Ljava_lang_Object_2__Z(var o) { insertLast(o); return 1; }
    void addFirst__Ljava_lang_Object_2__V(var o) { insertFirst(o); }
    void addLast__Ljava_lang_Object_2__V(var o) { insertLast(o); }
    int offerFirst__Ljava_lang_Object_2__Z(var o) { insertFirst(o); return 1; }
    int offerLast__Ljava_lang_Object_2__Z(var o) { insertLast(o); return 1; }
    void push__Ljava_lang_Object_2__V(var o) { insertFirst(o); }
    .internal.object pop____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object poll____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, false); }
    .internal.object remove____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object removeFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object pollFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, false); }
    .internal.object removeLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeLast(this, true); }
    .internal.object pollLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeLast(this, false); }
    .internal.object peek____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, false); }
    .internal.object element____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, true); }
    .internal.object getFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, true); }
    .internal.object peekFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, false); }
    .internal.object getLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.last(this, true); }
    .internal.object peekLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.last(this, false); }
    .internal.object descendingIterator____Ljava_util_Iterator_2() { return .jvm.java.util.DequeOps.descending(this); }

    int remove__Ljava_lang_Object_2__Z(var o)
    {
        for (int i = 0; i < size____I(); i++)
            if (.jvm.java.lang.Object.s_equals(o, elems[head + i]) != 0) {
                removeAtIndex(i);
                return 1;
            }
        return 0;
    }

    .internal.object iterator____Ljava_util_Iterator_2()
    {
        var it = new .jvm.java.util.ArrayDequeItr();
        it.d = this;
        it.next = 0;
        it.last = -1;
        it.expected = modCount;
        return it;
    }

    // Java's ArrayDeque has Object's equals and hashCode
    int equals__Ljava_lang_Object_2__Z(var o) { return .javart.rt.zb(this :== o); }
    int hashCode____I() { return .javart.rt.identityHash(this); }
};

class ArrayDequeItr extends .jvm.java.lang.Object implements .jvm.java.util.Iterator
{
    .jvm.java.util.ArrayDeque d;
    var next : int;
    var last : int;
    var expected : int;

    int hasNext____Z() { return .javart.rt.zb(next < d.size____I()); }

    .internal.object next____Ljava_lang_Object_2()
    {
        if (d.modCount != expected)
            throw new .jvm.java.util.ConcurrentModificationException();
        if (next >= d.size____I())
            throw new .jvm.java.util.NoSuchElementException();
        last = next;
        next++;
        return d.peekAt(last);
    }

    void remove____V()
    {
        if (last < 0)
            throw new .jvm.java.lang.IllegalStateException();
        d.removeAtIndex(last);
        next = last;
        last = -1;
        expected = d.modCount;
    }
};

class LinkedList extends .jvm.java.util.ArrayList implements .jvm.java.util.Deque
{
    .internal.object peekAt(int i) { return elems[i]; }
    void insertFirst(var o) { elems.insert(0, o); modCount++; }
    void insertLast(var o) { elems.add(o); modCount++; }
    .internal.object takeFirst() { modCount++; return elems.removeAt(0); }
    .internal.object takeLast() { modCount++; return elems.pop(); }

    int offer__Ljava_lang_Object_2__Z(var o) { insertLast(o); return 1; }
    void addFirst__Ljava_lang_Object_2__V(var o) { insertFirst(o); }
    void addLast__Ljava_lang_Object_2__V(var o) { insertLast(o); }
    int offerFirst__Ljava_lang_Object_2__Z(var o) { insertFirst(o); return 1; }
    int offerLast__Ljava_lang_Object_2__Z(var o) { insertLast(o); return 1; }
    void push__Ljava_lang_Object_2__V(var o) { insertFirst(o); }
    .internal.object pop____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object poll____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, false); }
    .internal.object remove____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object removeFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, true); }
    .internal.object pollFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeFirst(this, false); }
    .internal.object removeLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeLast(this, true); }
    .internal.object pollLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.takeLast(this, false); }
    .internal.object peek____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, false); }
    .internal.object element____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, true); }
    .internal.object peekFirst____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.first(this, false); }
    .internal.object peekLast____Ljava_lang_Object_2() { return .jvm.java.util.DequeOps.last(this, false); }
    .internal.object descendingIterator____Ljava_util_Iterator_2() { return .jvm.java.util.DequeOps.descending(this); }
};
