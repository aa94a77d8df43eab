// .internal.connection's fio: back end: files of the world's file system
// (the ones WebAssembly programs see as "/", and `phantom fs` shows).
class connection_fio
{
    static void main()
    {
        .internal.connection f = new .internal.connection();
        println(f.connect("fio:/notes.txt"));          // made: 0
        println(f.block("hello, world\n", 1));         // 13 bytes written
        println(f.block("second line\n", 1));
        println(f.block(7, 2));                        // seek to 7: 0
        println("[" + f.block(5, 0) + "]");            // "world"
        println(f.block(0, 5));                        // any other op seeks: 0
        print(f.block(1000, 0));                       // the whole file
        println("[" + f.block(10, 0) + "]");           // at the end: ""
        println(f.block(-1, 0));                       // -EINVAL
        println(f.block(-1, 2));                       // -EINVAL
        println(f.invoke(0, 0));                       // EINVAL
        println(f.toString());

        .internal.connection g = new .internal.connection();
        println(g.connect("fio:notes.txt"));           // the same file, from the root
        print(g.block(100, 0));
        println(g.connect("fio:/notes.txt/x"));        // ENOTDIR
        println(g.connect("fio:/missing/x"));          // ENOENT
        println(g.connect("fio:/"));                   // EISDIR
        println(f.disconnect());
        println(f.disconnect());                       // ENXIO
        try { f.block(1, 0); } catch (.phantom.IllegalStateException e) { println(e.getMessage()); }
    }
};
