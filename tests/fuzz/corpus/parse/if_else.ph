class branches
{
    int sign( var n : int )
    {
        if( n < 0 ) return 0-1;
        else if( n == 0 ) return 0;
        else return 1;
    }

    void nested( var a : int, var b : int )
    {
        if( a )
            if( b ) println("both");
            else println("a only");      // the else belongs to the inner if
        if( a ) { if( b ) println("both"); } else println("not a");
        if( a == 1 ) {} else throw "not one";
        if( !(a <= 3) ) { a = 3; }
    }

    string grade( var score : int )
    {
        if( score >= 90 ) { return "A"; }
        else if( score >= 80 ) { return "B"; }
        else if( score >= 70 ) { return "C"; }
        else { return "F"; }
    }
};
