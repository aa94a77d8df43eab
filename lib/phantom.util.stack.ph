// .phantom.util.stack: a last-in first-out stack of any values.
package .phantom.util;

class stack
{
    var items : void[];   // bottom first

    void stack()
    {
        items = new void[]();
    }

    int size()
    {
        return items.length;
    }

    bool isEmpty()
    {
        return items.length == 0;
    }

    void clear()
    {
        items.clear();
    }

    // Puts x on top.
    void push(var x)
    {
        items.push(x);
    }

    // Removes and returns the top element; NoSuchElementException if empty.
    .internal.object pop()
    {
        if (items.length == 0)
            throw new .phantom.NoSuchElementException("pop: the stack is empty");
        return items.pop();
    }

    // The top element, left in place; NoSuchElementException if empty.
    .internal.object peek()
    {
        if (items.length == 0)
            throw new .phantom.NoSuchElementException("peek: the stack is empty");
        return items[items.length - 1];
    }

    // A new array of the elements, bottom first.
    void[] toArray()
    {
        return items.slice(0, items.length);
    }

    string toString()
    {
        void[] texts = new void[]();
        foreach (x in items)
            texts.add("" + x);
        return "[" + texts.join(", ") + "]";
    }
};
