// chars and escapes: every escape in char and string literals (\" \' \\
// \n \r \t \b \f \0 \xHH \uXXXX), their code points, chars in strings
// (characters; their UTF-8 bytes through byteAt), char arithmetic and casts, comparisons across int and
// char, char arrays, foreach over a string's characters.
class char_escapes
{
    static string codes(string s)
    {
        string r = "";
        for (int i = 0; i < s.byteLength(); i++) r += s.byteAt(i) + " ";
        return r;
    }

    static void main()
    {
        println(codes("\"\'\\\n\r\t\b\f\0"));
        println((int)'\"' + " " + (int)'\'' + " " + (int)'\\' + " " + (int)'\n' + " " + (int)'\r' + " "
                + (int)'\t' + " " + (int)'\b' + " " + (int)'\f' + " " + (int)'\0');
        println((int)'\x7f' + " " + (int)'\u00e9' + " " + (int)'\u20ac' + " " + (int)'€');
        println("\u00e9".length() + " " + "\u20ac".length() + " " + "caf\u00e9" + " " + codes("\u00e9"));
        println("a\x00b".length() + " " + codes("a\x00b"));
        println('"' + "" + "'" + '\'');
        println("single ' in a string, double \" in a char: " + '"');

        char c = 'A';
        c = (char)(c + 2);
        println(c);
        println(c + 1);
        println((char)(c + 1));
        println(c == 67);
        println(c > 'B' && c < 'D');
        println('z' - 'a');
        println((char)0x263A);
        char[] cs = new char[3];
        cs[0] = 'x';
        cs[2] = 'z';
        println((int)cs[1] + " " + cs[0] + cs[2]);
        cs[1] = 'y';
        println(cs);
        int n = 0;
        foreach (char ch in "h\u00e9!") { n++; print((int)ch + " "); }
        println(n);
        string word = "abc";
        println(word[1] + " " + word.charAt(2) + " " + (word[0] == 'a'));
        println(.internal.char.isLetter('q') + " " + .internal.char.isWhitespace('\t') + " " + .internal.char.toLowerCase('Q'));
        println("tab:[\t] backslash-n:[\\n]");
    }
};
