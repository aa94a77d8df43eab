// Numbers as the original computes with them: 32-bit ints that wrap,
// longs, floats and doubles (.internal.long etc. are the same types),
// negative numbers written 0-3, integer division truncating toward zero,
// mixed arithmetic widening to the wider operand, and numbers' own
// methods called by name and by ordinal (5 is toString).
package .test.orig;

import .internal.long;
import .internal.double;

class orig_numbers
{
    var out;

    void say( var x ) { out.16( x ); out.16( " " ); }
    void nl() { out.16( "\n" ); }

    void run( var boot )
    {
        out = boot;
        var i : int;
        i = 2147483647;
        i = i + 1;
        say( i ); say( 0-3 ); say( 0-3 * 2 ); say( (0-7) / 2 ); say( (0-7) % 2 ); say( 7 % (0-2) ); nl();
        say( 0xFF ); say( 0xFFFFFFFF ); say( 0x7FFFFFFF + 1 ); say( 1 << 31 ); nl();

        var a : .internal.long;
        var b : long;
        var c : long;
        a = 12;
        b = 2;
        c = 0-3;
        say( a / b ); say( b - c ); say( b * c ); say( a + c ); nl();
        a = 100000;
        say( a * a ); say( a * 100000 ); nl();
        b = 9223372036854775807L;
        say( b + 1 ); say( 5000000000L / 3 ); say( 1 + 5000000000L ); nl();

        var f : float;
        f = 1.5f;
        f = f * 2;
        say( f ); say( f / 4 ); say( 0.1f ); nl();
        f = 16777216.0f;
        f = f + 1;
        say( f ); nl();

        var d : .internal.double;
        var e : double;
        d = 1.0 / 3;
        say( d ); say( 0.1 + 0.2 ); say( 1e10 ); say( (0-1.5) * 2 ); say( 7 / 2.0 ); say( 7 / 2 ); nl();
        e = 12;
        say( e ); say( e / 5 ); say( 1.0 / 0 ); say( (0-1.0) / 0 ); nl();
        say( e.toInt() ); say( 3.99.toInt() ); say( (0-3.99).toInt() ); say( 1e300 * 1e300 ); nl();

        var n : int;
        n = 42;
        out.16( n.5().concat( "!" ) ); nl();
        out.16( n.toString().length() ); nl();
        say( 5000000000L.toString() ); say( 2.5.toString() ); nl();
        try { say( 1 / (i - i) ); }
        catch( .phantom.ArithmeticException x ) { say( "int division by zero throws" ); }
        nl();
        try { say( 5L % 0L ); }
        catch( .phantom.ArithmeticException x ) { say( "so does long" ); }
        nl();
    }
};
