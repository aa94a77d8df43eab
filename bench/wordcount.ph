// wordcount.ph - 1M strings made (word + number) and counted in a map: a
// string- and allocation-heavy program for bench/alloc_compare.sh.
import .phantom.util.map;

class wordcount
{
    static void main()
    {
        map counts = new map();
        int n = 0;
        long total = 0;
        while (n < 1000000) {
            string w = "word" + (n * 7919 % 50000);
            var c = counts.get(w);
            if (c == null)
                counts.put(w, 1);
            else
                counts.put(w, (int)c + 1);
            total = total + w.length();
            n = n + 1;
        }
        println("distinct " + counts.size() + " chars " + total);
    }
};
