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
