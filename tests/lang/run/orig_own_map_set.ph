// A program whose own .phantom.util.map lacks what the library's set
// needs, and which uses set: the error names the program's class, the
// library class, and shows the library class's own errors.
package .phantom.util;

class map
{
    var n : int;
    void put( var k, var v ) { n = n + 1; }
};

class orig_own_map_set
{
    void run( var boot )
    {
        var s : .phantom.util.set;
        s = new .phantom.util.set();
        s.add( 1 );
    }
};
