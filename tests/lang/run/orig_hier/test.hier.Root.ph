// The root of a three-class chain of constructors named like their
// classes; it also calls a method its subclasses override.
package .test.hier;

class Root
{
    var root_init : int;
    var trail : string;

    void Root()
    {
        root_init = 1;
        trail = "Root(".concat( kind() ).concat( ")" );
    }

    string kind() { return "root"; }
};
