// Expressions the compiler refuses, found from declared types: casts that
// can never work (bool to a number, an array to a number, between a class
// and an array, a string and a class, arrays of unrelated or different
// primitive elements), shifts and bitwise operators on floating values,
// ordering objects, a string's character assigned, narrowing without a
// cast.  (== of a bool and a number, or instanceof a type the value can
// never have, are allowed: they are false.)
class box { };

class expr_errors
{
    static void main()
    {
        bool b = true;
        int n = (int)b;
        int[] arr = new int[2];
        long l = (long)arr;
        var ba = (box[])new box();
        var bs = (box)"s";
        var ia = (int[])new long[1];
        var sa = (string[])new box[1];
        double d = 1.5;
        println(d << 2);
        println(d >>> 1);
        println(d | 1);
        println(b == 1);
        println(new box() < new box());
        println(n instanceof int[]);
        char c = n;
        string s = "abc";
        s[0] = 'x';
        float f = d;
    }
};
