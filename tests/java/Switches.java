// switch: tableswitch, lookupswitch, strings (hashCode), fallthrough
public class Switches {
    static String day(int d) {
        switch (d) {
            case 1: return "mon";
            case 2: return "tue";
            case 3: return "wed";
            case 4: case 5: return "late";
            default: return "?";
        }
    }
    static int sparse(int v) {
        switch (v) {
            case -1000: return 1;
            case 7: return 2;
            case 123456: return 3;
            case Integer.MIN_VALUE: return 4;
        }
        return 0;
    }
    static int color(String s) {
        switch (s) {
            case "red": return 1;
            case "green": return 2;
            case "Aa": return 3;
            case "BB": return 4;
            default: return -1;
        }
    }
    public static void main(String[] args) {
        for (int i = 0; i <= 6; i++) System.out.print(day(i) + " ");
        System.out.println();
        System.out.println(sparse(-1000) + sparse(7) * 10 + sparse(123456) * 100 + sparse(Integer.MIN_VALUE) * 1000 + sparse(8));
        System.out.println(color("red") + " " + color("green") + " " + color("Aa") + " " + color("BB") + " " + color("blue"));
        int acc = 0;
        for (int i = 0; i < 4; i++) {
            switch (i) {
                case 0: acc += 1;
                case 1: acc += 10; break;
                case 2: acc += 100;
                default: acc += 1000;
            }
        }
        System.out.println(acc);
        char c = 'b';
        switch (c) { case 'a': System.out.println("A"); break; case 'b': System.out.println("B"); break; }
    }
}
