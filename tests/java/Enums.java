// enums: constants, values(), valueOf, ordinal, name, switch, fields,
// constant-specific bodies, compareTo
public class Enums {
    enum Color { RED, GREEN, BLUE }
    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6);
        final double mass, radius;
        Planet(double mass, double radius) { this.mass = mass; this.radius = radius; }
        double gravity() { return 6.67300E-11 * mass / (radius * radius); }
    }
    enum Op {
        ADD { int apply(int a, int b) { return a + b; } },
        MUL { int apply(int a, int b) { return a * b; } };
        abstract int apply(int a, int b);
    }
    static String describe(Color c) {
        switch (c) {
            case RED: return "warm";
            case BLUE: return "cold";
            default: return "neutral";
        }
    }
    public static void main(String[] args) {
        for (Color c : Color.values()) System.out.println(c + " " + c.ordinal() + " " + c.name() + " " + describe(c));
        System.out.println(Color.valueOf("GREEN") == Color.GREEN);
        try { Color.valueOf("PURPLE"); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        System.out.println(Color.RED.compareTo(Color.BLUE) + " " + Color.values().length);
        for (Planet p : Planet.values()) System.out.println(p + " " + p.gravity());
        System.out.println(Op.ADD.apply(3, 4) + " " + Op.MUL.apply(3, 4) + " " + Op.valueOf("MUL").ordinal());
        Color c = Color.BLUE;
        System.out.println(c == Color.BLUE ? "same" : "different");
        System.out.println(c.equals(Color.RED));
    }
}
