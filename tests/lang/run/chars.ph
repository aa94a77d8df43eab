// chars: literals and escapes, arithmetic (a char counts as an int),
// casts both ways, comparisons and the static helpers of .internal.char.
class chars
{
    static void main()
    {
        char a = 'a';
        println(a);
        println(a + 1);
        println((char)(a + 1));
        println((int)a);
        char nl = '\n';
        println((int)nl);
        println('\\');
        println('\'');
        println('\x41');
        println('é');
        println((int)'é');
        println(a < 'b');
        println(a == 97);
        char c = 'A';
        c += 25;
        println(c);
        println(.internal.char.isDigit('7'));
        println(.internal.char.toUpperCase('q'));
        string s = "" + a + 'b' + 'c';
        println(s);
        char z = (char)90;
        println(z);
    }
};
