// Calls with the wrong number of arguments: own methods, constructors,
// internal methods; print takes one argument.
class pair
{
    var a : int;
    var b : int;
    void pair(int x, int y) { a = x; b = y; }
    int sum() { return a + b; }
    static int twice(int v) { return v * 2; }
};

class wrong_arity
{
    static void main()
    {
        var p = new pair(1);
        println(p.sum(5));
        println(pair.twice());
        string s = "text";
        println(s.substring(1));
        print("a", "b");
    }
};
