// A program's own .phantom.util.map, as the original library had it (a
// list of pairs): it replaces the library's map for this program.
package .phantom.util;

class map
{
    var pairs : .internal.object [];
    var index : int;

    void map() { index = 0; pairs = new .internal.object[](); }

    int put( var key : .internal.object, var value : .internal.object )
    {
        if( get( key ) :!= null ) return 0;
        pairs[index] = key;
        pairs[index+1] = value;
        index = index + 2;
        return 1;
    }

    .internal.object get( var key : .internal.object )
    {
        var i : int;
        i = 0;
        while( i < index )
        {
            if( key.equals( pairs[i] ) ) return pairs[i+1];
            i = i + 2;
        }
        return null;
    }
};
