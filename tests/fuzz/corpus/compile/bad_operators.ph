// Operators on values they cannot work on, found from the declared types.
class bad_operators
{
    static void main()
    {
        string s = "abc";
        bool flag = true;
        println(s - 1);
        println(flag + 1);
        println(s * 2);
        println(-s);
        println(1.5 & 1);
        println(s < 3);
        println(flag > false);
        int x = 3;
        x++;
        s++;
        println(~2.0);
        println(s[0] = 'x');
    }
};
