; fib.pasm - recursive Fibonacci: calls, compares, integer adds.
;
;   static int fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
;   static void main() { println(fib(32)); }
.class .bench.fib
.source "fib.ph"

.method static fib (.internal.int).internal.int
    load 0
    pushint 2
    jge recurse
    load 0
    return
recurse:
    load 0
    pushint 1
    sub
    invokestatic .bench.fib fib (.internal.int).internal.int
    load 0
    pushint 2
    sub
    invokestatic .bench.fib fib (.internal.int).internal.int
    add
    return
.end

.method static main ()void
    pushint 32
    invokestatic .bench.fib fib (.internal.int).internal.int
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
