// a class the library does not have: refused at install time, naming it
public class Missing {
    public static void main(String[] args) {
        java.util.BitSet s = new java.util.BitSet();
        System.out.println(s.isEmpty());
    }
}
