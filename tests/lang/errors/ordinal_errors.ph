// Method ordinals: two methods of a class fixed to one slot, a slot above
// 4095, ordinals on a static method and a constructor, an override fixed
// to a slot another method of the class holds; calls by ordinal above
// 4095.
class slots
{
    void a() [9] { }
    void b() [9] { }
    void c() [4096] { }
    static void d() [10] { }
    slots() [11] { }
    string toString() [5] { return "slots"; }
};

class sub extends slots
{
    void e() [16] { }
    void a() [16] { }
};

class ordinal_errors
{
    void run( var boot )
    {
        boot.4096("x");
        var s = new slots();
        s.9();
        s.b();
        s.c();
        slots.d();
    }
};
