// .phantom.util.map: a hash map from keys of any kind to values.  Keys are
// compared with their equals and hashed with their hashCode, so objects
// that define both work as keys; numbers and strings compare by value.
// Null is a valid key and a valid value.  keys(), values() and entries()
// list the entries in the order their keys were first put.
package .phantom.util;

class map
{
    var buckets : void[];   // chains of mapEntry, by hash & (buckets.length - 1)
    var order : void[];     // every entry in insertion order; null where one was removed
    var count : int;

    void map()
    {
        clear();
    }

    void clear()
    {
        buckets = new void[16];
        order = new void[]();
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

    // The key's hashCode (objects.hash, without its call: this runs on
    // every access) with its high bits mixed into the low ones, which pick
    // the bucket.  A string's hash is computed once and kept in the string.
    private int hashOf(var key)
    {
        int h = key :== null ? 0 : key.hashCode();
        return h ^ (h >>> 16);
    }

    // Whether an entry's key is key: objects.equal(stored, key) without its
    // calls (== calls stored's own equals, as objects.equal does, and
    // compares strings by length and cached hash before their bytes).
    // The same object is the same key without asking equals.
    private static bool sameKey(var stored, var key)
    {
        return stored :== key || (key :!= null && stored == key);
    }

    private mapEntry find(var key)
    {
        int h = hashOf(key);
        mapEntry e = buckets[h & (buckets.length - 1)];
        while (e != null) {
            if (e.hash == h && sameKey(e.key, key))
                return e;
            e = e.next;
        }
        return null;
    }

    // Maps key to value; returns the value key had, or null.
    .internal.object put(var key, var value)
    {
        mapEntry e = find(key);
        if (e != null) {
            var old = e.value;
            e.value = value;
            return old;
        }
        if (count >= buckets.length * 3 / 4)
            grow();
        e = new mapEntry(key, value, hashOf(key));
        int b = e.hash & (buckets.length - 1);
        e.next = buckets[b];
        buckets[b] = e;
        e.pos = order.length;
        order.add(e);
        count++;
        return null;
    }

    // Puts every entry of other.
    void putAll(map other)
    {
        foreach (x in other.entries()) {
            mapEntry e = x;
            put(e.key, e.value);
        }
    }

    // The value of key, or null if there is none.
    .internal.object get(var key)
    {
        mapEntry e = find(key);
        if (e == null)
            return null;
        return e.value;
    }

    // The value of key, or fallback if there is none.
    .internal.object getOrDefault(var key, var fallback)
    {
        mapEntry e = find(key);
        if (e == null)
            return fallback;
        return e.value;
    }

    // The value of key; NotFoundException if there is none.
    .internal.object getOrThrow(var key)
    {
        mapEntry e = find(key);
        if (e == null)
            throw new .phantom.NotFoundException("getOrThrow: no entry for the key " + key);
        return e.value;
    }

    bool containsKey(var key)
    {
        return find(key) != null;
    }

    bool containsValue(var value)
    {
        foreach (x in order) {
            mapEntry e = x;
            if (e != null && objects.equal(e.value, value))
                return true;
        }
        return false;
    }

    // Removes key's entry; returns its value, or null if there was none.
    .internal.object remove(var key)
    {
        int h = hashOf(key);
        int b = h & (buckets.length - 1);
        mapEntry prev = null;
        mapEntry e = buckets[b];
        while (e != null) {
            if (e.hash == h && sameKey(e.key, key)) {
                if (prev == null)
                    buckets[b] = e.next;
                else
                    prev.next = e.next;
                order[e.pos] = null;
                count--;
                if (count < order.length / 2)
                    compact();
                return e.value;
            }
            prev = e;
            e = e.next;
        }
        return null;
    }

    // The keys, in insertion order.
    void[] keys()
    {
        void[] r = new void[]();
        foreach (x in order) {
            mapEntry e = x;
            if (e != null)
                r.add(e.key);
        }
        return r;
    }

    // The values, in the order of their keys.
    void[] values()
    {
        void[] r = new void[]();
        foreach (x in order) {
            mapEntry e = x;
            if (e != null)
                r.add(e.value);
        }
        return r;
    }

    // The entries (.phantom.util.mapEntry: getKey(), getValue()), in the
    // order of their keys.
    void[] entries()
    {
        void[] r = new void[]();
        foreach (x in order)
            if (x != null)
                r.add(x);
        return r;
    }

    string toString()
    {
        void[] texts = new void[]();
        foreach (x in entries())
            texts.add(x.toString());
        return "{" + texts.join(", ") + "}";
    }

    // Twice the buckets: every entry is linked again.
    private void grow()
    {
        buckets = new void[buckets.length * 2];
        foreach (x in order) {
            mapEntry e = x;
            if (e != null) {
                int b = e.hash & (buckets.length - 1);
                e.next = buckets[b];
                buckets[b] = e;
            }
        }
    }

    // Drops the holes that removals left in order.
    private void compact()
    {
        void[] live = new void[]();
        foreach (x in order) {
            mapEntry e = x;
            if (e != null) {
                e.pos = live.length;
                live.add(e);
            }
        }
        order = live;
    }
};
