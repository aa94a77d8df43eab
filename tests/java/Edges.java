// edge cases: stack overflow caught, null arrays, MIN_VALUE arithmetic,
// non-ASCII text in the Basic Multilingual Plane, float and long limits
public class Edges {
    static int depth = 0;
    static void down() { depth++; down(); }
    public static void main(String[] args) {
        try { down(); } catch (StackOverflowError e) { System.out.println("SOE caught " + (depth > 1000)); }
        Object o = "s";
        try { Integer i = (Integer) o; } catch (ClassCastException e) { System.out.println("cce"); }
        int[] a = null;
        try { System.out.println(a.length); } catch (NullPointerException e) { System.out.println("npe len"); }
        try { a[0] = 1; } catch (NullPointerException e) { System.out.println("npe store"); }
        String s = null;
        System.out.println("null concat " + s);
        long x = Long.MIN_VALUE;
        System.out.println(x / -1 + " " + x % -1 + " " + Math.abs(x));
        System.out.println((char) 955 + "" + 'é');
        System.out.println("λé".length() + " " + "λé".charAt(0) + " " + (int) "λé".charAt(1));
        System.out.println(Integer.MIN_VALUE % -1);
        double d = 1e300 * 1e10;
        System.out.println(d + " " + (float) 1e40 + " " + (long) Float.NaN);
    }
}
