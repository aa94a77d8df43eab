// wordcount.ph - a string-keyed word count: 600k words drawn from a
// vocabulary of syllable words, written as lines of ten, joined into one
// text, split again and counted in a .phantom.util.map.  Prints the number
// of distinct words, the largest count and sum(count * length).
import .phantom.util.*;

class wordcount
{
    static void main()
    {
        string[] syl = "ka lo mi ne su ta ri po de gu fa zo".split(" ");
        string[] words = new string[]();
        for (int k = 0; k < 4000; k++) {
            string w = syl[k % 12] + syl[k / 12 % 12];
            if (k >= 144)
                w = w + syl[k / 144 % 12];
            words.push(w);
        }
        string[] lines = new string[]();
        string[] line = new string[]();
        int x = 1;
        for (int i = 0; i < 600000; i++) {
            x = (x * 75 + 74) % 65537;
            line.push(words[x % 4000]);
            if (line.length == 10) {
                lines.push(line.join(" "));
                line = new string[]();
            }
        }
        string text = lines.join("\n");

        map counts = new map();
        foreach (string l in text.split("\n")) {
            foreach (string w in l.split(" ")) {
                var c = counts.get(w);
                if (c == null)
                    counts.put(w, 1);
                else
                    counts.put(w, (int)c + 1);
            }
        }
        int distinct = 0, most = 0, weighted = 0;
        foreach (string w in counts.keys()) {
            int c = (int)counts.get(w);
            distinct++;
            if (c > most)
                most = c;
            weighted += c * w.length;
        }
        println(distinct + " " + most + " " + weighted);
    }
};
