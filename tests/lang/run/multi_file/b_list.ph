// A linked list whose nodes refer back to the list (a cycle between
// classes of different files); files may be given in any order.
class list
{
    var head : node;
    var size : int;

    void add(string v)
    {
        var n = new node(this, v);
        n.next = head;
        head = n;
        size++;
    }

    string join()
    {
        string s = "";
        for (node n = head; n != null; n = n.next)
            s += n.value + (n.next != null ? "," : "");
        return s;
    }
};
