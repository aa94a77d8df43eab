// stack traces: printStackTrace of a caught exception, an uncaught one
// with a cause ("Caused by", "... N more"), recorded where it was made
public class Causes {
    static class AppException extends Exception {
        AppException(String m, Throwable cause) { super(m, cause); }
    }
    static int parse(String s) { return Integer.parseInt(s); }
    static int load(String s) throws AppException {
        try {
            return parse(s);
        } catch (NumberFormatException e) {
            throw new AppException("cannot load " + s, e);
        }
    }
    public static void main(String[] args) throws Exception {
        try {
            load("x1");
        } catch (AppException e) {
            System.out.println("caught: " + e.getMessage() + " / " + e.getCause().getMessage());
        }
        RuntimeException made = new RuntimeException("made here");
        System.out.println(made.getMessage());
        load("42");
        System.out.println("loaded");
        load("oops");
    }
}
