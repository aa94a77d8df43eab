// foreach over arrays (typed and untyped loop variables), strings (their
// characters), arrays growing during the loop, with break and continue.
class foreach_arrays
{
    static void main()
    {
        int[] a = new int[4];
        for (int i = 0; i < a.length; i++) a[i] = i * 10;
        int sum = 0;
        foreach (x in a) sum += x;
        println(sum);
        string[] names = new string[]();
        names[0] = "ann"; names[1] = "bob"; names[2] = "cy";
        foreach (var n : string in names) print(n.toUpperCase() + " ");
        println();
        foreach (string n in names) { if (n == "bob") continue; print(n + " "); }
        println();
        foreach (n in names) { if (n == "bob") break; print(n + " "); }
        println();
        foreach (c in "hey") print(c + "-");
        println();
        var mixed = new void[]();
        mixed[0] = 1; mixed[1] = "two"; mixed[2] = 3.0;
        foreach (m in mixed) print(m + " ");
        println();
        long total = 0;
        foreach (long v in a) total += v;
        println(total);
        int[][] grid = new int[2][];
        grid[0] = new int[2]; grid[1] = new int[2];
        grid[1][1] = 5;
        foreach (row in grid) foreach (v in row) print(v);
        println();
    }
};
