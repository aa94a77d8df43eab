// Text statistics: words counted in a directory, characters classified
// while walking the text's characters (non-ASCII letters count once),
// the most frequent words by a simple selection, a histogram with string
// building; static helpers, char arithmetic, nested loops.
class program_textstats
{
    const string TEXT = "the cat and the hat; the bat sat on the mat. caf\u00e9 and th\u00e9 -- 42 times!";

    static bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c > 127; }

    static string bar(int n)
    {
        string s = "";
        for (int i = 0; i < n; i++) s += '#';
        return s;
    }

    static void main()
    {
        int letters = 0, digits = 0, spaces = 0, other = 0, chars = 0;
        var counts = new .internal.directory();
        string word = "";
        foreach (char c in TEXT + " ") {
            chars++;
            if (letter(c)) { letters++; word += c; continue; }
            if (c >= '0' && c <= '9') digits++;
            else if (c == ' ') spaces++;
            else other++;
            if (word.length() > 0) {
                var n = counts.get(word);
                counts.put(word, n == null ? 1 : (int)n + 1);
                word = "";
            }
        }
        println(chars + " chars: " + letters + " letters, " + digits + " digits, " + spaces + " spaces, "
                + other + " other; " + TEXT.byteLength() + " bytes");
        println(counts.size() + " words: " + counts);
        string[] top = new string[3];
        var used = new .internal.directory();
        for (int k = 0; k < 3; k++) {
            int best = 0;
            foreach (w in counts) {
                int c = (int)counts.get(w);
                if (used.get(w) == null && c > best) { best = c; top[k] = w; }
            }
            used.put(top[k], true);
        }
        foreach (w in top) println(w + " " + bar((int)counts.get(w)) + " " + counts.get(w));
    }
};
