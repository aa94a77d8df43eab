// Casts that can never succeed are refused at compile time.
class fruit { };
class apple extends fruit { };
class stone { };

class cast_errors
{
    static void main()
    {
        string s = "12";
        int n = (int)s;
        stone st = (stone)new apple();
        string t = (string)42;
        bool b = (bool)"yes";
        fruit f = (fruit)new apple();
        apple a = (apple)f;
        int ok = (int)3.5;
        println(n + t + b + a + ok + st);
    }
};
