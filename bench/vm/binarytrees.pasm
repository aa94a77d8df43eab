; binarytrees.pasm - the benchmarks-game binary-trees, depth 16; prints the
; sum of every check instead of one line per depth.
;
;   class node {
;       node left, right;
;       node(node l, node r) { left = l; right = r; }
;       int check() { if (left == null) return 1; return 1 + left.check() + right.check(); }
;   }
;   static node bottomUp(int depth) {
;       if (depth > 0) { depth = depth - 1; return new node(bottomUp(depth), bottomUp(depth)); }
;       return new node(null, null);
;   }
.class .bench.binarytrees.node
.source "binarytrees.ph"
.field left : .bench.binarytrees.node
.field right : .bench.binarytrees.node

.method ctor node (.bench.binarytrees.node,.bench.binarytrees.node)void
    load 0
    load 1
    putfield .bench.binarytrees.node left
    load 0
    load 2
    putfield .bench.binarytrees.node right
    retvoid
.end

.method check ().internal.int
    load 0
    getfield .bench.binarytrees.node left
    pushnull
    refeq
    jf inner
    pushint 1
    return
inner:
    pushint 1
    load 0
    getfield .bench.binarytrees.node left
    invokevirtual .bench.binarytrees.node check ().internal.int
    add
    load 0
    getfield .bench.binarytrees.node right
    invokevirtual .bench.binarytrees.node check ().internal.int
    add
    return
.end

.class .bench.binarytrees
.source "binarytrees.ph"

.method static bottomUp (.internal.int).bench.binarytrees.node
    load 0
    pushint 0
    gt
    jf leaf
    load 0
    pushint 1
    sub
    store 0
    new .bench.binarytrees.node
    dup
    load 0
    invokestatic .bench.binarytrees bottomUp (.internal.int).bench.binarytrees.node
    load 0
    invokestatic .bench.binarytrees bottomUp (.internal.int).bench.binarytrees.node
    invokespecial .bench.binarytrees.node node (.bench.binarytrees.node,.bench.binarytrees.node)void
    pop
    return
leaf:
    new .bench.binarytrees.node
    dup
    pushnull
    pushnull
    invokespecial .bench.binarytrees.node node (.bench.binarytrees.node,.bench.binarytrees.node)void
    pop
    return
.end

;   int n = 16, mindepth = 4, maxdepth = mindepth + 2;
;   if (maxdepth < n) maxdepth = n;
;   int total = bottomUp(maxdepth + 1).check();
;   node longlived = bottomUp(maxdepth);
;   for (int depth = mindepth; depth <= maxdepth; depth += 2) {
;       int iterations = 1 << (maxdepth - depth + mindepth);
;       int check = 0;
;       for (int i = 1; i <= iterations; i++) check = check + bottomUp(depth).check();
;       total = total + check;
;   }
;   total = total + longlived.check();
;   println(total);
.method static main ()void
    .locals 9
    pushint 16
    store 0                 ; n
    pushint 4
    store 1                 ; mindepth
    load 1
    pushint 2
    add
    store 2                 ; maxdepth
    load 2
    load 0
    jge nomax
    load 0
    store 2
nomax:
    load 2
    pushint 1
    add
    invokestatic .bench.binarytrees bottomUp (.internal.int).bench.binarytrees.node
    invokevirtual .bench.binarytrees.node check ().internal.int
    store 3                 ; total
    load 2
    invokestatic .bench.binarytrees bottomUp (.internal.int).bench.binarytrees.node
    store 4                 ; longlived
    load 1
    store 5                 ; depth
    jmp dtest
dbody:
    pushint 1
    load 2
    load 5
    sub
    load 1
    add
    shl
    store 6                 ; iterations
    pushint 0
    store 7                 ; check
    pushint 1
    store 8                 ; i
    jmp itest
ibody:
    load 7
    load 5
    invokestatic .bench.binarytrees bottomUp (.internal.int).bench.binarytrees.node
    invokevirtual .bench.binarytrees.node check ().internal.int
    add
    store 7
    inclocal 8 1
itest:
    load 8
    load 6
    le
    jt ibody
    load 3
    load 7
    add
    store 3
    inclocal 5 2
dtest:
    load 5
    load 2
    le
    jt dbody
    load 3
    load 4
    invokevirtual .bench.binarytrees.node check ().internal.int
    add
    store 3
    load 3
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
