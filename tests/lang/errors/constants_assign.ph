// Constants, length and the characters of strings cannot be assigned.
class limits { const int MAX = 10; };

class constants_assign
{
    const string NAME = "x";

    static int f() { return 1; }

    static void main()
    {
        limits.MAX = 11;
        NAME = "y";
        const int k = 1;
        k++;
        int[] a = new int[2];
        a.length = 5;
        string s = "abc";
        s[0] = 'x';
        limits.MAX += 1;
    }
};
