// an exception nothing catches: Java's report on standard error, exit status 1
public class Uncaught {
    static int divide(int a, int b) { return a / b; }
    static int compute(int n) { return divide(n, n - 3); }
    public static void main(String[] args) {
        System.out.println("before");
        for (int i = 0; i < 5; i++) System.out.println(compute(i));
        System.out.println("never");
    }
}
