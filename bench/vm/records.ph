// records.ph - recursion with records: 300k keys from a small LCG inserted
// into an unbalanced binary search tree of node records by a recursive
// insert (duplicates counted), then recursive walks for the node count,
// the height and a key-weighted sum.
class node
{
    int key;
    int count;
    node left;
    node right;

    node(int k) { key = k; count = 1; }
};

class records
{
    static node insert(node t, int k)
    {
        if (t == null)
            return new node(k);
        if (k < t.key)
            t.left = insert(t.left, k);
        else if (k > t.key)
            t.right = insert(t.right, k);
        else
            t.count++;
        return t;
    }

    static int size(node t)
    {
        if (t == null)
            return 0;
        return 1 + size(t.left) + size(t.right);
    }

    static int height(node t)
    {
        if (t == null)
            return 0;
        int l = height(t.left), r = height(t.right);
        return 1 + (l > r ? l : r);
    }

    static int weighted(node t)
    {
        if (t == null)
            return 0;
        return (weighted(t.left) + t.key % 1000 * t.count + weighted(t.right)) % 1000000007;
    }

    static void main()
    {
        node root = null;
        int x = 1, y = 7;
        for (int i = 0; i < 300000; i++) {
            x = (x * 75 + 74) % 65537;
            y = (y * 75 + 74) % 65537;
            root = insert(root, x % 30000 * 30000 + y % 30000);
        }
        println(size(root) + " " + height(root) + " " + weighted(root));
    }
};
