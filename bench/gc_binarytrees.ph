// gc_binarytrees.ph - the benchmarks-game binary-trees (as
// bench/vm/binarytrees.pasm and bench/vm/binarytrees.lua: prints the sum
// of every check).  The depth comes from the class depthparam, which
// bench/gc_compare.sh writes: `class depthparam { static int depth() {...} }`.
class tnode
{
    var left : tnode;
    var right : tnode;

    static tnode bottomUp(int depth)
    {
        var t = new tnode();
        if (depth > 0) {
            t.left = bottomUp(depth - 1);
            t.right = bottomUp(depth - 1);
        }
        return t;
    }

    int check()
    {
        if (left == null)
            return 1;
        return 1 + left.check() + right.check();
    }
};

class gc_binarytrees
{
    static void main()
    {
        int n = depthparam.depth();
        int mindepth = 4;
        int maxdepth = mindepth + 2;
        if (maxdepth < n)
            maxdepth = n;
        long total = tnode.bottomUp(maxdepth + 1).check();
        var longlived = tnode.bottomUp(maxdepth);
        for (int depth = mindepth; depth <= maxdepth; depth += 2) {
            int iterations = 1 << (maxdepth - depth + mindepth);
            long check = 0;
            for (int i = 0; i < iterations; i++)
                check += tnode.bottomUp(depth).check();
            total += check;
        }
        total += longlived.check();
        println(total);
    }
};
