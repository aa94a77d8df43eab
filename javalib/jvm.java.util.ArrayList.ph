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
    .internal.object get__I__Ljava_lang_Object_2(int i);
    .internal.object set__ILjava_lang_Object_2__Ljava_lang_Object_2(int i, var o);
    void add__ILjava_lang_Object_2__V(int i, var o);
    .internal.object remove__I__Ljava_lang_Object_2(int i);
    int indexOf__Ljava_lang_Object_2__I(var o);
    void sort__Ljava_util_Comparator_2__V(var c);
    void forEach__Ljava_util_function_Consumer_2__V(var c);
    int removeIf__Ljava_util_function_Predicate_2__Z(var p);
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

    .internal.object remove__I__Ljava_lang_Object_2(int i)
    {
        check(i);
        modCount++;
        return elems.removeAt(i);
    }

    int remove__Ljava_lang_Object_2__Z(var o)
    {
        int i = indexOf__Ljava_lang_Object_2__I(o);
        if (i < 0)
            return 0;
        elems.removeAt(i);
        modCount++;
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
        var kept = new void[]();
        for (int i = 0; i < elems.size(); i++)
            if (p.test__Ljava_lang_Object_2__Z(elems[i]) == 0)
                kept.add(elems[i]);
        bool removed = kept.size() != elems.size();
        elems = kept;
        if (removed)
            modCount++;
        return .javart.rt.zb(removed);
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
            return 0;
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
        l.elems.removeAt(last);
        l.modCount++;
        next = last;
        last = -1;
        expected = l.modCount;
    }
};
