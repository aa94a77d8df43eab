// How a relative class name is found (docs/LANGUAGE.md, Names): a
// single-class import first, then the file's package, then each import
// P.*, then .phantom and .internal, then the root; an absolute name is
// exactly that class.
package .app;

import .lib.shapes.*;
import .other.circle;

class main
{
    static void main()
    {
        println(new circle().who());           // the single import beats .app.circle and .lib.shapes.circle
        println(new square().who());           // the package .app beats .lib.shapes.square
        println(new triangle().who());         // only in .lib.shapes (import .*)
        println(new .app.circle().who());      // absolute
        println(new .lib.shapes.circle().who());
        println(new directory().size());       // .internal.directory
        println(new Exception("from .phantom").getMessage());
        println(new util.tool().who());        // relative dotted: .app.util.tool before .util.tool
        println(new rootonly().who());         // the root
        println(new .util.tool().who());
    }
};
