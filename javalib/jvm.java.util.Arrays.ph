// java.util.Arrays and HashSet (docs/JAVA.md).  Sorting primitives
// gives the JVM's result whatever the algorithm (doubles in Java's total
// order: -0.0 before 0.0, NaN last); sorting objects is stable, as the
// JVM's is.
package .jvm.java.util;

class Arrays
{
    static void sortNumbers(var a, int from, int to, bool floating)
    {
        if (a :== null)
            throw .javart.rt.npe(null);
        if (from > to)
            throw .jvm.java.lang.Integer.iae("fromIndex(" + from + ") > toIndex(" + to + ")");
        if (from < 0 || to > a.size())
            throw .javart.rt.aioobe(from < 0 ? from : to, a.size());
        // insertion sort of short runs, merge sort above: any order of
        // equal primitives is the same result
        var part = a.slice(from, to);
        if (floating)
            .jvm.java.util.Collections.sortArray(part, new .jvm.java.util.DoubleOrder());
        else
            part.sort();
        for (int i = 0; i < part.size(); i++)
            a[from + i] = part[i];
    }

    static void sort___3I__V(var a) { sortNumbers(a, 0, a.size(), false); }
    static void sort___3J__V(var a) { sortNumbers(a, 0, a.size(), false); }
    static void sort___3C__V(var a) { sortNumbers(a, 0, a.size(), false); }
    static void sort___3B__V(var a) { sortNumbers(a, 0, a.size(), false); }
    static void sort___3S__V(var a) { sortNumbers(a, 0, a.size(), false); }
    static void sort___3D__V(var a) { sortNumbers(a, 0, a.size(), true); }
    static void sort___3F__V(var a) { sortNumbers(a, 0, a.size(), true); }
    static void sort___3III__V(var a, int f, int t) { sortNumbers(a, f, t, false); }

    static void sort___3Ljava_lang_Object_2__V(var a)
    {
        .jvm.java.util.Collections.sortArray(a, null);
    }

    static void sort___3Ljava_lang_Object_2Ljava_util_Comparator_2__V(var a, var c)
    {
        .jvm.java.util.Collections.sortArray(a, c);
    }

    static string toString(var a, int kind)
    {
        if (a :== null)
            return "null";
        var parts = new void[]();
        for (int i = 0; i < a.size(); i++) {
            if (kind == 1)
                parts.add(.javart.rt.strZ(a[i]));
            else if (kind == 2)
                parts.add(.javart.rt.strC(a[i]));
            else
                parts.add(.jvm.java.lang.Object.valueOf(a[i]));
        }
        return "[" + parts.join(", ") + "]";
    }

    static string toString___3I__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3J__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3D__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3F__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3B__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3S__Ljava_lang_String_2(var a) { return toString(a, 0); }
    static string toString___3Z__Ljava_lang_String_2(var a) { return toString(a, 1); }
    static string toString___3C__Ljava_lang_String_2(var a) { return toString(a, 2); }
    static string toString___3Ljava_lang_Object_2__Ljava_lang_String_2(var a) { return toString(a, 0); }

    static void fill(var a, var v)
    {
        if (a :== null)
            throw .javart.rt.npe(null);
        for (int i = 0; i < a.size(); i++)
            a[i] = v;
    }

    static void fill___3II__V(var a, int v) { fill(a, v); }
    static void fill___3JJ__V(var a, var v) { fill(a, v); }
    static void fill___3DD__V(var a, double v) { fill(a, v); }
    static void fill___3ZZ__V(var a, var v) { fill(a, v); }
    static void fill___3CC__V(var a, var v) { fill(a, v); }
    static void fill___3Ljava_lang_Object_2Ljava_lang_Object_2__V(var a, var v) { fill(a, v); }

    static .internal.object copyOf(var a, int n, var zero)
    {
        if (n < 0) {
            var e = new .jvm.java.lang.NegativeArraySizeException();
            e.setMessage("" + n);
            throw e;
        }
        var r = .javart.rt.newarray(n, zero);
        for (int i = 0; i < n && i < a.size(); i++)
            r[i] = a[i];
        return r;
    }

    static .internal.object copyOf___3II___3I(var a, int n) { return copyOf(a, n, 0); }
    static .internal.object copyOf___3JI___3J(var a, int n) { return copyOf(a, n, 0L); }
    static .internal.object copyOf___3DI___3D(var a, int n) { return copyOf(a, n, 0.0); }
    static .internal.object copyOf___3CI___3C(var a, int n) { return copyOf(a, n, 0); }
    static .internal.object copyOf___3Ljava_lang_Object_2I___3Ljava_lang_Object_2(var a, int n) { return copyOf(a, n, null); }

    static int equals(var a, var b)
    {
        if (a :== b)
            return 1;
        if (a :== null || b :== null || a.size() != b.size())
            return 0;
        for (int i = 0; i < a.size(); i++)
            if (!(a[i] :== b[i]))
                return 0;
        return 1;
    }

    static int equals___3I_3I__Z(var a, var b) { return equals(a, b); }
    static int equals___3J_3J__Z(var a, var b) { return equals(a, b); }
    static int equals___3C_3C__Z(var a, var b) { return equals(a, b); }

    static .internal.object asList___3Ljava_lang_Object_2__Ljava_util_List_2(var a)
    {
        var l = new .jvm.java.util.ArrayList();
        l._4init_5____V();
        for (int i = 0; i < a.size(); i++)
            l.elems.add(a[i]);
        return l;
    }
};

// Java's total order of doubles (Double.compare), for sorting.
class DoubleOrder extends .jvm.java.lang.Object implements .jvm.java.util.Comparator
{
    int compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(var a, var b)
    {
        return .jvm.java.lang.Double.compare__DD__I(a, b);
    }
};

class HashSet extends .jvm.java.util.AbstractCollection implements .jvm.java.util.Set
{
    .jvm.java.util.AbstractMap map;   // a HashMap, LinkedHashMap or TreeMap

    void _4init_5____V()
    {
        var m = new .jvm.java.util.HashMap();
        m._4init_5____V();
        map = m;
    }

    void _4init_5__Ljava_util_Collection_2__V(var c)
    {
        _4init_5____V();
        addAll__Ljava_util_Collection_2__Z(c);
    }

    int size____I() { return map.size____I(); }
    int contains__Ljava_lang_Object_2__Z(var o) { return map.containsKey__Ljava_lang_Object_2__Z(o); }

    int add__Ljava_lang_Object_2__Z(var o)
    {
        if (map.containsKey__Ljava_lang_Object_2__Z(o) != 0)
            return 0;
        map.put__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(o, true);
        return 1;
    }

    int remove__Ljava_lang_Object_2__Z(var o)
    {
        if (map.containsKey__Ljava_lang_Object_2__Z(o) == 0)
            return 0;
        map.remove__Ljava_lang_Object_2__Ljava_lang_Object_2(o);
        return 1;
    }

    void clear____V() { map.clear____V(); }

    // the keys view: its iterator's remove removes from the map
    .internal.object iterator____Ljava_util_Iterator_2()
    {
        var keys;
        keys = map.view(0);
        return keys.iterator____Ljava_util_Iterator_2();
    }

    .internal.object items() { return ((.jvm.java.util.MapView) map.view(0)).elems; }

    int hashCode____I()
    {
        int h = 0;
        var keys;
        keys = items();
        for (int i = 0; i < keys.size(); i++)
            h += .jvm.java.util.Objects.hashCode__Ljava_lang_Object_2__I(keys[i]);
        return h;
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        if (o :== this)
            return 1;
        if (!(o instanceof .jvm.java.util.Set) || o.size____I() != size____I())
            return 0;
        return containsAll__Ljava_util_Collection_2__Z(o);
    }
};

// LinkedHashSet: a HashSet over a LinkedHashMap (insertion order).
class LinkedHashSet extends .jvm.java.util.HashSet
{
    void _4init_5____V()
    {
        var m = new .jvm.java.util.LinkedHashMap();
        m._4init_5____V();
        map = m;
    }
};
