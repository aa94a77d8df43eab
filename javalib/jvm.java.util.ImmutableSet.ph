// Set.of, Map.of, Map.entry and Map.copyOf (docs/JAVA.md): a HashSet and a
// HashMap that refuse every change once made, and refuse null elements,
// keys and values and duplicates, as Java's do.  (The JVM iterates these
// in an order that changes from run to run; here it is HashSet's and
// HashMap's.)
package .jvm.java.util;

class ImmutableSet extends .jvm.java.util.HashSet
{
    var frozen : bool;

    static .jvm.java.util.ImmutableSet of(var xs)
    {
        var s = new .jvm.java.util.ImmutableSet();
        s._4init_5____V();
        s.frozen = false;
        for (int i = 0; i < xs.size(); i++) {
            if (xs[i] :== null)
                throw .javart.rt.npe(null);
            if (s.add__Ljava_lang_Object_2__Z(xs[i]) == 0)
                throw .jvm.java.lang.Integer.iae("duplicate element: " + .jvm.java.lang.Object.s_toString(xs[i]));
        }
        s.frozen = true;
        return s;
    }

    int add__Ljava_lang_Object_2__Z(var o)
    {
        if (frozen)
            throw .jvm.java.util.ImmutableList.uoe();
        return super.add__Ljava_lang_Object_2__Z(o);
    }

    int remove__Ljava_lang_Object_2__Z(var o) { throw .jvm.java.util.ImmutableList.uoe(); }
    void clear____V() { throw .jvm.java.util.ImmutableList.uoe(); }
    int removeIf__Ljava_util_function_Predicate_2__Z(var p) { throw .jvm.java.util.ImmutableList.uoe(); }
    int removeAll__Ljava_util_Collection_2__Z(var c) { throw .jvm.java.util.ImmutableList.uoe(); }
    int retainAll__Ljava_util_Collection_2__Z(var c) { throw .jvm.java.util.ImmutableList.uoe(); }
    .internal.object iterator____Ljava_util_Iterator_2()
    {
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), items()).iterator____Ljava_util_Iterator_2();
    }
};

class ImmutableMap extends .jvm.java.util.HashMap
{
    var frozen : bool;

    // from [k0, v0, k1, v1, ...]
    static .jvm.java.util.ImmutableMap of(var kvs)
    {
        var m = new .jvm.java.util.ImmutableMap();
        m._4init_5____V();
        m.frozen = false;
        for (int i = 0; i + 1 < kvs.size(); i += 2) {
            if (kvs[i] :== null || kvs[i + 1] :== null)
                throw .javart.rt.npe(null);
            if (m.containsKey__Ljava_lang_Object_2__Z(kvs[i]) != 0)
                throw .jvm.java.lang.Integer.iae("duplicate key: " + .jvm.java.lang.Object.s_toString(kvs[i]));
            m.put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(kvs[i], kvs[i + 1]);
        }
        m.frozen = true;
        return m;
    }

    .internal.object put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v)
    {
        if (frozen)
            throw .jvm.java.util.ImmutableList.uoe();
        return super.put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(k, v);
    }

    .internal.object remove__Ljava_lang_Object_2__Ljava_lang_Object_2(var k) { throw .jvm.java.util.ImmutableList.uoe(); }
    void clear____V() { throw .jvm.java.util.ImmutableList.uoe(); }
    void beforeCompute() { throw .jvm.java.util.ImmutableList.uoe(); }
    .internal.object putIfAbsent__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var k, var v) { throw .jvm.java.util.ImmutableList.uoe(); }
    .internal.object computeIfPresent__Ljava_lang_Object_2Ljava_util_function_BiFunction_2__Ljava_lang_Object_2(var k, var f) { throw .jvm.java.util.ImmutableList.uoe(); }
};

// Map.entry(k, v): an entry no map holds, which refuses setValue
class ImmutableEntry extends .jvm.java.util.MapEntry
{
    .internal.object setValue__Ljava_lang_Object_2__Ljava_lang_Object_2(var v) { throw .jvm.java.util.ImmutableList.uoe(); }
};
