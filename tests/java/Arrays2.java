// arrays of every kind, multi-dimensional, copying, clone, length
public class Arrays2 {
    public static void main(String[] args) {
        int[] a = new int[10];
        for (int i = 0; i < a.length; i++) a[i] = i * i;
        int s = 0;
        for (int v : a) s += v;
        System.out.println(s);
        byte[] b = new byte[3];
        b[0] = (byte) 200; b[1] = 127; b[1]++;
        System.out.println(b[0] + " " + b[1]);
        short[] sh = { 1, 2 };
        sh[0] = (short) 40000;
        System.out.println(sh[0]);
        char[] cs = new char[3];
        cs[0] = 'x'; cs[1] = (char) 65601;
        System.out.println((int) cs[1] + " " + cs[0] + (int) cs[2]);
        long[] ls = { 1L << 60, 3 };
        ls[1] += ls[0];
        System.out.println(ls[1]);
        float[] fs = new float[2];
        fs[0] = 1.5f;
        System.out.println(fs[0] + fs[1]);
        double[] ds = { 0.5, 0.25 };
        System.out.println(ds[0] + ds[1]);
        boolean[] flags = new boolean[4];
        flags[2] = true;
        System.out.println(flags[2] + " " + flags[3]);
        String[] names = { "x", "y", null };
        System.out.println(names[0] + names[1] + names[2] + names.length);
        int[][] grid = new int[3][4];
        grid[1][2] = 5;
        System.out.println(grid.length + " " + grid[0].length + " " + grid[1][2] + " " + grid[2][3]);
        int[][] jag = new int[2][];
        jag[0] = new int[] { 1 };
        jag[1] = new int[] { 2, 3 };
        System.out.println(jag[1][1] + " " + (jag[0].length + jag[1].length));
        long[][][] cube = new long[2][2][2];
        cube[1][1][1] = 8;
        System.out.println(cube[1][1][1] + cube[0][0][0]);
        int[] copy = new int[5];
        System.arraycopy(a, 2, copy, 1, 3);
        System.out.println(copy[0] + " " + copy[1] + " " + copy[3] + " " + copy[4]);
        System.arraycopy(a, 0, a, 1, 4);
        System.out.println(a[0] + " " + a[1] + " " + a[4]);
        int[] cl = a.clone();
        cl[0] = 99;
        System.out.println(a[0] + " " + cl[0] + " " + cl.length);
        Object[] objs = new Object[2];
        objs[0] = "s";
        objs[1] = Integer.valueOf(3);
        System.out.println(objs[0] + "" + objs[1]);
        int[] sorted = { 5, 3, 9, 1 };
        for (int i = 0; i < sorted.length; i++)
            for (int j = i + 1; j < sorted.length; j++)
                if (sorted[j] < sorted[i]) { int t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t; }
        System.out.println(sorted[0] + "," + sorted[1] + "," + sorted[2] + "," + sorted[3]);
    }
}
