// Package, imports (one class, quoted components, all classes of a
// package), attribute definitions, and a class declared by absolute name.
package .test.hier;

import .internal.directory;
import .internal."class";
import .internal.io.tty;
import .demo.util.*;
import relative.name;

attribute const * ->!;
attribute ~shared +, owned !->, needed !;
attribute .test.marks.special * ->!, plain;

class .test.hier.child1 extends .test.hier.root
{
};

;;
