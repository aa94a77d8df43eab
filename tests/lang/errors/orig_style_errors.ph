// Mistakes in an original-style program (Pascal-style declarations,
// run(var boot), ordinals, untyped values): each reported once, at its
// place, in the original's terms.
package .test.orig;

import .internal.directory;
import .internal.nosuchclass;

class orig_style_errors
{
    var count : int;
    var names : string [];
    var dir : directory;
    var out;

    void orig_style_errors() { count = "zero"; names = new string[](); }

    int add( var name : string ) [16]
    {
        names[count] = name;
        count = count + 1;
        return names;
    }

    void run( var boot @const )
    {
        out = boot;
        add( 5 );
        dir = new directory();
        dir.put( "k" );
        var s : string;
        s = dir.get( "k" );
        do count = count - 1; while( count ) names[count] = null;
        if( count :== "0" ) out.16( "never" );
        var n : int;
        n = 0-names.length;
        n = names.size;
    }
};
