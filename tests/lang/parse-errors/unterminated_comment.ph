class a
{
    void f() { }
    /* this comment never ends
    void g() { }
};
