// interface default, static and private methods; a default overridden,
// inherited through a superinterface, called with I.super.m(), and
// carried by a lambda
public class Defaults {
    interface Named {
        String name();
        default String greet() { return "hello " + name() + suffix(); }
        private String suffix() { return "!"; }
        static Named of(String n) { return () -> n; }
    }
    interface Loud extends Named {
        default String shout() { return greet().toUpperCase(); }
    }
    static class Person implements Loud {
        public String name() { return "ann"; }
    }
    static class Polite extends Person {
        public String greet() { return "good day, " + super.greet(); }
    }
    public static void main(String[] args) {
        Person p = new Person();
        System.out.println(p.greet() + " " + p.shout());
        Named pol = new Polite();
        System.out.println(pol.greet());
        System.out.println(((Loud) pol).shout());
        Named l = Named.of("lambda");
        System.out.println(l.greet());
    }
}
