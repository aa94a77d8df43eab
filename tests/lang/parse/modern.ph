// A program in the modern style: statics, constants, for loops, ++ and +=,
// string +, bool, char, else if, interfaces, try/catch/finally.
package .demo;

interface greeter
{
    string greet( string who );
};

class polite implements greeter
{
    static const string PREFIX = "Hello, ";
    private var count : int = 0;

    public string greet( string who ) { count++; return PREFIX + who + "!"; }
};

class main
{
    static int fib( int n )
    {
        if( n < 2 ) return n;
        return fib(n - 1) + fib(n - 2);
    }

    static void main( var args : string[] )
    {
        greeter g = new polite();
        println(g.greet("world"));
        var total = 0;
        for( var i = 0; i < args.length; i++ )
        {
            total += args[i].length();
        }
        int[] squares = new int[10];
        for( int i = 0; i < 10; ++i ) squares[i] = i * i;
        bool even = total % 2 == 0;
        char c = even ? 'e' : 'o';
        if( total > 100 ) println("long");
        else if( total > 10 ) println("medium");
        else println("short: " + total + " " + c);
        try
        {
            println(fib(20));
            throw new .lang.error("done");
        }
        catch( .lang.error e ) { println("caught " + e.message()); }
        finally { println("finally"); }
    }
};
