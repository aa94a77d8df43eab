// .internal.directory: a map from string keys to values; foreach walks its
// keys in byte order; get of a missing key is null.
import .internal.directory;

class directory_demo
{
    static void main()
    {
        var d = new directory();
        d.put("pear", 3);
        d.put("apple", 5);
        d.put("fig", "dried");
        println(d.size());
        println(d.get("apple"));
        println(d.get("missing"));
        println(d.containsKey("fig"));
        println(d);
        foreach (k in d) println(k + " -> " + d.get(k));
        d.remove("pear");
        println(d.keys());
        println(d.values());
        directory typed = d;
        foreach (string key in typed) print(key.length() + " ");
        println();
        var counts = new directory();
        foreach (w in "the cat and the hat and the bat".split(" ")) {
            var c = counts.get(w);
            counts.put(w, c == null ? 1 : c + 1);
        }
        println(counts);
    }
};
