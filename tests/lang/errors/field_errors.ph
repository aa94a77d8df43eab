// Fields of untyped objects are found by name in the program's classes:
// none, or several classes declaring one, are errors.
class a { var shared : int; var only_a : int; };
class b { var shared : string; };

class field_errors
{
    static void main()
    {
        var x = new a();
        var u;
        u = x;
        println(u.only_a);
        println(u.shared);
        println(u.nowhere);
        a typed = x;
        println(typed.shared);
        println(a.shared);
    }
};
