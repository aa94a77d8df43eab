// Sources that declare internal classes (as the original's plib/roots
// does) compile together with a program that uses them.
package .test.orig;

class decls
{
    void run( var boot )
    {
        var s : string;
        s = "phantom";
        boot.16( s.substring( 1, 3 ) ); boot.16( " " );
        boot.16( s.length() ); boot.16( "\n" );
    }
};
