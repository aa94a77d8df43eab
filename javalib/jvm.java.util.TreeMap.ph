// java.util.TreeMap and TreeSet (docs/JAVA.md): the entries in a Phantom
// array kept sorted by the keys' natural order or the comparator, found
// by binary search, so iteration is in key order as in Java.  Insertion
// and removal shift the array (a memory move), which for the sizes
// programs keep in one map costs less than a tree's allocations.
package .jvm.java.util;

class TreeMap extends .jvm.java.util.AbstractMap
{
    var ents;    // MapEntry, ascending by key
    var cmp;     // a Comparator, or null for compareTo

    void _4init_5____V() { ents = new void[](); cmp = null; }

    void _4init_5__Ljava_util_Comparator_2__V(var c) { ents = new void[](); cmp = c; }

    void _4init_5__Ljava_util_Map_2__V(var m)
    {
        _4init_5____V();
        putAll__Ljava_util_Map_2__V(m);
    }

    int compare(var a, var b)
    {
        if (cmp :== null)
            return .jvm.java.lang.Object.s_compareTo(a, b);
        return cmp.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a, b);
    }

    // The index of k's entry, else -(where it would go) - 1.
    int search(var k)
    {
        int lo = 0;
        int hi = ents.size() - 1;
        if (hi < 0)
            compare(k, k);   // as Java: a null key or one with no order throws
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            var e = (.jvm.java.util.MapEntry) ents[mid];
            int c = compare(e.key, k);
            if (c < 0)
                lo = mid + 1;
            else if (c > 0)
                hi = mid - 1;
            else
                return mid;
        }
        return -(lo + 1);
    }

    .jvm.java.util.MapEntry find(var k)
    {
        int i = search(k);
        if (i < 0)
            return null;
        return ents[i];
    }

    int size____I() { return ents.size(); }

    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        int i = search(k);
        if (i >= 0) {
            var e = (.jvm.java.util.MapEntry) ents[i];
            var old = e.value;
            e.value = v;
            return old;
        }
        var ne = new .jvm.java.util.MapEntry();
        ne.key = k;
        ne.value = v;
        ents.insert(-(i + 1), ne);
        return null;
    }

    .internal.object remove__Ljava_lang_Object_2__Ljava_lang_Object_2(var k)
    {
        int i = search(k);
        if (i < 0)
            return null;
        var e = (.jvm.java.util.MapEntry) ents.removeAt(i);
        return e.value;
    }

    void clear____V() { ents.clear(); }

    .internal.object view(int what)
    {
        var v = .jvm.java.util.MapView.of(this);
        for (int i = 0; i < ents.size(); i++)
            v.addEntry((.jvm.java.util.MapEntry) ents[i], what);
        return v;
    }

    // The entry at index i, null outside the map.
    .jvm.java.util.MapEntry at(int i)
    {
        if (i < 0 || i >= ents.size())
            return null;
        return ents[i];
    }

    static .internal.object keyOf(.jvm.java.util.MapEntry e)
    {
        if (e :== null)
            return null;
        return e.key;
    }

    static .internal.object strictKey(.jvm.java.util.MapEntry e)
    {
        if (e :== null)
            throw new .jvm.java.util.NoSuchElementException();
        return e.key;
    }

    // The index of the greatest key below k (or equal, orEqual), and of
    // the least key above it.
    int below(var k, bool orEqual)
    {
        int i = search(k);
        if (i >= 0)
            return orEqual ? i : i - 1;
        return -(i + 1) - 1;
    }

    int above(var k, bool orEqual)
    {
        int i = search(k);
        if (i >= 0)
            return orEqual ? i : i + 1;
        return -(i + 1);
    }

    .internal.object firstKey____Ljava_lang_Object_2() { return strictKey(at(0)); }
    .internal.object lastKey____Ljava_lang_Object_2() { return strictKey(at(ents.size() - 1)); }
    .internal.object floorKey__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return keyOf(at(below(k, true))); }
    .internal.object lowerKey__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return keyOf(at(below(k, false))); }
    .internal.object ceilingKey__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return keyOf(at(above(k, true))); }
    .internal.object higherKey__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return keyOf(at(above(k, false))); }
    .internal.object firstEntry____Ljava_util_Map_00024Entry_2() { return at(0); }
    .internal.object lastEntry____Ljava_util_Map_00024Entry_2() { return at(ents.size() - 1); }
    .internal.object floorEntry__Ljava_lang_Object_2__Ljava_util_Map_00024Entry_2(var k) { return at(below(k, true)); }
    .internal.object lowerEntry__Ljava_lang_Object_2__Ljava_util_Map_00024Entry_2(var k) { return at(below(k, false)); }
    .internal.object ceilingEntry__Ljava_lang_Object_2__Ljava_util_Map_00024Entry_2(var k) { return at(above(k, true)); }
    .internal.object higherEntry__Ljava_lang_Object_2__Ljava_util_Map_00024Entry_2(var k) { return at(above(k, false)); }

    .internal.object pollFirstEntry____Ljava_util_Map_00024Entry_2()
    {
        if (ents.size() == 0)
            return null;
        return ents.removeAt(0);
    }

    .internal.object pollLastEntry____Ljava_util_Map_00024Entry_2()
    {
        if (ents.size() == 0)
            return null;
        return ents.pop();
    }

    .internal.object headMap__Ljava_lang_Object_2__Ljava_util_SortedMap_2(var k) { return range(0, above(k, true)); }
    .internal.object tailMap__Ljava_lang_Object_2__Ljava_util_SortedMap_2(var k) { return range(above(k, true), ents.size()); }

    // headMap and tailMap: copies of the range, not views
    .internal.object range(int from, int to)
    {
        var m = new .jvm.java.util.TreeMap();
        m._4init_5__Ljava_util_Comparator_2__V(cmp);
        for (int i = from; i < to; i++) {
            var from_e = (.jvm.java.util.MapEntry) ents[i];
            var e = new .jvm.java.util.MapEntry();
            e.key = from_e.key;
            e.value = from_e.value;
            m.ents.add(e);
        }
        return m;
    }
};

class TreeSet extends .jvm.java.util.HashSet
{
    void _4init_5____V()
    {
        var m = new .jvm.java.util.TreeMap();
        m._4init_5____V();
        map = m;
    }

    void _4init_5__Ljava_util_Comparator_2__V(var c)
    {
        var m = new .jvm.java.util.TreeMap();
        m._4init_5__Ljava_util_Comparator_2__V(c);
        map = m;
    }

    .jvm.java.util.TreeMap tree() { return (.jvm.java.util.TreeMap) map; }

    .internal.object first____Ljava_lang_Object_2() { return tree().firstKey____Ljava_lang_Object_2(); }
    .internal.object last____Ljava_lang_Object_2() { return tree().lastKey____Ljava_lang_Object_2(); }
    .internal.object floor__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return tree().floorKey__Ljava_lang_Object_2__Ljava_lang_Object_2(k); }
    .internal.object lower__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return tree().lowerKey__Ljava_lang_Object_2__Ljava_lang_Object_2(k); }
    .internal.object ceiling__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return tree().ceilingKey__Ljava_lang_Object_2__Ljava_lang_Object_2(k); }
    .internal.object higher__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { return tree().higherKey__Ljava_lang_Object_2__Ljava_lang_Object_2(k); }
    .internal.object pollFirst____Ljava_lang_Object_2() { return .jvm.java.util.TreeMap.keyOf((.jvm.java.util.MapEntry) tree().pollFirstEntry____Ljava_util_Map_00024Entry_2()); }
    .internal.object pollLast____Ljava_lang_Object_2() { return .jvm.java.util.TreeMap.keyOf((.jvm.java.util.MapEntry) tree().pollLastEntry____Ljava_util_Map_00024Entry_2()); }
};
