// classes, constructors, fields, inheritance, interfaces, overloading,
// abstract classes, instanceof and casts, inner and anonymous classes
public class Classes {
    interface Shape { double area(); String name(); }
    static abstract class Base implements Shape {
        protected int id;
        static int made;
        Base(int id) { this.id = id; made++; describe(); }
        void describe() { System.out.println("base " + id); }
        public String name() { return "shape" + id; }
        public String toString() { return name() + "(" + area() + ")"; }
    }
    static class Square extends Base {
        double side;
        int extra = 7;
        Square(int id, double side) { super(id); this.side = side; }
        public double area() { return side * side; }
        void describe() { System.out.println("square " + id + " extra " + extra + " side " + side); }
    }
    static class Circle extends Base {
        double r;
        Circle(double r) { super(100); this.r = r; }
        public double area() { return 3 * r * r; }
        public String name() { return "circle"; }
    }
    static class Counter {
        private int count;
        private long total;
        void add(int v) { count++; total += v; }
        void add(long v) { count++; total += 2 * v; }
        void add(String s) { add(s.length()); }
        private int secret() { return 42; }
        int reveal() { return secret(); }
    }
    class Inner { int get() { return field * 2; } }
    int field = 21;

    static int sumAreas(Shape[] shapes) {
        double s = 0;
        for (Shape sh : shapes) s += sh.area();
        return (int) s;
    }

    public static void main(String[] args) {
        Shape[] shapes = { new Square(1, 2.0), new Circle(1.5), new Square(2, 3.0) };
        for (Shape s : shapes) System.out.println(s);
        System.out.println(sumAreas(shapes) + " made " + Base.made);
        Object o = shapes[1];
        System.out.println(o instanceof Circle);
        System.out.println(o instanceof Square);
        System.out.println(o instanceof Shape);
        System.out.println(((Base) o).id);
        Counter c = new Counter();
        c.add(5);
        c.add(5L);
        c.add("abc");
        System.out.println(c.count + " " + c.total + " " + c.reveal());
        Classes outer = new Classes();
        Classes.Inner in = outer.new Inner();
        System.out.println(in.get());
        Shape anon = new Shape() {
            public double area() { return 1.25; }
            public String name() { return "anon"; }
        };
        System.out.println(anon.name() + " " + anon.area());
        Object x = "str";
        System.out.println(x instanceof String);
        System.out.println(x instanceof Comparable);
        Object nul = null;
        System.out.println(nul instanceof Object);
        Integer i1 = 127, i2 = 127, i3 = 1000, i4 = 1000;
        System.out.println((i1 == i2) + " " + (i3 == i4) + " " + i3.equals(i4));
        System.out.println(i3.hashCode() + " " + Boolean.TRUE + " " + Character.valueOf('z'));
        int total = 0;
        Integer[] boxes = { 1, 2, 3 };
        for (Integer b : boxes) total += b;
        System.out.println(total);
    }
}
