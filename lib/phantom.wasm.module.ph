// .phantom.wasm.module: a WebAssembly module loaded as a library, whose
// exported functions Phantom code calls (docs/WASM.md, "Calling a module
// from Phantom code").  Numbers go in and come out: an i32 parameter
// takes an int, i64 a long (or int), f32 and f64 any number; a result is
// an int, long, float or double, null for none, an array for several.
// Memory is reached through copies: read gives a binary, write takes a
// string or binary.  The instance lives in the world like any object:
// its memory and globals survive a restart, and a call running when the
// process was killed goes on at the next boot.  One call runs at a time
// (a second thread calling meanwhile gets IllegalStateException).
package .phantom.wasm;

class module
{
    var w;

    // Validates and instantiates the module whose bytes are `bytes` (a
    // string, such as `import "lib.wasm"`, or a binary), running its
    // start function and `_initialize` if it exports one.  A module that
    // is not valid raises .phantom.ArgumentException naming the function,
    // offset and rule; one whose start traps, TrapException.
    static .phantom.wasm.module load(var bytes)
    {
        var m = new .phantom.wasm.module();
        m.w = .internal.wasm.library(bytes);
        m.finish();
        return m;
    }

    // Steps the instance until its start or call has ended (a slice at a
    // time: other threads run meanwhile, and snapshots happen between
    // slices), then throws what stopped it, if anything did.
    private void finish()
    {
        var r = null;
        do {
            r = .internal.wasm.step(w, r);
        } while (!(r instanceof bool) || !(bool)r);
        var t = .internal.wasm.trap(w);
        if (t != null)
            throw new .phantom.wasm.TrapException(t);
    }

    // Calls the exported function `name` with the numbers of array args
    // (null: none).  Its result: null, a number, or an array of numbers.
    .internal.object apply(string name, var args)
    {
        .internal.wasm.call(w, name, args);
        finish();
        return .internal.wasm.result(w);
    }

    // The same with no, one, two or three arguments.
    .internal.object call(string name)
    {
        return apply(name, null);
    }

    .internal.object call(string name, var a)
    {
        var args = new .internal.object[1];
        args[0] = a;
        return apply(name, args);
    }

    .internal.object call(string name, var a, var b)
    {
        var args = new .internal.object[2];
        args[0] = a;
        args[1] = b;
        return apply(name, args);
    }

    .internal.object call(string name, var a, var b, var c)
    {
        var args = new .internal.object[3];
        args[0] = a;
        args[1] = b;
        args[2] = c;
        return apply(name, args);
    }

    // The names of the exported functions.
    string[] exports()
    {
        return (string[]).internal.wasm.exports(w);
    }

    // The linear memory's size in bytes.
    long memorySize()
    {
        return (long).internal.wasm.memorySize(w);
    }

    // A copy of n bytes of memory from offset.
    .internal.binary read(long offset, long n)
    {
        var b = .internal.wasm.read(w, offset, n);
        return (.internal.binary)b;
    }

    // The NUL-terminated string at offset (at most max bytes).
    string readString(long offset, long max)
    {
        long size = memorySize();
        if (offset + max > size)
            max = size - offset;
        var b = read(offset, max);
        int n = 0;
        while (n < b.size() && b.getByte(n) != 0)
            n = n + 1;
        return read(offset, n).toText();
    }

    // Copies the bytes of a string or binary into memory at offset.
    void write(long offset, var data)
    {
        .internal.wasm.write(w, offset, data);
    }
};
