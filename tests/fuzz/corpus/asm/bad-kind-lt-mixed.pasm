; expect: class .bad.k, method run()*, offset 10: lt compares a string with a number
.class .bad.k
.method static run ()*
    .stack 2
    pushconst "a"
    pushconst 1.5
    lt
    return
.end
