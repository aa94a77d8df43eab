// lambdas are not translated yet: refused at install time, naming where
public class Lambdas {
    public static void main(String[] args) {
        Runnable r = () -> System.out.println("hi");
        r.run();
    }
}
