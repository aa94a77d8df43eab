// .phantom.util.iterator: walks the elements of a container once.
//     while (it.hasNext()) { var x; x = it.next(); ... }
package .phantom.util;

interface iterator
{
    bool hasNext();
    .internal.object next();
};
