// parseJson turns text into directories, arrays, numbers and strings;
// .internal.binary holds bytes, readable with a[i].
class json_binary
{
    static void main()
    {
        var doc = "{\"name\": \"phantom\", \"tags\": [\"os\", \"vm\"], \"year\": 2024, \"pi\": 3.5}".parseJson();
        println(doc.get("name"));
        println(doc.get("tags"));
        println(doc.get("year") + 1);
        println(doc.get("pi") * 2);
        var bin = .internal.binary.fromString("AB");
        println(bin);
        println(bin.size());
        println(bin[0] + bin[1]);
        bin.resize(3);
        bin.setByte(2, 67);
        println(bin.toText());
        foreach (byte in bin) print(byte + " ");
        println();
    }
};
