// .phantom.util.listIterator (through .phantom.util.iterator): walks a
// list, sees elements added while walking, and raises at the end.
import .phantom.util.*;

class listIterator_test
{
    static void main()
    {
        list l = new list();
        iterator empty = l.iterator();
        println(empty.hasNext());
        try { empty.next(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        l.add("a");
        l.add("b");
        iterator it = new listIterator(l);
        println(it.hasNext() + " " + it.next());
        l.add("c");
        while (it.hasNext()) println(it.next());
        println(it.hasNext());
        try { it.next(); } catch (.phantom.NoSuchElementException e) { println(e.getMessage()); }
        println(empty.hasNext());    // the list has elements now
    }
};
