class hello
{
    static void main()
    {
        var n : int = 0;
        for( var i = 1; i <= 10; i++ ) n += i;
        println("sum=" + n);       // prints sum=55
    }
};
