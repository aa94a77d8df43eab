// Strings as Unicode text and the character classes (docs/LIBRARY.md,
// "Strings and characters"): s.length and s[i] count characters, bytes
// are explicit; .internal.char's classes, case mapping and digitValue on
// letters, digits and spaces beyond ASCII; a string's case mapping and
// trim, and the strings helpers that follow them.
import .phantom.text.strings;

class chars_test
{
    static string yn(bool b) { return b ? "y" : "-"; }

    static string classes(char c)
    {
        return yn(.internal.char.isLetter(c)) + yn(.internal.char.isDigit(c)) +
               yn(.internal.char.isLetterOrDigit(c)) + yn(.internal.char.isWhitespace(c)) +
               yn(.internal.char.isUpperCase(c)) + yn(.internal.char.isLowerCase(c));
    }

    static void main()
    {
        // the examples of docs/LIBRARY.md
        string s = "naïve café";
        println(s.length + " characters, " + s.byteLength() + " bytes");
        println(s[2] + " " + s.substring(6, 4) + " " + s.indexOf("é"));
        println(s.toUpperCase());
        int letters = 0, digits = 0, spaces = 0;
        foreach (c in "Zoë: 3 × ٣")
        {
            if (.internal.char.isLetter(c)) letters++;
            else if (.internal.char.isDigit(c)) digits++;
            else if (.internal.char.isWhitespace(c)) spaces++;
        }
        println(letters + " " + digits + " " + spaces);
        println(.internal.char.toUpperCase('ë') + " " + .internal.char.digitValue('٣'));

        // bytes, explicitly
        println(s.byteAt(2) + " " + s.byteAt(3) + " " + (int) s[2] + " " + s[s.length - 1]);

        // letter, digit, letter-or-digit, white space, upper, lower
        string probe = "aZ9_ é٣７ⅧǅΣ日\u00a0\u2003\u3000\u2028\t";
        foreach (c in probe)
            println("U+" + .phantom.text.numbers.toHex((int) c) + " " + classes(c) + " " +
                    .internal.char.toUpperCase(c) + .internal.char.toLowerCase(c) + " " +
                    .internal.char.digitValue(c));
        println(.internal.char.toUpperCase('ß') + " " + .internal.char.toLowerCase('İ') + " " +
                .internal.char.toUpperCase('ı'));

        // a string's case mapping: one character to one, the length may change in bytes
        string mixed = "Straße ǅemal İstanbul ΣΑΣ ıi";
        println(mixed.toUpperCase() + " | " + mixed.toLowerCase());
        println("ıııı".toUpperCase().byteLength() + " " + "ıııı".byteLength());
        var b = "abc".bytes();
        b[1] = 255;
        string broken = b.toText();
        println(broken.toUpperCase().byteAt(1) + " " + broken.toUpperCase().length);

        // trim and the strings helpers: Unicode white space, not no-break spaces
        string padded = "\u3000\u2003 hi there\u2028\n";
        println("[" + padded.trim() + "] [" + strings.trimLeft(padded).length + "] [" +
                strings.trimRight(padded).length + "]");
        println(strings.isBlank("\u3000 \u2029") + " " + strings.isBlank("\u00a0") + " [" +
                "\u00a0x\u00a0".trim() + "]");
        println(strings.format("[%5s|%-4d|%٣d]", "é", 7, 1));

        try { .internal.char.isLetter(65); }
        catch (.phantom.TypeException e) { println(e.getMessage()); }
    }
};
