class methods
{
    void nothing() { }
    int add( var a : int, var b : int ) { return a + b; }
    int add2( int a, int b ) { return a + b; }
    void run( var boot @const ) [8] { boot.16("hi\n"); }
    int ordinal( var it : item ) [16] { return 0; }
    string name() [ 0x11 ] { return "methods"; }
    item [] list() { return null; }
    .internal.string full( var x ) { return null; }
    static int twice( int n ) { return n * 2; }
    public static void main( var args : string[] ) { }
    private void hidden() @internal { }
    int declared( int a );              // no body
    void mixed( var a, string b, var c : item [], item [] d ) { }
    int equals( var object ) [4] { }
};
