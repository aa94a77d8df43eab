// The parent class of the hierarchy (one class per file, the original custom).
package .test.hier;

class base
{
    var name : .internal.string;
    var level : int;

    void base() { name = "base"; level = 0; }

    .internal.string describe() { return name + "@" + level; }
};
