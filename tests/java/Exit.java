// System.exit with a status; arguments reach main
public class Exit {
    public static void main(String[] args) {
        System.out.println(args.length);
        for (String a : args) System.out.println("arg " + a);
        System.exit(args.length + 40);
        System.out.println("not reached");
    }
}
