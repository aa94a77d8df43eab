// .phantom.util.list: a growable list of any values, indexed from 0.
// Equality of elements (indexOf, contains, remove, equals) calls their
// equals, so classes that define equals are compared by value.
package .phantom.util;

class list
{
    var items : void[];

    void list()
    {
        items = new void[]();
    }

    // A new list holding the elements of the array a, in order.
    static list fromArray(void[] a)
    {
        list l = new list();
        foreach (x in a)
            l.add(x);
        return l;
    }

    int size()
    {
        return items.length;
    }

    bool isEmpty()
    {
        return items.length == 0;
    }

    .internal.object get(int index)
    {
        return items.get(index);
    }

    // Replaces element index; returns the element it had.
    .internal.object set(int index, var value)
    {
        if (index < 0 || index >= items.length)
            throw new .phantom.IndexOutOfRangeException("set: index " + index + " out of range for length " +
                                                        items.length);
        var old = items[index];
        items[index] = value;
        return old;
    }

    void add(var value)
    {
        items.add(value);
    }

    // Adds every element of other at the end.
    void addAll(list other)
    {
        foreach (x in other.toArray())
            items.add(x);
    }

    // Inserts value before element index (index == size() appends).
    void insert(int index, var value)
    {
        items.insert(index, value);
    }

    // Removes element index and returns it.
    .internal.object removeAt(int index)
    {
        return items.removeAt(index);
    }

    // Removes the first element equal to value; false if there is none.
    bool remove(var value)
    {
        int i = indexOf(value);
        if (i < 0)
            return false;
        items.removeAt(i);
        return true;
    }

    int indexOf(var value)
    {
        for (int i = 0; i < items.length; i++)
            if (objects.equal(items[i], value))
                return i;
        return -1;
    }

    int lastIndexOf(var value)
    {
        for (int i = items.length - 1; i >= 0; i--)
            if (objects.equal(items[i], value))
                return i;
        return -1;
    }

    bool contains(var value)
    {
        return indexOf(value) >= 0;
    }

    void clear()
    {
        items.clear();
    }

    .internal.object first()
    {
        if (items.length == 0)
            throw new .phantom.NoSuchElementException("first: the list is empty");
        return items[0];
    }

    .internal.object last()
    {
        if (items.length == 0)
            throw new .phantom.NoSuchElementException("last: the list is empty");
        return items[items.length - 1];
    }

    // Reverses the order of the elements, in place.
    void reverse()
    {
        int i = 0;
        int j = items.length - 1;
        while (i < j) {
            var t = items[i];
            items[i] = items[j];
            items[j] = t;
            i++;
            j--;
        }
    }

    // A new list of the elements from index from up to (not including) to.
    list slice(int from, int to)
    {
        return fromArray(items.slice(from, to));
    }

    // Sorts in natural order (compareTo), stably.
    void sort()
    {
        sort(null);
    }

    // Sorts by the comparator c (natural order if c is null), stably:
    // equivalent elements keep their order.
    void sort(comparator c)
    {
        int n = items.length;
        if (n < 2)
            return;
        void[] tmp = new void[n];
        mergeSort(tmp, 0, n, c);
    }

    private int order(comparator c, var a, var b)
    {
        if (c == null)
            return objects.compare(a, b);
        return c.compare(a, b);
    }

    // Sorts items[lo..hi) using tmp[lo..hi) as scratch space.
    private void mergeSort(void[] tmp, int lo, int hi, comparator c)
    {
        if (hi - lo < 2)
            return;
        int mid = (lo + hi) / 2;
        mergeSort(tmp, lo, mid, c);
        mergeSort(tmp, mid, hi, c);
        if (order(c, items[mid - 1], items[mid]) <= 0)
            return; // the two halves are already in order
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            if (order(c, items[j], items[i]) < 0) {
                tmp[k] = items[j];
                j++;
            } else {
                tmp[k] = items[i];
                i++;
            }
            k++;
        }
        while (i < mid) {
            tmp[k] = items[i];
            i++;
            k++;
        }
        while (j < hi) {
            tmp[k] = items[j];
            j++;
            k++;
        }
        for (k = lo; k < hi; k++)
            items[k] = tmp[k];
    }

    iterator iterator()
    {
        return new listIterator(this);
    }

    // A new array of the elements (changing it does not change the list).
    void[] toArray()
    {
        return items.slice(0, items.length);
    }

    // The elements' text (their toString) with sep between.
    string join(string sep)
    {
        void[] texts = new void[]();
        foreach (x in items)
            texts.add("" + x);
        return texts.join(sep);
    }

    string toString()
    {
        return "[" + join(", ") + "]";
    }

    // Equal to another list with equal elements in the same order.
    bool equals(var other)
    {
        if (!(other instanceof list))
            return false;
        list o = (list) other;
        if (o.size() != items.length)
            return false;
        for (int i = 0; i < items.length; i++)
            if (!objects.equal(items[i], o.get(i)))
                return false;
        return true;
    }

    int hashCode()
    {
        int h = 1;
        foreach (x in items)
            h = 31 * h + objects.hash(x);
        return h;
    }
};
