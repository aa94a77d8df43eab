// null: the default of fields and untyped locals, compared with == and
// :== without calling anything, printed as "null", concatenated, and
// raising NullReferenceException when used as an object.
class box { var content; box next; };

class null_handling
{
    static void main()
    {
        var b = new box();
        println(b.content);
        println(b.next == null);
        println(b.next :== null);
        println(null == null);
        string s = null;
        println("s is " + s);
        println(s == null ? "null string" : s);
        b.next = new box();
        println(b.next != null);
        try {
            println(b.next.next.content);
        } catch (.phantom.NullReferenceException e) {
            println("caught: " + e.getMessage());
        }
        try {
            box none = null;
            none.content = 1;
        } catch (.phantom.NullReferenceException e) {
            println("caught on assignment");
        }
        int[] arr = null;
        try { println(arr.length); } catch (e) { println("length of null: " + e.getClass().getName()); }
    }
};
