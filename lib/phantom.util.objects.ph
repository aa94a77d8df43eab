// .phantom.util.objects: equality, hashing, order and text of any value,
// null included.  The containers of .phantom.util use these, so an
// element's own (Phantom-written) equals, hashCode, compareTo and toString
// are honoured.
package .phantom.util;

class objects
{
    // True when a and b are both null, or a.equals(b).
    static bool equal(var a, var b)
    {
        if (a == null)
            return b == null;
        if (b == null)
            return false;
        if (a.equals(b))
            return true;
        return false;
    }

    // x.hashCode(), or 0 for null.
    static int hash(var x)
    {
        if (x == null)
            return 0;
        int h = x.hashCode();
        return h;
    }

    // The natural order: a.compareTo(b) (numbers by value, strings by
    // bytes, objects by their own compareTo).  Null has no order.
    static int compare(var a, var b)
    {
        if (a == null || b == null)
            throw new .phantom.ArgumentException("compare: null has no order");
        int r = a.compareTo(b);
        return r;
    }

    // x.toString(), or "null" for null.
    static string toString(var x)
    {
        return "" + x;
    }
};
