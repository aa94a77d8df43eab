class node
{
    var owner : list;
    var value : string;
    var next : node;

    void node(list o, string v) { owner = o; value = v; }
};

//--file--
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

//--file--
class app
{
    static void main()
    {
        var l = new list();
        l.add("c"); l.add("b"); l.add("a");
        println(l.join() + " (" + l.size + ")");
        println(l.head.owner :== l);
        println(l.head.next.next.value);
    }
};
