// .phantom.text.json: toJson of every kind of value, escaping per RFC
// 8259, round trips through parse, layout with an indent, and the values
// JSON cannot hold.
import .phantom.text.json;

class item { var n : int; };

class jsonTest
{
    static void show(var v)
    {
        string t = json.toJson(v);
        println(t);
        var back;
        back = json.parse(t);
        if (json.toJson(back) != t)
            println("  round trip changed it: " + json.toJson(back));
    }

    static void refused(var v)
    {
        try { println(json.toJson(v)); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
    }

    static void main()
    {
        show(null);
        show(true);
        show(false);
        show(0);
        show(-17);
        show(2147483647);
        show(9223372036854775807L);
        show(-9223372036854775807L - 1);
        show(2.5);
        show(0.1);
        show(-0.0);
        show(1e21);
        show(1.5e-7);
        show(3.0);
        show((float) 0.5);
        show('A');
        show('é');
        show("");
        show("plain");
        show("quote \" backslash \\ slash /");
        show("tab\t newline\n return\r backspace\b formfeed\f");
        show("nul \x00 unit \x1f del \x7f");
        show("héllo wörld ✓ 😀");
        var bad = .internal.binary.fromString("bad x");
        bad.setByte(4, 255);
        show(bad.toText());
        var a = new void[]();
        show(a);
        a.add(1); a.add("two"); a.add(null); a.add(new void[]());
        show(a);
        var d = new .internal.directory();
        show(d);
        d.put("b", 2); d.put("a", a); d.put("é", "x"); d.put("line\n", true);
        show(d);
        var nest = new .internal.directory();
        nest.put("empty", new .internal.directory());
        nest.put("list", a);
        println(json.toJson(nest, 2));
        println(json.toJson(a, 0));
        // parse gives back an equal value
        var p;
        p = json.parse(json.toJson(d));
        println(p.get("é") + " " + p.get("a").get(1) + " " + p.get("line\n"));
        string s = "ctl \x01\x02 \"q\" \\ é";
        println(json.parse(json.toJson(s)) == s);
        println(json.parse("[1, 2.0, \"\\u00e9\\ud83d\\ude00\"]"));
        // values JSON cannot hold
        refused(0.0 / 0.0);
        refused(1.0 / 0.0);
        refused(-1.0 / 0.0);
        refused(new item());
        refused(.internal.binary.fromString("x"));
        var loop = new void[]();
        loop.add(loop);
        refused(loop);
        try { json.toJson(1, 17); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { json.parse("{\"a\" 1}"); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
    }
};
