// .phantom.text.regex: compile errors with their offset, matches, find,
// findAll, groups, replace, split, flags, and Unicode text.
import .phantom.text.*;

class regexTest
{
    static void bad(string p)
    {
        try { new regex(p); println("compiled " + p); }
        catch (PatternException e) { println(e.getMessage() + " [" + e.getOffset() + "]"); }
    }

    static void main()
    {
        regex date = new regex("(\\d{4})-(\\d{2})-(\\d{2})");
        println(date.matches("2024-05-17") + " " + date.matches("on 2024-05-17") + " " + date.containsIn("on 2024-05-17"));
        match m = date.find("due 2024-05-17, paid 2024-06-01");
        println(m.group() + " at " + m.start() + ".." + m.end() + ", " + m.groupCount() + " groups: "
                + m.group(1) + "/" + m.group(2) + "/" + m.group(3));
        println(date.find("due 2024-05-17, paid 2024-06-01", 5).group());
        println(date.find("no date") + " " + date.find("2024-05-17", 20));
        foreach (x in date.findAll("2024-01-02 and 2025-03-04")) println(x);
        println(date.replace("2024-05-17 and 2025-01-02", "$3.$2.$1"));
        println(date.replaceFirst("2024-05-17 and 2025-01-02", "[$0]"));
        println(new regex("\\s*,\\s*").split("a , b,c ,, d"));
        println(new regex("x*").findAll("axb").length);
        // optional groups, named groups
        match o = new regex("(a)|(b)").find("b");
        println(o.group(1) + " " + o.start(1) + " " + o.group(2));
        println(new regex("(?<word>\\w+)@").replace("ann@ bob@", "<${word}>"));
        try { o.group(3); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        // flags
        println(new regex("hello", "i").matches("HeLLo") + " " + new regex("^b", "m").containsIn("a\nb")
                + " " + new regex("a.b", "s").matches("a\nb") + " " + new regex("a b # comment", "x").matches("ab"));
        try { new regex("a", "q"); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        // Unicode: offsets count characters, \w and case folding know letters beyond ASCII
        match u = new regex("\\w+").find("¿Qué pasó?");
        println(u.group() + " " + u.start() + " " + u.end());
        println(new regex("ÉTÉ", "i").matches("été") + " " + new regex("\\d+").find("٣٤ 56").group());
        println(new regex("ö").replace("Köln öl", "oe") + " " + new regex(".").findAll("😀é").length);
        // compile errors name the position
        bad("(abc");
        bad("ab)");
        bad("a{2,1}");
        bad("é[z-a]");
        bad("\\");
        bad("ok");
    }
};
