// No constructor: the implicit one calls Root's.
package .test.hier;

import .test.hier.Root;

class Intermediate extends Root
{
    var level : int;

    string kind() { return "intermediate"; }
};
