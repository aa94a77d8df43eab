// instanceof on values of every kind: numbers are instances of their
// value classes, arrays of .internal.container.array, everything of
// .internal.object, null of nothing.
class thing { };

class instanceof_values
{
    static string kinds(var v)
    {
        string s = "";
        if (v instanceof int) s += "int ";
        if (v instanceof long) s += "long ";
        if (v instanceof double) s += "double ";
        if (v instanceof string) s += "string ";
        if (v instanceof char) s += "char ";
        if (v instanceof bool) s += "bool ";
        if (v instanceof void[]) s += "array ";
        if (v instanceof thing) s += "thing ";
        if (v instanceof .internal.object) s += "object";
        return s;
    }

    static void main()
    {
        println(kinds(1));
        println(kinds(1L));
        println(kinds(1.5));
        println(kinds("s"));
        println(kinds('c'));
        println(kinds(false));
        println(kinds(new int[1]));
        println(kinds(new thing()));
        println("[" + kinds(null) + "]");
    }
};
