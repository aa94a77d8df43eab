// .phantom.util.set: a set of values of any kind, without duplicates.
// Elements are compared with their equals and hashCode (as map keys are);
// toArray() lists them in the order they were first added.
package .phantom.util;

class set
{
    var elems : map;   // element -> true

    void set()
    {
        elems = new map();
    }

    // A new set of the elements of the array a (duplicates once).
    static set fromArray(void[] a)
    {
        set s = new set();
        foreach (x in a)
            s.add(x);
        return s;
    }

    int size()
    {
        return elems.size();
    }

    bool isEmpty()
    {
        return elems.isEmpty();
    }

    // Adds x; false if it was already there.
    bool add(var x)
    {
        if (elems.containsKey(x))
            return false;
        elems.put(x, true);
        return true;
    }

    // Adds every element of other.
    void addAll(set other)
    {
        foreach (x in other.toArray())
            add(x);
    }

    bool contains(var x)
    {
        return elems.containsKey(x);
    }

    // Removes x; false if it was not there.
    bool remove(var x)
    {
        if (!elems.containsKey(x))
            return false;
        elems.remove(x);
        return true;
    }

    void clear()
    {
        elems.clear();
    }

    // A new set of the elements in this set, in other, or in both.
    set union(set other)
    {
        set r = new set();
        r.addAll(this);
        r.addAll(other);
        return r;
    }

    // A new set of the elements in both this set and other.
    set intersection(set other)
    {
        set r = new set();
        foreach (x in toArray())
            if (other.contains(x))
                r.add(x);
        return r;
    }

    // A new set of the elements in this set but not in other.
    set difference(set other)
    {
        set r = new set();
        foreach (x in toArray())
            if (!other.contains(x))
                r.add(x);
        return r;
    }

    // True if every element of this set is in other.
    bool isSubsetOf(set other)
    {
        foreach (x in toArray())
            if (!other.contains(x))
                return false;
        return true;
    }

    // A new array of the elements, in the order they were added.
    void[] toArray()
    {
        return elems.keys();
    }

    string toString()
    {
        void[] texts = new void[]();
        foreach (x in toArray())
            texts.add("" + x);
        return "{" + texts.join(", ") + "}";
    }

    // Equal to another set with the same elements, in any order.
    bool equals(var other)
    {
        if (!(other instanceof set))
            return false;
        set o = (set) other;
        return o.size() == size() && isSubsetOf(o);
    }

    // The sum of the elements' hashes: the same for equal sets.
    int hashCode()
    {
        int h = 0;
        foreach (x in toArray())
            h += objects.hash(x);
        return h;
    }
};
