// exceptions: try/catch/finally, the VM's own (null, divide, bounds, cast)
public class Exceptions {
    static class MyException extends Exception {
        int code;
        MyException(String m, int code) { super(m); this.code = code; }
    }
    static int depth = 0;
    static int divide(int a, int b) { return a / b; }
    static void thrower(int k) throws MyException {
        if (k > 2) throw new MyException("too big: " + k, k);
    }
    static String withFinally(int k) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("try ");
            if (k == 1) return sb.append("return ").toString();
            if (k == 2) throw new IllegalStateException("two");
            sb.append("end ");
        } catch (IllegalStateException e) {
            sb.append("caught ").append(e.getMessage()).append(' ');
        } finally {
            sb.append("finally");
        }
        return sb.toString();
    }
    static int nested() {
        int x = 0;
        try {
            try {
                x += 1;
                int[] a = new int[2];
                a[5] = 1;
            } finally {
                x += 10;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            x += 100;
            System.out.println(e.getMessage());
        }
        return x;
    }
    static int recurse(int n) { return n == 0 ? 0 : 1 + recurse(n - 1); }
    public static void main(String[] args) {
        try { divide(1, 0); } catch (ArithmeticException e) { System.out.println("caught " + e.getMessage()); }
        try { long z = 0; System.out.println(5L / z); } catch (ArithmeticException e) { System.out.println("long " + e); }
        try { String s = null; s.length(); } catch (NullPointerException e) { System.out.println("npe"); }
        try { Object o = "x"; Integer i = (Integer) o; } catch (ClassCastException e) { System.out.println("cce"); }
        try { int[] a = new int[3]; a[3] = 1; } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { int[] a = new int[3]; System.out.println(a[-1]); } catch (RuntimeException e) { System.out.println(e); }
        try { int[] a = new int[-1]; } catch (NegativeArraySizeException e) { System.out.println(e); }
        try { "abc".charAt(5); } catch (StringIndexOutOfBoundsException e) { System.out.println("sioobe"); }
        try { Integer.parseInt("12x"); } catch (NumberFormatException e) { System.out.println(e.getMessage()); }
        for (int k = 0; k < 5; k++) {
            try { thrower(k); System.out.println("ok " + k); }
            catch (MyException e) { System.out.println(e.getMessage() + " code " + e.code); }
        }
        for (int k = 0; k < 3; k++) System.out.println(withFinally(k));
        System.out.println(nested());
        try { throw new Error("custom error"); } catch (Throwable t) { System.out.println(t); }
        try { Object o = null; o.hashCode(); } catch (Exception e) { System.out.println(e instanceof NullPointerException); }
        System.out.println(recurse(1000));
        try {
            try { throw new RuntimeException("inner"); }
            finally { System.out.println("finally runs"); }
        } catch (RuntimeException e) { System.out.println("outer got " + e.getMessage()); }
        RuntimeException re = new IllegalArgumentException("bad arg");
        System.out.println(re instanceof RuntimeException);
        System.out.println(re.toString());
    }
}
