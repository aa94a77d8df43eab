// The methods of .internal.string, called on typed strings (resolved at
// compile time) and untyped values (found by name at run time).
class string_methods
{
    static void main()
    {
        string s = "Hello, World";
        println(s.length());
        println(s.substring(7, 5));
        println(s.charAt(4));
        println(s.indexOf("o"));
        println(s.indexOf("o", 5));
        println(s.lastIndexOf("o"));
        println(s.toUpperCase());
        println(s.toLowerCase());
        println(s.startsWith("Hell") + " " + s.endsWith("x") + " " + s.contains(", "));
        println(s.replace("l", "L"));
        println("  pad  ".trim() + "|");
        println("a,b,,c".split(","));
        println("42".toInt() + 1);
        println("2.5".toDouble() * 2);
        println("abc".compareTo("abd"));
        println("".isEmpty());
        println(s.concat("!"));
        println(s.strstr("World"));
        println(s == "Hello, World");
        println(s.equals("hello"));
        var u = "untyped";
        println(u.length() + u.substring(0, 2));
        println(s.length() * 2);
        println("héllo".length());
        println(s[0]);
        int n = 0;
        foreach (ch in "abc") n += ch;
        println(n);
    }
};
