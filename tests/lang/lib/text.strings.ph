// .phantom.text.strings: every helper, and format with every directive,
// flag and error.
import .phantom.text.strings;

class money
{
    var cents : int;
    void money(int c) { cents = c; }
    string toString() { return "$" + cents / 100 + "." + strings.padLeft("" + cents % 100, 2, '0'); }
};

class strings_test
{
    static void show(var parts)
    {
        println(parts.length + " " + parts);
    }

    static void main()
    {
        // split, join
        show(strings.split("a,,b,", ","));
        show(strings.split("abc", ""));
        show(strings.split("", ","));
        println(strings.join("-", "x y z".split(" ")));
        void[] mixed = new void[]();
        mixed.add(1);
        mixed.add(null);
        mixed.add(new money(1205));
        mixed.add(2.5);
        println(strings.join(", ", mixed));
        println("[" + strings.join(",", new void[]()) + "]");
        println(strings.join(" + ", .phantom.util.list.fromArray(mixed)));
        println(strings.join(" ", .phantom.util.set.fromArray("b,a,b".split(","))));
        var untyped;
        untyped = .phantom.util.list.fromArray(mixed);
        println(strings.join("/", untyped));
        try { strings.join(",", 5); } catch (.phantom.NoSuchMethodException e) { println("NoSuchMethodException"); }

        // find, findLast, count, contains
        println(strings.find("hello world", "o") + " " + strings.find("hello world", "o", 5) + " " +
                strings.find("hello", "z") + " " + strings.find("hello", "") + " " + strings.find("hello", "l", 99));
        println(strings.findLast("hello world", "o") + " " + strings.findLast("hello", "z"));
        println(strings.count("banana", "a") + " " + strings.count("aaaa", "aa") + " " + strings.count("abc", "z"));
        try { strings.count("abc", ""); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        println(strings.contains("hello", "ell") + " " + strings.contains("hello", "elk"));

        // startsWith, endsWith
        println(strings.startsWith("phantom", "ph") + " " + strings.startsWith("phantom", "om") + " " +
                strings.endsWith("phantom", "om") + " " + strings.endsWith("phantom", "") + " " +
                strings.startsWith("", "x"));

        // replace, replaceFirst
        println(strings.replace("a-b-c", "-", "+") + " " + strings.replaceFirst("a-b-c", "-", "+") + " " +
                strings.replaceFirst("abc", "z", "y") + " " + strings.replaceFirst("aaa", "a", ""));
        try { strings.replace("abc", "", "x"); } catch (.phantom.ArgumentException e) { println("ArgumentException"); }
        try { strings.replaceFirst("abc", "", "x"); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // trim, trimLeft, trimRight, isBlank
        println("[" + strings.trim("  a b \t\n") + "][" + strings.trimLeft("  a b  ") + "][" +
                strings.trimRight("  a b  ") + "][" + strings.trimLeft("   ") + "][" + strings.trimRight("") + "]");
        println(strings.isBlank("") + " " + strings.isBlank(" \t\n") + " " + strings.isBlank(" x "));

        // repeat, padLeft, padRight
        println("[" + strings.repeat("ab", 3) + "][" + strings.repeat("ab", 0) + "][" + strings.repeat("", 5) + "]");
        try { strings.repeat("ab", -1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        println("[" + strings.padLeft("7", 3) + "][" + strings.padLeft("7", 3, '0') + "][" +
                strings.padLeft("12345", 3) + "][" + strings.padRight("ab", 4) + "][" +
                strings.padRight("ab", 4, '.') + "][" + strings.padRight("abcdef", 4, '.') + "]");

        // format: every directive and flag
        println(strings.format("100%%"));
        println(strings.format("%s|%s|%s", "text", null, new money(5)));
        println(strings.format("%d|%d|%d|%5d|%-5d|%05d", 42, -7, 9000000000L, 42, 42, 42));
        println(strings.format("%05d|%-05d|", -42, -42));
        println(strings.format("%f|%.2f|%.0f|%8.3f|%-8.1f|%08.2f", 3.14159, 2.675, 2.5, -1.5, 0.25, -3.14159));
        println(strings.format("%.2f|%.1f|%f", 7, 123456789012L, 1.0f));
        println(strings.format("%x|%x|%x|%4x|%04x", 255, -1, -1L, 10, 10));
        println(strings.format("%c%c%c|%3c|%-3c|", 'a', 98, 'é', 'x', 'y'));
        println(strings.format("%8s|%-8s|%08s|%2s", "right", "left", "sp", "long"));
        println(strings.format("%s %s %s %s %s %s", 1, 2, 3, 4, 5, 6));
        println(strings.format("%s %s %s %s %s", 1, 2, 3, 4, 5));
        println(strings.format("%s %s %s %s", 1, 2, 3, 4));
        println(strings.format("%s %s %s", 1, 2, 3));
        void[] args = new void[]();
        args.add("array");
        args.add(3);
        println(strings.formatArray("%s of %d", args));

        // format errors
        try { strings.format("%d", 2.5); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%d", "12"); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%f", "x"); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%x", 1.5); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%c", null); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%c", new money(1)); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%q", 1); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%s and %s", 1); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%s", 1, 2, 3); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("50%"); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%5"); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%9999999d", 1); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%.9999f", 1); } catch (.phantom.FormatException e) { println(e.getMessage()); }
        try { strings.format("%s", 1); println("FormatException is an ArgumentException: " +
                                               (new .phantom.FormatException("x") instanceof .phantom.ArgumentException)); }
        catch (.phantom.ArgumentException e) { println("not reached"); }
    }
};
