class calls
{
    void run( var boot @const )
    {
        boot.16("Hello\n");                     // call by ordinal
        boot.consolePrint("Hello\n");
        print("unqualified");
        println(1, 2, 3);
        f();
        o.m();
        o.m(1).n(2).p(3);                        // chained
        a.b.c(x);                                // dotted name, then a call
        .demo.util.max(1, 2);                    // a static call on an absolute class name
        .internal.io.tty.x.y(z);
        this.go();
        super.run(boot);
        o.(selector)(1, 2);                      // a computed method (original)
        o.16(x).toString();
        s = 5.toString();
        s = (a + b).toString();
        s = "text".length();
        s = arr[0].name();
        f(g(h(1)), k[2], new item());
        o."strange method"(1);
        dir.put( "Hello", "world" );
        incr.toString();
    }
};
