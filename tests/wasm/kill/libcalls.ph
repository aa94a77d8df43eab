// libcalls.ph - calls the library module libcalls.wasm (put in the
// world's file system as /libcalls.wasm) LIBCALLS_STEPS times, printing
// "step I HASH" after each call; after each it checks that the module
// counted exactly as many ended calls as this program did ("BAD"
// otherwise).  tests/crash/wasm_killloop.c kills it at random moments.
class libcalls
{
    static void main(string[] args)
    {
        var m = .phantom.wasm.module.load(.phantom.io.file.read("/libcalls.wasm"));
        int steps = 1000;   // LIBCALLS_STEPS
        for (int i = 0; i < steps; i++) {
            int h = (int)m.call("work", i);
            int n = (int)m.call("calls");
            if (n != i + 1)
                println("BAD the module counted " + n + " calls after " + (i + 1));
            println("step " + i + " " + h);
        }
        println("done");
    }
};
