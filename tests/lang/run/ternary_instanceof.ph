// ?: and instanceof, edge cases.  ?: nests to the right, evaluates one
// branch, takes the wider numeric type of its branches (int : long is a
// long, so overloading sees a long), mixes string and null, accepts any
// truth value as condition, and binds looser than + (so parenthesise it
// inside a concatenation).  instanceof works on every kind of value:
// interfaces, arrays, directories, class objects, exceptions, null
// (never an instance), untyped values, and in negated conditions.
interface shape { };
class sq implements shape { };

class ternary_instanceof
{
    static string show(int v) { return "int " + v; }
    static string show(long v) { return "long " + v; }
    static string show(var v) { return "any " + v; }
    static int hits;
    static int hit(int v) { hits++; return v; }

    static void main()
    {
        int n = 5;
        println(n > 3 ? n > 4 ? "big" : "mid" : "small");
        println(n < 0 ? "neg" : n == 0 ? "zero" : n < 10 ? "digit" : "many");
        println((n > 0 ? hit(1) : hit(2)) + " " + hits);
        println(show(n > 0 ? 1 : 2L));
        println(show(n > 0 ? 1 : 2));
        println(n > 0 ? 1 : 2.5);
        string s = n > 10 ? "x" : null;
        println(s);
        println(n ? "int truth" : "zero");
        println("a" + (n > 3 ? 1 : 2) + "b");
        println(n > 3 ? "yes" : "no" + "!");
        int y;
        int z = n > 3 ? (y = 10) : (y = 20);
        println(y + " " + z);

        var things = new void[]();
        things[0] = new sq();
        things[1] = new int[2];
        things[2] = new .internal.directory();
        things[3] = sq.class;
        things[4] = new .phantom.ArgumentException("x");
        things[5] = null;
        things[6] = "str";
        things[7] = 'c';
        foreach (t in things) {
            string k = "";
            if (t instanceof shape) k += "shape ";
            if (t instanceof sq) k += "sq ";
            if (t instanceof .internal.container.array) k += "array ";
            if (t instanceof .internal.directory) k += "directory ";
            if (t instanceof .internal.class) k += "class ";
            if (t instanceof .phantom.RuntimeException) k += "runtime-exception ";
            if (t instanceof string) k += "string ";
            if (t instanceof char) k += "char ";
            if (!(t instanceof .internal.object)) k += "not-an-object";
            println(k);
        }
        shape sh = null;
        println(sh instanceof sq);
        sh = new sq();
        println(sh instanceof sq && !(sh instanceof .phantom.Exception));
    }
};
