// Names declared twice: classes, fields, methods with the same parameter
// types, parameters, locals.
class twice { };
class twice { };

class duplicates
{
    var a : int;
    var a : string;

    void m(int x) { }
    void m(int y) { }
    void m(string x) { }

    void p(int v, int v) { }

    static void main()
    {
        int i = 1;
        { int i = 2; }
        string i = "three";
    }
};
