// strings: methods, identity vs equals, hashCode, concatenation
public class Strings {
    static String twice(String s) { return s + s; }
    public static void main(String[] args) {
        String a = "hello";
        String b = "hel" + "lo";
        String c = twice("hel").substring(0, 3) + "lo";
        System.out.println(a == b);
        System.out.println(a == c);
        System.out.println(a.equals(c));
        System.out.println(a.hashCode());
        System.out.println("".hashCode() + " " + "Phantom persists".hashCode());
        System.out.println(a.length() + " " + a.charAt(1) + " " + a.indexOf('l') + " " + a.indexOf("lo") + " " + a.lastIndexOf('l'));
        System.out.println(a.substring(1) + "|" + a.substring(1, 3) + "|" + a.toUpperCase());
        System.out.println(a.compareTo("help") + " " + "b".compareTo("a") + " " + "ab".compareTo("abc"));
        System.out.println(a.concat(" world").replace('l', 'L'));
        System.out.println("  trim me ".trim() + "|" + a.startsWith("he") + a.endsWith("x") + a.contains("ell"));
        System.out.println(String.valueOf(42) + String.valueOf(true) + String.valueOf('c') + String.valueOf(1.5));
        char[] cs = a.toCharArray();
        cs[0] = 'j';
        System.out.println(cs.length > 0 ? "ok" : "no");
        System.out.println(String.valueOf(cs));
        StringBuilder sb = new StringBuilder();
        sb.append(1).append('x').append(2L).append(true).append(1.5).append("s").append((Object) null).append(2.5f);
        System.out.println(sb.toString());
        System.out.println(sb.length());
        System.out.println(new StringBuilder("abc").reverse());
        int n = 5;
        long L = 1L << 40;
        double d = 0.5;
        char ch = 'q';
        boolean z = false;
        Object o = null;
        System.out.println("n=" + n + " L=" + L + " d=" + d + " ch=" + ch + " z=" + z + " o=" + o + " s=" + a);
        String s = "";
        for (int i = 0; i < 5; i++) s += i;
        System.out.println(s);
        System.out.println("a".isEmpty() + " " + "".isEmpty());
        System.out.println("Hello".equalsIgnoreCase("hELLO"));
    }
}
