// Object creation the compiler refuses: new of a value class, arguments
// to an empty array, a non-int array size, a dynamic creation from
// something that is not a class object or into a primitive type, objects
// only the system makes, constructor arguments an internal class does
// not take, a class without the constructor asked for; and indexing
// what cannot be indexed, with a non-int index.
class point { point(int x, int y) { } };

class new_errors
{
    static void main()
    {
        var a = new int();
        var b = new string[](3);
        var c = new int["three"];
        var d = new *("point")();
        var e = new *(point.class) : int ();
        var f = new .internal.thread();
        var g = new .internal.directory(16);
        var h = new point(1);
        var i = new point();
        int n = 5;
        var j = n[0];
        int[] arr = new int[2];
        var k = arr["0"];
        var l = arr[1.5];
    }
};
