// The parent of the basket: a constructor named like the class, a method
// the basket overrides (called from here, so dispatch goes to the basket).
package .demo.shop;

class container
{
    var name : string;
    var opened : int;

    void container() { name = "container"; opened = 1; }

    string describe()
    {
        return name.concat(" with ").concat(contents());
    }

    string contents() { return "nothing"; }
};
