// Compound assignment and ++/--: '+=' of a string into a number, a result
// the target's type cannot hold, operators on types that lack them, and
// a length as the target.
class compound_errors
{
    static void main()
    {
        int n = 0;
        n += "x";
        bool b = true;
        b += 1;
        b &= 1;
        string s = "a";
        s -= "b";
        s++;
        char c = 'a';
        c *= "2";
        int[] a = new int[1];
        a += 1;
        "abc".length -= 1;
        --b;
    }
};
