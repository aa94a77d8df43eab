// reflection is not translated: refused at install time, naming what is missing
public class Reflection {
    public static void main(String[] args) {
        System.out.println(new Object().getClass().getName());
    }
}
