// java.util's collection interfaces, ArrayList and its Iterator
// (docs/JAVA.md).  Elements are compared with Java's equals and hashed
// with Java's hashCode (strings and boxes as Java does).
package .jvm.java.util;

interface Iterator
{
    int hasNext____Z();
    .internal.object next____Ljava_lang_Object_2();
    void remove____V();
};

interface Collection extends .jvm.java.lang.Iterable
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
};

// Each interface declares what it inherits too: the VM finds a method
// named through an interface in that interface only.
interface List extends .jvm.java.util.Collection
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
    .internal.object get__I__Ljava_lang_Object_2(int i);
    .internal.object set__ILjava_lang_Object_2__Ljava_lang_Object_2(int i, var o);
    void add__ILjava_lang_Object_2__V(int i, var o);
    .internal.object remove__I__Ljava_lang_Object_2(int i);
    int indexOf__Ljava_lang_Object_2__I(var o);
    void sort__Ljava_util_Comparator_2__V(var c);
    int lastIndexOf__Ljava_lang_Object_2__I(var o);
    .internal.object subList__II__Ljava_util_List_2(int from, int to);
    void replaceAll__Ljava_util_function_UnaryOperator_2__V(var f);

    static .internal.object of____Ljava_util_List_2() { return .jvm.java.util.ImmutableList.from(new void[]()); }
    static .internal.object of__Ljava_lang_Object_2__Ljava_util_List_2(var a)
    {
        return .jvm.java.util.ImmutableList.first(1, a, null, null, null, null, null, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b)
    {
        return .jvm.java.util.ImmutableList.first(2, a, b, null, null, null, null, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c)
    {
        return .jvm.java.util.ImmutableList.first(3, a, b, c, null, null, null, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d)
    {
        return .jvm.java.util.ImmutableList.first(4, a, b, c, d, null, null, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e)
    {
        return .jvm.java.util.ImmutableList.first(5, a, b, c, d, e, null, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e, var f)
    {
        return .jvm.java.util.ImmutableList.first(6, a, b, c, d, e, f, null, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e, var f, var g)
    {
        return .jvm.java.util.ImmutableList.first(7, a, b, c, d, e, f, g, null, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e, var f, var g, var h)
    {
        return .jvm.java.util.ImmutableList.first(8, a, b, c, d, e, f, g, h, null, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e, var f, var g, var h, var i)
    {
        return .jvm.java.util.ImmutableList.first(9, a, b, c, d, e, f, g, h, i, null);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_List_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j)
    {
        return .jvm.java.util.ImmutableList.first(10, a, b, c, d, e, f, g, h, i, j);
    }
    static .internal.object of___3Ljava_lang_Object_2__Ljava_util_List_2(var a) { return .jvm.java.util.ImmutableList.from(a.slice(0, a.size())); }
    static .internal.object copyOf__Ljava_util_Collection_2__Ljava_util_List_2(var c)
    {
        var a;
        a = .jvm.java.util.ImmutableList.itemsOf(c);
        return .jvm.java.util.ImmutableList.from(a);
    }
};

interface Set extends .jvm.java.util.Collection
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

    static .internal.object of____Ljava_util_Set_2()
    {
        var xs = new void[]();
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2__Ljava_util_Set_2(var a)
    {
        var xs = new void[]();
        xs.add(a);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e, var f)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e, var f, var g)
    {
        var xs = new void[]();
        xs.add(a);
        xs.add(b);
        xs.add(c);
        xs.add(d);
        xs.add(e);
        xs.add(f);
        xs.add(g);
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e, var f, var g, var h)
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
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e, var f, var g, var h, var i)
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
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of__Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_util_Set_2(var a, var b, var c, var d, var e, var f, var g, var h, var i, var j)
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
        return .jvm.java.util.ImmutableSet.of(xs);
    }
    static .internal.object of___3Ljava_lang_Object_2__Ljava_util_Set_2(var a) { return .jvm.java.util.ImmutableSet.of(a); }
    static .internal.object copyOf__Ljava_util_Collection_2__Ljava_util_Set_2(var c)
    {
        var a;
        a = .jvm.java.util.ImmutableList.itemsOf(c);
        var s = new .jvm.java.util.ImmutableSet();
        s._4init_5____V();
        s.frozen = false;
        for (int i = 0; i < a.size(); i++) {
            if (a[i] :== null)
                throw .javart.rt.npe(null);
            s.add__Ljava_lang_Object_2__Z(a[i]);
        }
        s.frozen = true;
        return s;
    }
};

// What HashSet, ArrayDeque and TreeSet share: Collection's methods
// written with iterator(), size(), add and remove.
class AbstractCollection extends .jvm.java.lang.Object implements .jvm.java.util.Collection
{
    .internal.object iterator____Ljava_util_Iterator_2() { throw new .jvm.java.lang.UnsupportedOperationException(); }
    int size____I() { throw new .jvm.java.lang.UnsupportedOperationException(); }
    int add__Ljava_lang_Object_2__Z(var o) { throw new .jvm.java.lang.UnsupportedOperationException(); }
    int remove__Ljava_lang_Object_2__Z(var o) { throw new .jvm.java.lang.UnsupportedOperationException(); }
    void clear____V() { throw new .jvm.java.lang.UnsupportedOperationException(); }

    int isEmpty____Z() { return .javart.rt.zb(size____I() == 0); }

    // The elements in iteration order, as a Phantom array.
    .internal.object items() { return .jvm.java.util.ImmutableList.itemsOf(this); }

    int contains__Ljava_lang_Object_2__Z(var o)
    {
        var it;
        it = iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            if (.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(o, it.next____Ljava_lang_Object_2()) != 0)
                return 1;
        return 0;
    }

    int containsAll__Ljava_util_Collection_2__Z(var c)
    {
        var it = c.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            if (contains__Ljava_lang_Object_2__Z(it.next____Ljava_lang_Object_2()) == 0)
                return 0;
        return 1;
    }

    int addAll__Ljava_util_Collection_2__Z(var c)
    {
        var it = c.iterator____Ljava_util_Iterator_2();
        int added = 0;
        while (it.hasNext____Z() != 0)
            added = added | add__Ljava_lang_Object_2__Z(it.next____Ljava_lang_Object_2());
        return added;
    }

    // kind 0: removeIf(p), 1: removeAll(c), 2: retainAll(c)
    int removeWhere(var f, int kind)
    {
        int removed = 0;
        var it;
        it = iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0) {
            var x = it.next____Ljava_lang_Object_2();
            int hit;
            if (kind == 0)
                hit = f.test__Ljava_lang_Object_2__Z(x);
            else
                hit = f.contains__Ljava_lang_Object_2__Z(x);
            if ((kind == 2) == (hit == 0)) {
                it.remove____V();
                removed = 1;
            }
        }
        return removed;
    }

    int removeIf__Ljava_util_function_Predicate_2__Z(var p) { return removeWhere(p, 0); }
    int removeAll__Ljava_util_Collection_2__Z(var c) { return removeWhere(c, 1); }
    int retainAll__Ljava_util_Collection_2__Z(var c) { return removeWhere(c, 2); }

    void forEach__Ljava_util_function_Consumer_2__V(var c)
    {
        var a;
        a = items();
        for (int i = 0; i < a.size(); i++)
            c.accept__Ljava_lang_Object_2__V(a[i]);
    }

    .internal.object toArray_____3Ljava_lang_Object_2() { return items(); }

    .internal.object toArray___3Ljava_lang_Object_2___3Ljava_lang_Object_2(var a)
    {
        var xs;
        xs = items();
        if (a.size() < xs.size())
            return xs;
        for (int i = 0; i < xs.size(); i++)
            a[i] = xs[i];
        if (a.size() > xs.size())
            a[xs.size()] = null;
        return a;
    }

    string toString____Ljava_lang_String_2()
    {
        var xs;
        xs = items();
        var parts = new void[]();
        for (int i = 0; i < xs.size(); i++)
            parts.add(.jvm.java.lang.Object.valueOf(xs[i]));
        return "[" + parts.join(", ") + "]";
    }
};

class ArrayList extends .jvm.java.lang.Object implements .jvm.java.util.List
{
    var elems;       // a Phantom array; its size is the list's
    var modCount : int;

    void _4init_5____V()
    {
        elems = new void[]();
        modCount = 0;
    }

    // l (a new ArrayList or subclass) holding the Phantom array a
    static .jvm.java.util.ArrayList over(.jvm.java.util.ArrayList l, var a)
    {
        l.elems = a;
        l.modCount = 0;
        return l;
    }

    void _4init_5__I__V(int capacity)
    {
        if (capacity < 0)
            throw .jvm.java.lang.Integer.iae("Illegal Capacity: " + capacity);
        _4init_5____V();
    }

    void _4init_5__Ljava_util_Collection_2__V(var c)
    {
        _4init_5____V();
        addAll__Ljava_util_Collection_2__Z(c);
    }

    static .jvm.java.lang.IndexOutOfBoundsException ioobe(int i, int n)
    {
        var e = new .jvm.java.lang.IndexOutOfBoundsException();
        e.setMessage("Index " + i + " out of bounds for length " + n);
        return e;
    }

    void check(int i)
    {
        if (i < 0 || i >= elems.size())
            throw ioobe(i, elems.size());
    }

    int size____I() { return elems.size(); }
    int isEmpty____Z() { return .javart.rt.zb(elems.size() == 0); }

    .internal.object get__I__Ljava_lang_Object_2(int i)
    {
        check(i);
        return elems[i];
    }

    .internal.object set__ILjava_lang_Object_2__Ljava_lang_Object_2(int i, var o)
    {
        check(i);
        var old = elems[i];
        elems[i] = o;
        return old;
    }

    int add__Ljava_lang_Object_2__Z(var o)
    {
        elems.add(o);
        modCount++;
        return 1;
    }

    void add__ILjava_lang_Object_2__V(int i, var o)
    {
        if (i < 0 || i > elems.size())
            throw ioobe(i, elems.size());
        elems.insert(i, o);
        modCount++;
    }

    // Every removal of one element comes here (MapView removes the key
    // from its map too).
    void removeAtIndex(int i)
    {
        elems.removeAt(i);
        modCount++;
    }

    .internal.object remove__I__Ljava_lang_Object_2(int i)
    {
        check(i);
        var old = elems[i];
        removeAtIndex(i);
        return old;
    }

    int remove__Ljava_lang_Object_2__Z(var o)
    {
        int i = indexOf__Ljava_lang_Object_2__I(o);
        if (i < 0)
            return 0;
        removeAtIndex(i);
        return 1;
    }

    int indexOf__Ljava_lang_Object_2__I(var o)
    {
        for (int i = 0; i < elems.size(); i++)
            if (.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(o, elems[i]) != 0)
                return i;
        return -1;
    }

    int lastIndexOf__Ljava_lang_Object_2__I(var o)
    {
        for (int i = elems.size() - 1; i >= 0; i--)
            if (.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(o, elems[i]) != 0)
                return i;
        return -1;
    }

    int contains__Ljava_lang_Object_2__Z(var o)
    {
        return .javart.rt.zb(indexOf__Ljava_lang_Object_2__I(o) >= 0);
    }

    void clear____V()
    {
        elems.clear();
        modCount++;
    }

    int addAll__Ljava_util_Collection_2__Z(var c)
    {
        var it = c.iterator____Ljava_util_Iterator_2();
        int n = 0;
        while (it.hasNext____Z() != 0) {
            elems.add(it.next____Ljava_lang_Object_2());
            n++;
        }
        modCount++;
        return .javart.rt.zb(n > 0);
    }

    void sort__Ljava_util_Comparator_2__V(var c)
    {
        .jvm.java.util.Collections.sortArray(elems, c);
        modCount++;
    }

    void forEach__Ljava_util_function_Consumer_2__V(var c)
    {
        int expected = modCount;
        for (int i = 0; i < elems.size(); i++) {
            c.accept__Ljava_lang_Object_2__V(elems[i]);
            if (modCount != expected)
                throw new .jvm.java.util.ConcurrentModificationException();
        }
    }

    int removeIf__Ljava_util_function_Predicate_2__Z(var p)
    {
        int removed = 0;
        for (int i = elems.size() - 1; i >= 0; i--)
            if (p.test__Ljava_lang_Object_2__Z(elems[i]) != 0) {
                removeAtIndex(i);
                removed = 1;
            }
        return removed;
    }

    int removeAll__Ljava_util_Collection_2__Z(var c)
    {
        int removed = 0;
        for (int i = elems.size() - 1; i >= 0; i--)
            if (c.contains__Ljava_lang_Object_2__Z(elems[i]) != 0) {
                removeAtIndex(i);
                removed = 1;
            }
        return removed;
    }

    int retainAll__Ljava_util_Collection_2__Z(var c)
    {
        int removed = 0;
        for (int i = elems.size() - 1; i >= 0; i--)
            if (c.contains__Ljava_lang_Object_2__Z(elems[i]) == 0) {
                removeAtIndex(i);
                removed = 1;
            }
        return removed;
    }

    int containsAll__Ljava_util_Collection_2__Z(var c)
    {
        var it = c.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            if (contains__Ljava_lang_Object_2__Z(it.next____Ljava_lang_Object_2()) == 0)
                return 0;
        return 1;
    }

    .internal.object subList__II__Ljava_util_List_2(int from, int to)
    {
        if (from < 0 || to > elems.size() || from > to)
            throw ioobe(from < 0 ? from : to, elems.size());
        return over(new .jvm.java.util.ArrayList(), elems.slice(from, to));
    }

    .internal.object toArray_____3Ljava_lang_Object_2()
    {
        return elems.slice(0, elems.size());
    }

    .internal.object toArray___3Ljava_lang_Object_2___3Ljava_lang_Object_2(var a)
    {
        if (a.size() < elems.size())
            return elems.slice(0, elems.size());
        for (int i = 0; i < elems.size(); i++)
            a[i] = elems[i];
        if (a.size() > elems.size())
            a[elems.size()] = null;
        return a;
    }

    void replaceAll__Ljava_util_function_UnaryOperator_2__V(var f)
    {
        for (int i = 0; i < elems.size(); i++)
            elems[i] = f.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(elems[i]);
        modCount++;
    }

    .internal.object getFirst____Ljava_lang_Object_2()
    {
        if (elems.size() == 0)
            throw new .jvm.java.util.NoSuchElementException();
        return elems[0];
    }

    .internal.object getLast____Ljava_lang_Object_2()
    {
        if (elems.size() == 0)
            throw new .jvm.java.util.NoSuchElementException();
        return elems[elems.size() - 1];
    }

    .internal.object iterator____Ljava_util_Iterator_2()
    {
        var it = new .jvm.java.util.ArrayListItr();
        it.list = this;
        it.next = 0;
        it.last = -1;
        it.expected = modCount;
        return it;
    }

    int hashCode____I()
    {
        int h = 1;
        for (int i = 0; i < elems.size(); i++)
            h = 31 * h + .jvm.java.util.Objects.hashCode__Ljava_lang_Object_2__I(elems[i]);
        return h;
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        if (o :== this)
            return 1;
        if (!(o instanceof .jvm.java.util.ArrayList))
            return 0;   // every List of the library is an ArrayList
        var other = ((.jvm.java.util.ArrayList) o).elems;
        if (other.size() != elems.size())
            return 0;
        for (int i = 0; i < elems.size(); i++)
            if (.jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(elems[i], other[i]) == 0)
                return 0;
        return 1;
    }

    string toString____Ljava_lang_String_2()
    {
        var parts = new void[]();
        for (int i = 0; i < elems.size(); i++)
            parts.add(.jvm.java.lang.Object.valueOf(elems[i]));
        return "[" + parts.join(", ") + "]";
    }
};

class ArrayListItr extends .jvm.java.lang.Object implements .jvm.java.util.Iterator
{
    var list;
    var next : int;
    var last : int;
    var expected : int;

    void checkMod()
    {
        if (((.jvm.java.util.ArrayList) list).modCount != expected)
            throw new .jvm.java.util.ConcurrentModificationException();
    }

    int hasNext____Z()
    {
        return .javart.rt.zb(next < ((.jvm.java.util.ArrayList) list).elems.size());
    }

    .internal.object next____Ljava_lang_Object_2()
    {
        checkMod();
        var l = (.jvm.java.util.ArrayList) list;
        if (next >= l.elems.size())
            throw new .jvm.java.util.NoSuchElementException();
        last = next;
        next++;
        return l.elems[last];
    }

    void remove____V()
    {
        if (last < 0)
            throw new .jvm.java.lang.IllegalStateException();
        checkMod();
        var l = (.jvm.java.util.ArrayList) list;
        l.removeAtIndex(last);
        next = last;
        last = -1;
        expected = l.modCount;
    }
};

// List.of, List.copyOf and Collections.unmodifiableList (a copy here, not
// a view): an ArrayList whose every change throws
// UnsupportedOperationException; List.of refuses null elements.
class ImmutableList extends .jvm.java.util.ArrayList
{
    static .jvm.java.util.ImmutableList from(var a)
    {
        for (int i = 0; i < a.size(); i++)
            if (a[i] :== null)
                throw .javart.rt.npe(null);
        return (.jvm.java.util.ImmutableList) over(new .jvm.java.util.ImmutableList(), a);
    }

    // List.of(a, ...) of n elements
    static .jvm.java.util.ImmutableList first(int n, var a, var b, var c, var d, var e, var f, var g, var h, var i, var j)
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
        return from(xs.slice(0, n));
    }

    // The elements of any collection, as a Phantom array.
    static .internal.object itemsOf(var c)
    {
        var a = new void[]();
        var it = c.iterator____Ljava_util_Iterator_2();
        while (it.hasNext____Z() != 0)
            a.add(it.next____Ljava_lang_Object_2());
        return a;
    }

    static .jvm.java.lang.UnsupportedOperationException uoe() { return new .jvm.java.lang.UnsupportedOperationException(); }

    void removeAtIndex(int i) { throw uoe(); }
    int add__Ljava_lang_Object_2__Z(var o) { throw uoe(); }
    void add__ILjava_lang_Object_2__V(int i, var o) { throw uoe(); }
    .internal.object set__ILjava_lang_Object_2__Ljava_lang_Object_2(int i, var o) { throw uoe(); }
    void clear____V() { throw uoe(); }
    int addAll__Ljava_util_Collection_2__Z(var c) { throw uoe(); }
    void sort__Ljava_util_Comparator_2__V(var c) { throw uoe(); }
    void replaceAll__Ljava_util_function_UnaryOperator_2__V(var f) { throw uoe(); }
};
