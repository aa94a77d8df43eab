// .phantom.util.mapEntry: one key and its value in a .phantom.util.map.
// The map makes and owns these; programs see them only through
// map.entries(), and only read them.
package .phantom.util;

class mapEntry
{
    var key;
    var value;
    var hash : int;        // the mixed hash of key
    var next : mapEntry;   // the next entry in the same bucket
    var pos : int;         // the index of this entry in the map's order array

    void mapEntry(var k, var v, int h)
    {
        key = k;
        value = v;
        hash = h;
    }

    .internal.object getKey()
    {
        return key;
    }

    .internal.object getValue()
    {
        return value;
    }

    string toString()
    {
        return "" + key + ": " + value;
    }
};
