// An unknown or unusable class in every place a class is named: extends,
// implements, a field, a parameter, a result, a local, new, a cast,
// instanceof, a catch, an array type, a static call, X.class, an import
// of a whole package that has no classes, a package imported as if it
// were a class, a relative dotted name that does not exist; and calls of
// what a class lacks.
package .app;

import .nothing.here.*;
import .internal.io;

class thing extends ghost implements phantom_iface
{
    var a : ghost2;
    ghost3 b;
    ghost4 make(ghost5 p) { return null; }

    static void main()
    {
        ghost6 l = null;
        var n = new ghost7();
        var c = (ghost8)n;
        bool i = n instanceof ghost9;
        try { } catch (ghost10 e) { }
        ghost11[] arr = null;
        ghost12.run();
        var k = ghost13.class;
        var d = new sub.ghost14();
        thing.nosuch();
        .internal.string.nosuch("x");
        var t = thing.class.nosuchMethod();
    }
};
