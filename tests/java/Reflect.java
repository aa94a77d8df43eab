// getClass(), class literals and the Class methods programs use for names
// (getName, getSimpleName, toString, isInstance); StringBuilder's insert,
// delete, replace, indexOf, lastIndexOf, substring.
import java.util.*;
public class Reflect {
    static class Inner {}
    interface Shape {}
    public static void main(String[] a) {
        Object o = new Inner();
        System.out.println(o.getClass().getName() + " " + o.getClass().getSimpleName() + " " + (o.getClass() == Inner.class) + " " + o.getClass());
        System.out.println("s".getClass().getName() + " " + Integer.valueOf(3).getClass().getSimpleName() + " " + new ArrayList<>().getClass().getName() + " " + new Object(){}.getClass().getName() + "|" + new Object(){}.getClass().getSimpleName() + "|");
        System.out.println(new Reflect().getClass().equals(Reflect.class) + " " + Shape.class.getName() + " " + CharSequence.class.isInstance("x") + Object.class.getName() + Object.class.isInstance(o) + Inner.class.isInstance(null) + Inner.class.isInstance(o));
        StringBuilder sb = new StringBuilder("hello world");
        sb.insert(0, 'X').insert(1, 42).insert(0, true).delete(2, 5).replace(0, 3, "[").append("!");
        System.out.println(sb + " " + sb.indexOf("o", 6) + " " + sb.lastIndexOf("o") + " " + sb.substring(3) + " " + sb.substring(1, 4) + " " + sb.isEmpty() + sb.delete(0, 100).length());
    }
}
