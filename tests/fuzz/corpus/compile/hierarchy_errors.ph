// Inheritance problems: a cycle, extending an interface or a final
// internal class, implementing a class, an interface method left out,
// instantiating an interface or an abstract class.
class loop_a extends loop_b { };
class loop_b extends loop_a { };

interface speaker { string speak(); };
class mute implements speaker { };

class wrong1 extends speaker { };
class wrong2 implements mute { };
class wrong3 extends .internal.string { };

class partial { int f(); };

class hierarchy_errors
{
    static void main()
    {
        var s = new speaker();
        var p = new partial();
        var i = new int();
    }
};
