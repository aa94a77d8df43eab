// csv.ph - text building and parsing: 200k CSV rows (id, name, quantity,
// price) built by concatenation and joined into one text, then split into
// lines and fields, the numbers parsed, and totals made.  Prints the text's
// length, the sum of quantity * price and the total length of the names.
class csv
{
    static void main()
    {
        string[] rows = new string[]();
        rows.push("id,name,qty,price");
        for (int id = 1; id <= 200000; id++)
            rows.push(id + ",item" + (id * 7 % 1000) + "," + (id % 13) + "," + (id * 37 % 1000));
        string text = rows.join("\n");

        int total = 0, names = 0, n = 0;
        foreach (string line in text.split("\n")) {
            n++;
            if (n == 1)
                continue;
            string[] f = line.split(",");
            names += f[1].length;
            total = (total + f[2].toInt() * f[3].toInt()) % 1000000007;
        }
        println(text.length + " " + total + " " + names);
    }
};
