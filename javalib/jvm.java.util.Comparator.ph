// java.util.Comparator and java.util.Collections' sorting (docs/JAVA.md).
// Sorting is a stable merge sort, so its result is the JVM's (whose
// TimSort is stable too) for any consistent comparator.
package .jvm.java.util;

interface Comparator
{
    int compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(var a, var b);

    static .internal.object naturalOrder____Ljava_util_Comparator_2() { return .jvm.java.util.KeyOrder.make(null, 0, false); }
    static .internal.object reverseOrder____Ljava_util_Comparator_2() { return .jvm.java.util.KeyOrder.make(null, 0, true); }

    static .internal.object comparing__Ljava_util_function_Function_2__Ljava_util_Comparator_2(var f)
    {
        return .jvm.java.util.KeyOrder.make(f, 1, false);
    }

    static .internal.object comparingInt__Ljava_util_function_ToIntFunction_2__Ljava_util_Comparator_2(var f)
    {
        return .jvm.java.util.KeyOrder.make(f, 2, false);
    }
};

// Comparator's default methods (the translator calls these with the
// receiver first): reversed, thenComparing; and Iterable.forEach.
class ChainOrder extends .jvm.java.lang.Object implements .jvm.java.util.Comparator
{
    var first;
    var second;    // compared when first finds the two equal; or null
    var rev : bool;

    static .jvm.java.util.ChainOrder make(var first, var second, bool rev)
    {
        if (first :== null || (second :== null && !rev))
            throw .javart.rt.npe(null);
        var o = new .jvm.java.util.ChainOrder();
        o.first = first;
        o.second = second;
        o.rev = rev;
        return o;
    }

    int compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(var a, var b)
    {
        if (rev)
            return first.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(b, a);
        int c = first.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a, b);
        if (c != 0)
            return c;
        return second.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a, b);
    }

    static .internal.object reversed(var c) { return make(c, null, true); }
    static .internal.object then(var c, var d) { return make(c, d, false); }
    static .internal.object thenKey(var c, var f) { return make(c, .jvm.java.util.KeyOrder.make(f, 1, false), false); }
    static .internal.object thenIntKey(var c, var f) { return make(c, .jvm.java.util.KeyOrder.make(f, 2, false), false); }

    static void iterableForEach(var it, var f)
    {
        if (f :== null)
            throw .javart.rt.npe(null);
        var i = it.iterator____Ljava_util_Iterator_2();
        while (i.hasNext____Z() != 0)
            f.accept__Ljava_lang_Object_2__V(i.next____Ljava_lang_Object_2());
    }
};

// naturalOrder, reverseOrder, comparing, comparingInt and Map.Entry's
// comparingByKey and comparingByValue: compares the values themselves
// (kind 0), the keys a Function (1) or ToIntFunction (2) gives for them,
// or map entries' keys (3) or values (4), reversed or not.
class KeyOrder extends .jvm.java.lang.Object implements .jvm.java.util.Comparator
{
    var key;
    var kind : int;
    var reversed : bool;

    static .jvm.java.util.KeyOrder make(var key, int kind, bool reversed)
    {
        var o = new .jvm.java.util.KeyOrder();
        o.key = key;
        o.kind = kind;
        o.reversed = reversed;
        return o;
    }

    int compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(var a, var b)
    {
        if (reversed) {
            var t = a;
            a = b;
            b = t;
        }
        if (kind == 1)
            return .jvm.java.lang.Object.s_compareTo(key.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(a),
                                                     key.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(b));
        if (kind == 2)
            return .jvm.java.lang.Integer.compare__II__I(key.applyAsInt__Ljava_lang_Object_2__I(a),
                                                         key.applyAsInt__Ljava_lang_Object_2__I(b));
        if (kind == 3)
            return .jvm.java.lang.Object.s_compareTo(a.getKey____Ljava_lang_Object_2(), b.getKey____Ljava_lang_Object_2());
        if (kind == 4)
            return .jvm.java.lang.Object.s_compareTo(a.getValue____Ljava_lang_Object_2(), b.getValue____Ljava_lang_Object_2());
        return .jvm.java.lang.Object.s_compareTo(a, b);
    }
};

class Collections
{
    // Sorts the Phantom array a in place by cmp (null: natural order).
    static void sortArray(var a, var cmp)
    {
        int n = a.size();
        var tmp = .javart.rt.newarray(n, null);
        for (int width = 1; width < n; width = width * 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = mid + width;
                if (hi > n)
                    hi = n;
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int c;
                    if (cmp :== null)
                        c = .jvm.java.lang.Object.s_compareTo(a[j], a[i]);
                    else
                        c = cmp.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a[j], a[i]);
                    if (c < 0) {
                        tmp[k] = a[j];
                        j++;
                    } else {
                        tmp[k] = a[i];
                        i++;
                    }
                    k++;
                }
                while (i < mid) {
                    tmp[k] = a[i];
                    i++;
                    k++;
                }
                while (j < hi) {
                    tmp[k] = a[j];
                    j++;
                    k++;
                }
                for (int m = lo; m < hi; m++)
                    a[m] = tmp[m];
            }
        }
    }

    static void sort__Ljava_util_List_2__V(var list)
    {
        list.sort__Ljava_util_Comparator_2__V(null);
    }

    static void sort__Ljava_util_List_2Ljava_util_Comparator_2__V(var list, var cmp)
    {
        list.sort__Ljava_util_Comparator_2__V(cmp);
    }

    static void reverse__Ljava_util_List_2__V(var list)
    {
        int n = list.size____I();
        for (int i = 0; i < n / 2; i++)
            swap__Ljava_util_List_2II__V(list, i, n - 1 - i);
    }

    static void swap__Ljava_util_List_2II__V(var list, int i, int j)
    {
        list.set__ILjava_lang_Object_2__Ljava_lang_Object_2(i, list.set__ILjava_lang_Object_2__Ljava_lang_Object_2(
                                                                   j, list.get__I__Ljava_lang_Object_2(i)));
    }

    // Java's algorithm, so a seeded Random gives the JVM's order.
    static void shuffle__Ljava_util_List_2Ljava_util_Random_2__V(var list, var rnd)
    {
        for (int i = list.size____I(); i > 1; i--)
            swap__Ljava_util_List_2II__V(list, i - 1, rnd.nextInt__I__I(i));
    }

    // max (most) or min of c by cmp (null: natural order); the first of equals
    static .internal.object extreme(var c, var cmp, bool most)
    {
        var it = c.iterator____Ljava_util_Iterator_2();
        var best = it.next____Ljava_lang_Object_2();
        var order = cmp;
        if (order :== null)
            order = .jvm.java.util.KeyOrder.make(null, 0, false);
        while (it.hasNext____Z() != 0) {
            var x = it.next____Ljava_lang_Object_2();
            int d = order.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(x, best);
            if ((most && d > 0) || (!most && d < 0))
                best = x;
        }
        return best;
    }

    static .internal.object max__Ljava_util_Collection_2__Ljava_lang_Object_2(var c) { return extreme(c, null, true); }
    static .internal.object min__Ljava_util_Collection_2__Ljava_lang_Object_2(var c) { return extreme(c, null, false); }
    static .internal.object max__Ljava_util_Collection_2Ljava_util_Comparator_2__Ljava_lang_Object_2(var c, var cmp) { return extreme(c, cmp, true); }
    static .internal.object min__Ljava_util_Collection_2Ljava_util_Comparator_2__Ljava_lang_Object_2(var c, var cmp) { return extreme(c, cmp, false); }

    static int frequency__Ljava_util_Collection_2Ljava_lang_Object_2__I(var c, var o)
    {
        int n = 0;
        var it = c.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            if (.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(o, it.next____Ljava_lang_Object_2()) != 0)
                n++;
        return n;
    }

    static .internal.object reverseOrder____Ljava_util_Comparator_2() { return .jvm.java.util.KeyOrder.make(null, 0, true); }

    static .internal.object emptyList____Ljava_util_List_2()
    {
        return .jvm.java.util.ImmutableList.from(new void[]());
    }

    static .internal.object singletonList__Ljava_lang_Object_2__Ljava_util_List_2(var o)
    {
        var a = new void[]();
        a.add(o);
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), a);
    }

    static .internal.object nCopies__ILjava_lang_Object_2__Ljava_util_List_2(int n, var o)
    {
        if (n < 0)
            throw .jvm.java.lang.Integer.iae("List length = " + n);
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), .javart.rt.newarray(n, o));
    }

    // a copy that refuses changes (Java's is a view of the list)
    static .internal.object unmodifiableList__Ljava_util_List_2__Ljava_util_List_2(var list)
    {
        return .jvm.java.util.ArrayList.over(new .jvm.java.util.ImmutableList(), .jvm.java.util.ImmutableList.itemsOf(list));
    }
};
