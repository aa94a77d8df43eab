// Strings are Unicode text: length, charAt, substring, the indexOf
// family, s.length and s[i] count characters (code points), however many
// bytes each takes; byteLength, byteAt, bytes and charAtByte are the byte
// view.
class stringUnicode
{
    static void main()
    {
        string s = "héllo wörld ✓ 😀!";
        println(s.length() + " characters, " + s.byteLength() + " bytes, s.length " + s.length);
        println(s.substring(0, 2) + "|" + s.substring(6, 5) + "|" + s.substring(14, 2));
        println(s.charAt(1) + " " + s.charAt(12) + " " + s.charAt(14) + " " + (int) s.charAt(14));
        println(s.indexOf("l") + " " + s.indexOf("l", 4) + " " + s.lastIndexOf("l") + " " + s.indexOf("😀"));
        println(s.strstr("wö") + " " + s.indexOf("x") + " " + s.indexOf("", 16) + " " + s.indexOf("", 17));
        println(s.byteAt(1) + " " + s.byteAt(2) + " " + (int) s[1] + " " + s.bytes());
        string rebuilt = "";
        for (int i = 0; i < s.length(); i++)
            rebuilt = rebuilt + s.charAt(i);
        println(rebuilt == s);
        int n = 0;
        foreach (c in s)
            n++;
        println(n + " characters by foreach");
        string back = "";
        for (int i = s.length - 1; i >= 0; i--)
            back = back + s[i];
        println(back + " " + s[14] + " " + (s[14] == s.charAt(14)));
        try { println(s[16]); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        println("".length() + " " + "ascii".length() + " " + "ascii".substring(1, 3));
        try { s.charAt(16); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { s.substring(15, 2); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
        try { s.byteAt(23); }
        catch (.phantom.IndexOutOfRangeException e) { println(e.getMessage()); }
    }
};
