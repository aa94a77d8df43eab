// static initialisation in Java's order: on first use, superclass first
public class Statics {
    static StringBuilder log = new StringBuilder();
    static void log(String s) { log.append(s).append(' '); }
    static class A {
        static int x = init("A.x", 1);
        static { log("A.static"); }
        static int init(String what, int v) { log(what); return v; }
        static void touch() { log("A.touch"); }
    }
    static class B extends A {
        static int y = init("B.y", 2);
        static final int CONST = 99;
        static { log("B.static"); }
        B() { log("B()"); }
    }
    static class C {
        static int counter;
        static int next() { return ++counter; }
    }
    static class Lazy {
        static { log("Lazy.static"); }
        static int value = 5;
    }
    public static void main(String[] args) {
        log("main");
        System.out.println(B.CONST);
        log("afterConst");
        new B();
        log("afterNew");
        A.touch();
        System.out.println(C.next() + C.next() + C.next());
        System.out.println(C.counter);
        int[] zeros = new int[3];
        long[] lz = new long[2];
        double[] dz = new double[2];
        boolean[] bz = new boolean[2];
        String[] sz = new String[2];
        System.out.println(zeros[2] + " " + lz[1] + " " + dz[0] + " " + bz[1] + " " + sz[0]);
        if (args.length > 100) System.out.println(Lazy.value);
        System.out.println(log.toString().trim());
        System.out.println(Lazy.value);
        System.out.println(log.toString().trim());
    }
}
