// interface default methods are not translated yet: refused at install time, naming where
public class Defaults {
    interface Greeter { default String hi() { return "hi"; } }
    public static void main(String[] args) {
        System.out.println(new Greeter() {}.hi());
    }
}
