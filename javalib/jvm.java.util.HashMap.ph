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
    .internal.object getOrDefault__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var d);
    .internal.object putIfAbsent__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v);
    void forEach__Ljava_util_function_BiConsumer_2__V(var f);
    .internal.object merge__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var v, var f);
    .internal.object computeIfAbsent__Ljava_lang_Object_2Ljava_util_function_Function_2__Ljava_lang_Object_2(var k, var f);
    .internal.object keySet____Ljava_util_Set_2();
    .internal.object values____Ljava_util_Collection_2();
    .internal.object entrySet____Ljava_util_Set_2();
    void clear____V();
};

interface Map_Entry
{
    .internal.object getKey____Ljava_lang_Object_2();
    .internal.object getValue____Ljava_lang_Object_2();
    .internal.object setValue__Ljava_lang_Object_2__Ljava_lang_Object_2(var v);
};

class MapEntry extends .jvm.java.lang.Object implements .jvm.java.util.Map_Entry
{
    var key;
    var value;
    var hash : int;
    var nextEntry;

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
};

// keySet(), values() and entrySet(): lists of what the map holds when
// asked (not live views).
class MapView extends .jvm.java.util.ArrayList implements .jvm.java.util.Set
{
};

class HashMap extends .jvm.java.lang.Object implements .jvm.java.util.Map
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
    int isEmpty____Z() { return .javart.rt.zb(count == 0); }

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

    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        var e = find(k);
        if (!(e :== null)) {
            var old = e.value;
            e.value = v;
            return old;
        }
        var ne = new .jvm.java.util.MapEntry();
        ne.key = k;
        ne.value = v;
        ne.hash = spread(k);
        int i = ne.hash & (table.size() - 1);
        if (table[i] :== null)
            table[i] = ne;
        else {
            var t = (.jvm.java.util.MapEntry) table[i];
            while (!(t.nextEntry :== null))
                t = (.jvm.java.util.MapEntry) t.nextEntry;
            t.nextEntry = ne;
        }
        count++;
        if (count > table.size() * 3 / 4)
            resize();
        return null;
    }

    .internal.object putIfAbsent__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        var e = find(k);
        if (!(e :== null) && !(e.value :== null))
            return e.value;
        return put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, v);
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
        var v = new .jvm.java.util.MapView();
        v._4init_5____V();
        for (int i = 0; i < table.size(); i++) {
            var e = table[i];
            while (!(e :== null)) {
                var me = (.jvm.java.util.MapEntry) e;
                if (what == 0)
                    v.elems.add(me.key);
                else if (what == 1)
                    v.elems.add(me.value);
                else
                    v.elems.add(me);
                e = me.nextEntry;
            }
        }
        return v;
    }

    void forEach__Ljava_util_function_BiConsumer_2__V(var f)
    {
        var es = (.jvm.java.util.MapView) view(2);
        for (int i = 0; i < es.elems.size(); i++) {
            var e = (.jvm.java.util.MapEntry) es.elems[i];
            f.accept__Ljava_lang_Object_2Ljava_lang_Object_2__V(e.key, e.value);
        }
    }

    // merge and computeIfAbsent as Java's: the table grows before (not
    // after) the size passes three quarters, and a new entry goes to the
    // front of its bucket.
    void growFirst()
    {
        if (count > table.size() * 3 / 4)
            resize();
    }

    void putFront(var k, var v)
    {
        var ne = new .jvm.java.util.MapEntry();
        ne.key = k;
        ne.value = v;
        ne.hash = spread(k);
        int i = ne.hash & (table.size() - 1);
        ne.nextEntry = table[i];
        table[i] = ne;
        count++;
    }

    .internal.object merge__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var v, var f)
    {
        growFirst();
        var e = find(k);
        if (e :== null) {
            putFront(k, v);
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
        growFirst();
        var e = find(k);
        if (!(e :== null) && !(e.value :== null))
            return e.value;
        var v = f.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(k);
        if (v :== null)
            return null;
        if (e :== null)
            putFront(k, v);
        else
            e.value = v;
        return v;
    }

    .internal.object keySet____Ljava_util_Set_2() { return view(0); }
    .internal.object values____Ljava_util_Collection_2() { return view(1); }
    .internal.object entrySet____Ljava_util_Set_2() { return view(2); }

    string toString____Ljava_lang_String_2()
    {
        var parts = new void[]();
        var es = (.jvm.java.util.MapView) view(2);
        for (int i = 0; i < es.elems.size(); i++)
            parts.add(.jvm.java.lang.Object.s_toString(es.elems[i]));
        return "{" + parts.join(", ") + "}";
    }
};
