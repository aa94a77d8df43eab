// foreach edge cases: a string is walked by characters (a non-ASCII one
// is one char, however many bytes), typed or untyped; an untyped value is
// checked when the loop starts (array, string, directory, binary); an
// array that grows during the loop is walked to its new end; a directory
// is walked over a snapshot of its keys; an empty array runs nothing;
// null throws NullReferenceException; the loop variable may convert.
class foreach_edge
{
    static string walk(var x)
    {
        string r = "";
        foreach (e in x) r += "[" + e + "]";
        return r;
    }

    static void main()
    {
        string s = "h\u00e9\u20ac!";
        int n = 0;
        foreach (c in s) { n++; print((int)c + " "); }
        println(n + " chars, " + s.byteLength() + " bytes");
        foreach (char c in "\u00e9t\u00e9") print(c);
        println();
        foreach (int code in "AB") print(code + " ");
        println();
        println(walk("d\u00e9j\u00e0"));
        int[] three = new int[3];
        three[2] = 9;
        println(walk(three));
        var d = new .internal.directory();
        d.put("b", 2);
        d.put("a", 1);
        println(walk(d));
        println(walk(.internal.binary.fromString("AZ")));
        println(walk(new string[0]) + "(nothing)");

        var grow = new void[]();
        grow[0] = 1;
        foreach (g in grow) if (g < 4) grow[grow.length] = g + 1;
        println(grow);

        foreach (k in d) d.put("z" + k, 0);
        println(d.keys());

        double sum = 0;
        int[] ints = new int[3];
        ints[0] = 1; ints[1] = 2; ints[2] = 4;
        foreach (double v in ints) sum += v / 2;
        println(sum);

        string found = "none";
        foreach (c in "abc\u00e9def") {
            if (c == 'b') continue;
            if (c == '\u00e9') { found = "e-acute after " + n; break; }
            n++;
        }
        println(found);

        foreach (row in new string[2]) println("row " + row);
        try {
            int[] none = null;
            foreach (v in none) println(v);
        } catch (.phantom.NullReferenceException e) {
            println("null: NullReferenceException");
        }
    }
};
