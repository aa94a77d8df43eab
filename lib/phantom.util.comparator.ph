// .phantom.util.comparator: an order between two values, for sorting.
// compare(a, b) is negative when a comes before b, zero when they are
// equivalent, positive when a comes after b.
package .phantom.util;

interface comparator
{
    int compare(var a, var b);
};
