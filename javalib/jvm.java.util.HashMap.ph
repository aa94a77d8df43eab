// java.util.Map and HashMap (docs/JAVA.md), with Java's table so that
// iteration order is the JVM's: buckets of a power-of-two table indexed
// by (h ^ h >>> 16) & (n - 1) of the key's Java hashCode, new entries at
// the end of their bucket, the table doubled (entries split in order)
// when the size passes three quarters of it.
package .jvm.java.util;

interface Map
{
    int size____I();
    int isEmpty____Z();
    .internal.object get__Ljava_lang_Object_2__Ljava_lang_Object_2(var k);
    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v);
    .internal.object remove__Ljava_lang_Object_2__Ljava_lang_Object_2(var k);
    int containsKey__Ljava_lang_Object_2__Z(var k);
    int containsValue__Ljava_lang_Object_2__Z(var v);
    .internal.object getOrDefault__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var d);
    .internal.object putIfAbsent__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v);
    void putAll__Ljava_util_Map_2__V(var m);
    void forEach__Ljava_util_function_BiConsumer_2__V(var f);
    .internal.object merge__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var v, var f);
    .internal.object computeIfAbsent__Ljava_lang_Object_2Ljava_util_function_Function_2__Ljava_lang_Object_2(var k, var f);
    .internal.object computeIfPresent__Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var f);
    .internal.object compute__Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var f);
    .internal.object keySet____Ljava_util_Set_2();
    .internal.object values____Ljava_util_Collection_2();
    .internal.object entrySet____Ljava_util_Set_2();
    void clear____V();

    static .internal.object of____Ljava_util_Map_2()
    {
        var xs = new void[]();
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j, var k, var l)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        xs.add(k);
        xs.add(l);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j, var k, var l, var m, var n)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        xs.add(k);
        xs.add(l);
        xs.add(m);
        xs.add(n);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j, var k, var l, var m, var n, var o, var p)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        xs.add(k);
        xs.add(l);
        xs.add(m);
        xs.add(n);
        xs.add(o);
        xs.add(p);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j, var k, var l, var m, var n, var o, var p, var q, var r)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        xs.add(k);
        xs.add(l);
        xs.add(m);
        xs.add(n);
        xs.add(o);
        xs.add(p);
        xs.add(q);
        xs.add(r);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j, var k, var l, var m, var n, var o, var p, var q, var r, var s, var t)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        xs.add(h);
        xs.add(i);
        xs.add(j);
        xs.add(k);
        xs.add(l);
        xs.add(m);
        xs.add(n);
        xs.add(o);
        xs.add(p);
        xs.add(q);
        xs.add(r);
        xs.add(s);
        xs.add(t);
        return .jvm.java.util.ImmutableMap.of(xs);
    }
    static .internal.object entry__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Map_00024Entry_2(var k, var v)
    {
        if (k :== null || v :== null)
            throw .javart.rt.npe(null);
        var e = new .jvm.java.util.ImmutableEntry();
        e.key = k;
        e.value = v;
        return e;
    }

    static .internal.object ofEntries___3Ljava_util_Map_00024Entry_2__Ljava_util_Map_2(var es)
    {
        var kvs = new void[]();
        for (int i = 0; i < es.size(); i++) {
            kvs.add(es[i].getKey____Ljava_lang_Object_2());
            kvs.add(es[i].getValue____Ljava_lang_Object_2());
        }
        return .jvm.java.util.ImmutableMap.of(kvs);
    }

    static .internal.object copyOf__Ljava_util_Map_2__Ljava_util_Map_2(var m)
    {
        var kvs = new void[]();
        var it = m.entrySet____Ljava_util_Set_2().iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0) {
            var e = it.next____Ljava_lang_Object_2();
            kvs.add(e.getKey____Ljava_lang_Object_2());
            kvs.add(e.getValue____Ljava_lang_Object_2());
        }
        return .jvm.java.util.ImmutableMap.of(kvs);
    }
};

interface Map_Entry
{
    .internal.object getKey____Ljava_lang_Object_2();
    .internal.object getValue____Ljava_lang_Object_2();
    .internal.object setValue__Ljava_lang_Object_2__Ljava_lang_Object_2(var v);

    static .internal.object comparingByKey____Ljava_util_Comparator_2() { return .jvm.java.util.KeyOrder.make(null, 3, false); }
    static .internal.object comparingByValue____Ljava_util_Comparator_2() { return .jvm.java.util.KeyOrder.make(null, 4, false); }
};

class MapEntry extends .jvm.java.lang.Object implements .jvm.java.util.Map_Entry
{
    var key;
    var value;
    var hash : int;
    var nextEntry;
    var before;     // LinkedHashMap's order (null in other maps)
    var after;

    .internal.object getKey____Ljava_lang_Object_2() { return key; }
    .internal.object getValue____Ljava_lang_Object_2() { return value; }

    .internal.object setValue__Ljava_lang_Object_2__Ljava_lang_Object_2(var v)
    {
        var old = value;
        value = v;
        return old;
    }

    string toString____Ljava_lang_String_2()
    {
        return .jvm.java.lang.Object.valueOf(key) + "=" + .jvm.java.lang.Object.valueOf(value);
    }

    int hashCode____I()
    {
        return .jvm.java.util.Objects.hashCode__Ljava_lang_Object_2__I(key) ^
               .jvm.java.util.Objects.hashCode__Ljava_lang_Object_2__I(value);
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        if (!(o instanceof .jvm.java.util.MapEntry))
            return 0;
        var e = (.jvm.java.util.MapEntry) o;
        return .javart.rt.zb(.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(key, e.key) != 0 &&
                             .jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(value, e.value) != 0);
    }
};

// keySet(), values() and entrySet(): lists of what the map holds when
// asked, not live views of later changes; but removing through one (its
// remove, removeIf, clear, or its iterator's remove) removes the key from
// the map, as Java's views do.  ents[i] is the entry of elems[i].
class MapView extends .jvm.java.util.ArrayList implements .jvm.java.util.Set
{
    var owner;
    var ents;

    static .jvm.java.util.MapView of(var owner)
    {
        var v = new .jvm.java.util.MapView();
        v._4init_5____V();
        v.owner = owner;
        v.ents = new void[]();
        return v;
    }

    // 0 keys, 1 values, 2 entries.
    void addEntry(.jvm.java.util.MapEntry me, int what)
    {
        if (what == 0)
            elems.add(me.key);
        else if (what == 1)
            elems.add(me.value);
        else
            elems.add(me);
        ents.add(me);
    }

    void removeAtIndex(int i)
    {
        var e = (.jvm.java.util.MapEntry) ents[i];
        owner.remove__Ljava_lang_Object_2__Ljava_lang_Object_2(e.key);
        ents.removeAt(i);
        super.removeAtIndex(i);
    }

    int add__Ljava_lang_Object_2__Z(var o) { throw new .jvm.java.lang.UnsupportedOperationException(); }

    void clear____V()
    {
        owner.clear____V();
        ents.clear();
        super.clear____V();
    }
};

// What HashMap, LinkedHashMap and TreeMap share: Map's methods written
// with find (the entry of a key, or null), put, remove and view (the
// keys, values or entries in iteration order).  The compute family calls
// beforeCompute first and adds a new key with insertComputed, which
// HashMap overrides to place it as Java's HashMap does.
class AbstractMap extends .jvm.java.lang.Object implements .jvm.java.util.Map
{
    .jvm.java.util.MapEntry find(var k) { throw new .jvm.java.lang.UnsupportedOperationException(); }
    .internal.object view(int what) { throw new .jvm.java.lang.UnsupportedOperationException(); }
    int size____I() { throw new .jvm.java.lang.UnsupportedOperationException(); }
    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        throw new .jvm.java.lang.UnsupportedOperationException();
    }
    .internal.object remove__Ljava_lang_Object_2__Ljava_lang_Object_2(var k)
    {
        throw new .jvm.java.lang.UnsupportedOperationException();
    }
    void clear____V() { throw new .jvm.java.lang.UnsupportedOperationException(); }
    void beforeCompute() {}

    void insertComputed(var k, var v)
    {
        put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, v);
    }

    int isEmpty____Z() { return .javart.rt.zb(size____I() == 0); }

    .internal.object get__Ljava_lang_Object_2__Ljava_lang_Object_2(var k)
    {
        var e = find(k);
        if (e :== null)
            return null;
        return e.value;
    }

    .internal.object getOrDefault__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var d)
    {
        var e = find(k);
        if (e :== null)
            return d;
        return e.value;
    }

    int containsKey__Ljava_lang_Object_2__Z(var k)
    {
        return .javart.rt.zb(!(find(k) :== null));
    }

    int containsValue__Ljava_lang_Object_2__Z(var v)
    {
        return ((.jvm.java.util.MapView) view(1)).contains__Ljava_lang_Object_2__Z(v);
    }

    .internal.object putIfAbsent__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        var e = find(k);
        if (!(e :== null) && !(e.value :== null))
            return e.value;
        return put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, v);
    }

    void putAll__Ljava_util_Map_2__V(var m)
    {
        var es = m.entrySet____Ljava_util_Set_2();
        var it = es.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0) {
            var e = it.next____Ljava_lang_Object_2();
            put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(e.getKey____Ljava_lang_Object_2(),
                                                                            e.getValue____Ljava_lang_Object_2());
        }
    }

    void forEach__Ljava_util_function_BiConsumer_2__V(var f)
    {
        var es = ((.jvm.java.util.MapView) view(2)).elems;
        for (int i = 0; i < es.size(); i++) {
            var e = (.jvm.java.util.MapEntry) es[i];
            f.accept__Ljava_lang_Object_2Ljava_lang_Object_2__V(e.key, e.value);
        }
    }

    .internal.object merge__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var v, var f)
    {
        beforeCompute();
        var e = find(k);
        if (e :== null) {
            insertComputed(k, v);
            return v;
        }
        if (e.value :== null) {
            e.value = v;
            return v;
        }
        var nv = f.apply__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(e.value, v);
        if (nv :== null)
            remove__Ljava_lang_Object_2__Ljava_lang_Object_2(k);
        else
            e.value = nv;
        return nv;
    }

    .internal.object computeIfAbsent__Ljava_lang_Object_2Ljava_util_function_Function_2__Ljava_lang_Object_2(var k, var f)
    {
        beforeCompute();
        var e = find(k);
        if (!(e :== null) && !(e.value :== null))
            return e.value;
        var v = f.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(k);
        if (v :== null)
            return null;
        if (e :== null)
            insertComputed(k, v);
        else
            e.value = v;
        return v;
    }

    .internal.object computeIfPresent__Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var f)
    {
        var e = find(k);
        if (e :== null || e.value :== null)
            return null;
        var v = f.apply__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, e.value);
        if (v :== null)
            remove__Ljava_lang_Object_2__Ljava_lang_Object_2(k);
        else
            e.value = v;
        return v;
    }

    .internal.object compute__Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var f)
    {
        beforeCompute();
        var e = find(k);
        var old = null;
        if (!(e :== null))
            old = e.value;
        var v = f.apply__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, old);
        if (v :== null) {
            if (!(e :== null))
                remove__Ljava_lang_Object_2__Ljava_lang_Object_2(k);
        } else if (e :== null)
            insertComputed(k, v);
        else
            e.value = v;
        return v;
    }

    .internal.object keySet____Ljava_util_Set_2() { return view(0); }
    .internal.object values____Ljava_util_Collection_2() { return view(1); }
    .internal.object entrySet____Ljava_util_Set_2() { return view(2); }

    int hashCode____I()
    {
        int h = 0;
        var es = ((.jvm.java.util.MapView) view(2)).elems;
        for (int i = 0; i < es.size(); i++)
            h += es[i].hashCode____I();
        return h;
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        if (o :== this)
            return 1;
        if (!(o instanceof .jvm.java.util.Map))
            return 0;
        if (o.size____I() != size____I())
            return 0;
        var es = ((.jvm.java.util.MapView) view(2)).elems;
        for (int i = 0; i < es.size(); i++) {
            var e = (.jvm.java.util.MapEntry) es[i];
            if (o.containsKey__Ljava_lang_Object_2__Z(e.key) == 0 ||
                .jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(
                    e.value, o.get__Ljava_lang_Object_2__Ljava_lang_Object_2(e.key)) == 0)
                return 0;
        }
        return 1;
    }

    string toString____Ljava_lang_String_2()
    {
        var parts = new void[]();
        var es = ((.jvm.java.util.MapView) view(2)).elems;
        for (int i = 0; i < es.size(); i++)
            parts.add(.jvm.java.lang.Object.s_toString(es[i]));
        return "{" + parts.join(", ") + "}";
    }
};

class HashMap extends .jvm.java.util.AbstractMap
{
    var table;    // Phantom array of bucket heads (MapEntry or null)
    var count : int;

    void _4init_5____V()
    {
        table = .javart.rt.newarray(16, null);
        count = 0;
    }

    void _4init_5__I__V(int capacity)
    {
        if (capacity < 0)
            throw .jvm.java.lang.Integer.iae("Illegal initial capacity: " + capacity);
        int n = 1;
        while (n < capacity)
            n = n * 2;
        table = .javart.rt.newarray(n, null);
        count = 0;
    }

    void _4init_5__Ljava_util_Map_2__V(var m)
    {
        _4init_5____V();
        putAll__Ljava_util_Map_2__V(m);
    }

    static int spread(var k)
    {
        if (k :== null)
            return 0;
        int h = .jvm.java.lang.Object.s_hashCode(k);
        return h ^ (h >>> 16);
    }

    .jvm.java.util.MapEntry find(var k)
    {
        int h = spread(k);
        var e = table[h & (table.size() - 1)];
        while (!(e :== null)) {
            var me = (.jvm.java.util.MapEntry) e;
            if (me.hash == h && (me.key :== k || (!(k :== null) && .jvm.java.lang.Object.s_equals(k, me.key) != 0)))
                return me;
            e = me.nextEntry;
        }
        return null;
    }

    int size____I() { return count; }

    // LinkedHashMap keeps its order through these two.
    void linked(.jvm.java.util.MapEntry e) {}
    void unlinked(.jvm.java.util.MapEntry e) {}

    .jvm.java.util.MapEntry newEntry(var k, var v)
    {
        var ne = new .jvm.java.util.MapEntry();
        ne.key = k;
        ne.value = v;
        ne.hash = spread(k);
        linked(ne);
        count++;
        return ne;
    }

    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        var e = find(k);
        if (!(e :== null)) {
            var old = e.value;
            e.value = v;
            return old;
        }
        var ne = newEntry(k, v);
        int i = ne.hash & (table.size() - 1);
        if (table[i] :== null)
            table[i] = ne;
        else {
            var t = (.jvm.java.util.MapEntry) table[i];
            while (!(t.nextEntry :== null))
                t = (.jvm.java.util.MapEntry) t.nextEntry;
            t.nextEntry = ne;
        }
        if (count > table.size() * 3 / 4)
            resize();
        return null;
    }

    // Doubles the table; each bucket splits into a low and a high one,
    // both keeping their entries' order (as Java's resize does).
    void resize()
    {
        int n = table.size();
        var nt = .javart.rt.newarray(n * 2, null);
        for (int i = 0; i < n; i++) {
            var loHead = null;
            var loTail = null;
            var hiHead = null;
            var hiTail = null;
            var e = table[i];
            while (!(e :== null)) {
                var me = (.jvm.java.util.MapEntry) e;
                var nx = me.nextEntry;
                me.nextEntry = null;
                if ((me.hash & n) == 0) {
                    if (loTail :== null) loHead = me; else loTail.nextEntry = me;
                    loTail = me;
                } else {
                    if (hiTail :== null) hiHead = me; else hiTail.nextEntry = me;
                    hiTail = me;
                }
                e = nx;
            }
            nt[i] = loHead;
            nt[i + n] = hiHead;
        }
        table = nt;
    }

    .internal.object remove__Ljava_lang_Object_2__Ljava_lang_Object_2(var k)
    {
        int h = spread(k);
        int i = h & (table.size() - 1);
        var prev = null;
        var e = table[i];
        while (!(e :== null)) {
            var me = (.jvm.java.util.MapEntry) e;
            if (me.hash == h && (me.key :== k || (!(k :== null) && .jvm.java.lang.Object.s_equals(k, me.key) != 0))) {
                if (prev :== null)
                    table[i] = me.nextEntry;
                else
                    prev.nextEntry = me.nextEntry;
                count--;
                unlinked(me);
                return me.value;
            }
            prev = me;
            e = me.nextEntry;
        }
        return null;
    }

    void clear____V()
    {
        table = .javart.rt.newarray(table.size(), null);
        count = 0;
    }

    // 0 keys, 1 values, 2 entries, in iteration order.
    .internal.object view(int what)
    {
        var v = .jvm.java.util.MapView.of(this);
        for (int i = 0; i < table.size(); i++) {
            var e = table[i];
            while (!(e :== null)) {
                var me = (.jvm.java.util.MapEntry) e;
                v.addEntry(me, what);
                e = me.nextEntry;
            }
        }
        return v;
    }

    // merge and the compute family as Java's: the table grows before
    // (not after) the size passes three quarters, and a new entry goes
    // to the front of its bucket.
    void beforeCompute()
    {
        if (count > table.size() * 3 / 4)
            resize();
    }

    void insertComputed(var k, var v)
    {
        var ne = newEntry(k, v);
        int i = ne.hash & (table.size() - 1);
        ne.nextEntry = table[i];
        table[i] = ne;
    }
};

// LinkedHashMap: a HashMap whose entries are also on a list in the order
// their keys were first put, which is its iteration order.
class LinkedHashMap extends .jvm.java.util.HashMap
{
    var first;
    var last;

    void linked(.jvm.java.util.MapEntry e)
    {
        e.before = last;
        if (last :== null)
            first = e;
        else
            last.after = e;
        last = e;
    }

    void unlinked(.jvm.java.util.MapEntry e)
    {
        if (e.before :== null)
            first = e.after;
        else
            e.before.after = e.after;
        if (e.after :== null)
            last = e.before;
        else
            e.after.before = e.before;
        e.before = null;
        e.after = null;
    }

    void clear____V()
    {
        super.clear____V();
        first = null;
        last = null;
    }

    .internal.object view(int what)
    {
        var v = .jvm.java.util.MapView.of(this);
        for (var e = first; !(e :== null); e = e.after)
            v.addEntry((.jvm.java.util.MapEntry) e, what);
        return v;
    }
};
