// .phantom.util.objects: equal, hash, compare and toString of any value,
// null included, honouring a class's own methods.
import .phantom.util.objects;

class version
{
    var major : int;
    var minor : int;
    void version(int a, int b) { major = a; minor = b; }
    bool equals(var o) { return o instanceof version && ((version) o).major == major && ((version) o).minor == minor; }
    int hashCode() { return major * 100 + minor; }
    int compareTo(var o)
    {
        version v = (version) o;
        if (major != v.major) return major - v.major;
        return minor - v.minor;
    }
    string toString() { return major + "." + minor; }
};

class plain { };

class objects_test
{
    static void main()
    {
        println(objects.equal(null, null) + " " + objects.equal(null, 1) + " " + objects.equal(1, null));
        println(objects.equal(1, 1.0) + " " + objects.equal("a", "a") + " " + objects.equal("a", "b"));
        println(objects.equal(new version(1, 2), new version(1, 2)) + " " + objects.equal(new version(1, 2), new version(2, 1)));
        var p = new plain();
        println(objects.equal(p, p) + " " + objects.equal(p, new plain()));

        println(objects.hash(null) + " " + objects.hash(new version(3, 4)));
        println(objects.hash(7) == objects.hash(7L));
        println(objects.hash("abc") == "abc".hashCode());

        println(objects.compare(1, 2) + " " + objects.compare(2.5, 2) + " " + objects.compare("b", "b"));
        println(objects.compare(new version(1, 9), new version(2, 0)) < 0);
        try { objects.compare(null, 1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { objects.compare(1, null); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { objects.compare("a", 1); } catch (.phantom.TypeException e) { println("TypeException"); }
        try { objects.compare(p, p); } catch (.phantom.NoSuchMethodException e) { println("NoSuchMethodException"); }

        println(objects.toString(null) + " " + objects.toString(new version(1, 0)) + " " + objects.toString(2.5));
    }
};
