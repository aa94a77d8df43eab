// Interfaces used wrongly: an interface extending a class, a class
// extending an interface, a method left out through an interface's
// parent, a method with another argument count, an interface's constant
// assigned, an instance method of an interface called on the interface,
// a cast to an interface from a string, null passed where two interfaces
// fit equally.
class plain { };
interface bad extends plain { };
interface named { string name(); };
interface titled extends named { string title(); };
interface sized { int size(); };
class wrong extends named { };

class doc implements titled
{
    string title() { return "t"; }
};

class book implements sized
{
    int size(int pages) { return pages; }
};

interface limits { const int MAX = 3; };

class interface_errors implements limits
{
    static void show(named n) { }
    static void show(sized s) { }

    static void main()
    {
        MAX = 4;
        limits.MAX++;
        named.name();
        var t = (titled)"text";
        show(null);
    }
};
