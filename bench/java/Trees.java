// bench/java: binary trees (allocation of many small objects, recursion).
public class Trees {
    static final class Node {
        final Node left, right;
        Node(Node l, Node r) { left = l; right = r; }
        int check() { return left == null ? 1 : 1 + left.check() + right.check(); }
    }

    static Node make(int d) { return d == 0 ? new Node(null, null) : new Node(make(d - 1), make(d - 1)); }

    public static void main(String[] args) {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        Node longLived = make(max);
        for (int d = 4; d <= max; d += 2) {
            int iters = 1 << (max - d + 4), check = 0;
            for (int i = 0; i < iters; i++) check += make(d).check();
            System.out.println(iters + "\t trees of depth " + d + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + max + "\t check: " + longLived.check());
    }
}
