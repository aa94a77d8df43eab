// Arrays, edge cases: zero-length arrays; the zero of every element type;
// three levels of nesting; a write past the end grows (nulls between),
// a read past the end or at a negative index throws; arrays are objects
// (== is identity, clone copies shallowly, a callee changes the caller's
// array); .length of arrays, strings (characters) and binaries; covariance of
// class arrays; the native methods with numbers equal across kinds.
class cell { var v : int; void cell(int x) { v = x; } string toString() { return "c" + v; } };

class arrays_edge
{
    static void fill(int[] a, int v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    static int sum(.internal.object[] xs) { return xs.length; }

    static void main()
    {
        int[] none = new int[0];
        println(none + " " + none.length);
        println(new long[2] + " " + new float[1] + " " + new double[1] + " " + new char[0] + " " + new bool[1]
                + " " + new string[1] + " " + new cell[1]);
        int[][][] cube = new int[2][][];
        cube[1] = new int[2][];
        cube[1][0] = new int[2];
        cube[1][0][1] = 5;
        println(cube + " " + cube[1][0][1] + cube[1][0].length);

        int[] a = new int[2];
        a[4] = 9;
        println(a.length + " " + a[3] + " " + a[4]);
        try { println(a[5]); } catch (.phantom.IndexOutOfRangeException e) { println("read past the end"); }
        try { a[-1] = 1; } catch (.phantom.IndexOutOfRangeException e) { println("negative index"); }

        int[] b = new int[3];
        int[] c = new int[3];
        println((b == c) + " " + (b == b) + " " + (b :== b));
        var d = b.clone();
        d[0] = 7;
        println(b[0] + " " + d[0]);
        fill(b, 3);
        println(b);
        cell[] cells = new cell[2];
        cells[0] = new cell(1);
        cell[] shallow = cells.clone();
        shallow[0].v = 10;
        println(cells[0].v + " " + (shallow[0] :== cells[0]));

        println("h\u00e9".length + " " + .internal.binary.fromString("abc").size() + " " + cells.length);
        println(sum(cells));

        var nums = new void[]();
        nums.add(1);
        nums.add(2.0);
        nums.add(3L);
        println(nums.indexOf(2) + " " + nums.indexOf(3.0) + " " + nums.contains(1L) + " " + nums.indexOf("1"));
        nums.insert(0, 0.5);
        nums.sort();
        println(nums + " " + nums.removeAt(1) + " " + nums);
        println(nums.slice(1, 3) + " " + nums.slice(0, 0));

        int[] grow = new int[]();
        for (int i = 0; i < grow.length || i < 3; i++) grow[i] = i * i;
        println(grow);
        int[] nothing = null;
        try { println(nothing.length); } catch (.phantom.NullReferenceException e) { println("null has no length"); }
    }
};
