import .internal.directory
class a
{
    var x : int
    var y : int;
    void f()
    {
        x = 1
        y = 2;
        x = 3 y = 4;
        return
    }
    void g() { h() }
};
