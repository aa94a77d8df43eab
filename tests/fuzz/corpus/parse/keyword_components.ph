// Any keyword may follow a '.' in a name; a quoted component may be anything.
package .internal;

import .internal.int;
import .internal.long;
import .internal.string;
import .internal.class;
import .internal."class";
import .a."odd name"."2nd";

class .internal."class"
{
    var i : .internal.int;
    var s : .internal.string;
    var f : .internal.float;
    .internal.double d;
    .internal.void [] v;
};
