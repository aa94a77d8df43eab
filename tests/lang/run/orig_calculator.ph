// A whole program in the original language only (no for, ++, +=, string
// +, bool, statics): a postfix calculator reading tokens with charAt,
// substring and toInt, a stack on a growable array, variables in a
// .internal.directory, errors thrown as strings, results printed through
// the boot object.
package .demo.calc;

import .internal.directory;

class stack
{
    var items : int [];
    var top : int;

    void stack() { items = new int[](); top = 0; }
    void push( var v : int ) { items[top] = v; top = top + 1; }
    int pop()
    {
        if( top == 0 ) throw "stack underflow";
        top = top - 1;
        return items[top];
    }
    int size() { return top; }
};

class calculator
{
    var vars : directory;
    var out;

    void calculator() { vars = new directory(); }

    int isDigit( var c : char ) { if( c >= '0' && c <= '9' ) return 1; return 0; }

    int eval( var text : string )
    {
        var st : stack;
        var i : int;
        var start : int;
        var c : char;
        st = new stack();
        i = 0;
        while( i < text.length() )
        {
            c = text.charAt( i );
            if( isDigit( c ) )
            {
                start = i;
                while( i < text.length() && isDigit( text.charAt( i ) ) ) i = i + 1;
                st.push( text.substring( start, i - start ).toInt() );
                continue;
            }
            if( c >= 'a' && c <= 'z' )
            {
                var v;
                v = vars.get( text.substring( i, 1 ) );
                if( v :== null ) throw "unknown variable ".concat( text.substring( i, 1 ) );
                st.push( v );
            }
            else if( c != ' ' )
            {
                var b : int;
                var a : int;
                b = st.pop();
                a = st.pop();
                switch( c )
                {
                case '+': st.push( a + b ); break;
                case '-': st.push( a - b ); break;
                case '*': st.push( a * b ); break;
                case '/':
                    if( b == 0 ) throw "division by zero";
                    st.push( a / b );
                    break;
                default: throw "bad operator ".concat( c.toString() );
                }
            }
            i = i + 1;
        }
        if( st.size() != 1 ) throw "malformed expression";
        return st.pop();
    }

    void show( var text : string )
    {
        out.16( text );
        out.16( " = " );
        try out.16( eval( text ) );
        catch( string e ) { out.16( "error: " ); out.16( e ); }
        out.16( "\n" );
    }

    void run( var boot )
    {
        out = boot;
        vars.put( "x", 6 );
        vars.put( "y", 0-4 );
        show( "1 2 +" );
        show( "12 3 4 * -" );
        show( "x y *" );
        show( "100 x / 7 +" );
        show( "1 +" );
        show( "1 0 /" );
        show( "2 3" );
        show( "2 3 ^" );
        show( "z 1 +" );
    }
};
