// import "file" as the original used it: a file's bytes as a string
// constant, assigned to a variable, stored in a field, and used directly.
package .test.orig;

class help
{
    var text : string;

    void help() { text = import "help.txt"; }

    void run( var boot )
    {
        boot.16( text );
        var banner : string;
        banner = import "banner.txt";
        boot.16( banner.length() ); boot.16( "\n" );
        boot.16( import "banner.txt" == banner ); boot.16( "\n" );
        boot.16( (import "help.txt").strstr( "commands" ) ); boot.16( "\n" );
    }
};
