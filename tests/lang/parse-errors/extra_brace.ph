class a
{
    void f()
    {
        y = 1;
        }
    }
    void g() { }
};
}
class b { };
