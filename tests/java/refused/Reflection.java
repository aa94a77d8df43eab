// reflection past a class's name is not translated: refused at install
// time, naming what is missing
public class Reflection {
    public static void main(String[] args) throws Exception {
        System.out.println(Class.forName("Reflection").getName());
    }
}
