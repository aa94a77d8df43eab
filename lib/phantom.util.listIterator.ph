// .phantom.util.listIterator: the iterator of a .phantom.util.list, from
// its first element to its last.  It reads the list as it is at each call:
// elements added at the end while walking are visited too.
package .phantom.util;

class listIterator implements iterator
{
    var items : list;
    var pos : int;

    void listIterator(list l)
    {
        items = l;
        pos = 0;
    }

    bool hasNext()
    {
        return pos < items.size();
    }

    .internal.object next()
    {
        if (pos >= items.size())
            throw new .phantom.NoSuchElementException("next: no more elements (the list has " + items.size() + ")");
        pos++;
        return items.get(pos - 1);
    }
};
