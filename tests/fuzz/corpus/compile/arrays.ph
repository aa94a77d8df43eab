// Arrays: new T[n] (filled with the zero of T), new T[]() (empty and
// growing on demand), length, nested arrays, arrays of objects, and the
// methods of .internal.container.array.
class arrays
{
    static void main()
    {
        int[] a = new int[3];
        println(a);
        println(a.length);
        double[] d = new double[2];
        println(d);
        bool[] b = new bool[2];
        println(b);
        char[] cs = new char[1];
        println((int)cs[0]);
        string[] s = new string[2];
        println(s);
        var grow = new int[]();
        grow[4] = 7;
        println(grow + " " + grow.length);
        int[][] m = new int[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = new int[3];
            for (int j = 0; j < 3; j++) m[i][j] = i * 3 + j;
        }
        println(m);
        println(m[2][1]);
        var list = new string[]();
        list.add("b"); list.add("a"); list.push("c");
        list.sort();
        println(list + " " + list.size() + " " + list.indexOf("c") + " " + list.contains("z"));
        println(list.join("+"));
        println(list.pop() + " " + list);
        var n = 4;
        var sized = new int[n * 2];
        println(sized.length);
        int[] copy = a;
        copy[0] = 99;
        println(a[0]);
        var empty = new void[]();
        println(empty.length);
    }
};
