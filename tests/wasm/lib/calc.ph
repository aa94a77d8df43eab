// calc.ph - Phantom code calling the library module calc.wasm (the test
// puts it in the world's file system as /calc.wasm): numbers of every
// type in and out, memory through copies, a trap and what follows it,
// and every error a caller can make.
class calc
{
    static void main(string[] args)
    {
        var m = .phantom.wasm.module.load(.phantom.io.file.read("/calc.wasm"));
        string[] names = m.exports();
        print("exports:");
        for (int i = 0; i < names.length; i++)
            print(" " + names[i]);
        println("");
        println("add: " + m.call("add", 40, 2));
        println("add wraps: " + m.call("add", 2147483647, 1));
        println("mul64: " + m.call("mul64", 3000000000L, 3000000000L));
        println("hyp: " + m.call("hyp", 3.0, 4));
        println("bump: " + m.call("bump") + " " + m.call("bump"));
        println("fib(90): " + m.call("fib", 90));
        int p = (int)m.call("buffer");
        m.write(p, "hello, world");
        m.call("upper", 12);
        println("upper: " + m.readString(p, 100));
        println("bytes: " + m.read(p, 5));
        m.call("greet");
        println("deep: " + m.call("deep", 10000));
        try {
            m.call("divide", 1, 0);
        } catch (.phantom.wasm.TrapException e) {
            println("trap: " + e.getMessage());
        }
        println("after the trap: " + m.call("bump"));
        println("spin: " + m.call("spin", 1000000));
        try { m.call("nope"); } catch (.phantom.ArgumentException e) { println("error: " + e.getMessage()); }
        try { m.call("add", 1); } catch (.phantom.ArgumentException e) { println("error: " + e.getMessage()); }
        try { m.call("add", "x", 1); } catch (.phantom.Exception e) { println("error: " + e.getMessage()); }
        try { m.call("add", 5000000000L, 1); } catch (.phantom.Exception e) { println("error: " + e.getMessage()); }
        try { m.read(-1, 4); } catch (.phantom.IndexOutOfRangeException e) { println("error: " + e.getMessage()); }
        try { m.write(m.memorySize() - 2, "abc"); } catch (.phantom.IndexOutOfRangeException e) { println("error: " + e.getMessage()); }
        try { .phantom.wasm.module.load("not a module"); } catch (.phantom.ArgumentException e) { println("error: " + e.getMessage()); }
        try {
            m.call("quit", 3);
        } catch (.phantom.wasm.TrapException e) {
            println("quit: " + e.getMessage());
        }
        try { m.call("bump"); } catch (.phantom.IllegalStateException e) { println("error: " + e.getMessage()); }
    }
};
