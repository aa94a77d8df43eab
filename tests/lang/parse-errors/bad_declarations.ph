class a extends b, c implements d
{
    foo() { }
    var ;
    int;
    class inner { }
    const int N;
    static static int twice;
    public private int both;
    static a() { }
    const void m() { }
    int m2() [x] { }
    int m3() [2147483648] { }
    int m4(var) { }
    int m5(int a b) { }
    void ok() { }
};
interface i implements j { };
static class s { };
