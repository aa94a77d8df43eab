// import "file" keeps a file's raw bytes (images are binary, not UTF-8
// text), and finds the file next to the source or, as the original
// compiler did, relative to the directory the compiler runs in (here
// tests/lang/run: "orig_import_bytes/images/dot.ppm").
package .test.orig;

class pictures
{
    void show( var s : string )
    {
        var i : int;
        i = 0;
        while( i < s.byteLength() )
        {
            print( s.byteAt( i ) ); print( " " );
            i = i + 1;
        }
        print( "\n" );
    }

    void run( var boot )
    {
        var ppm : string;
        ppm = import "orig_import_bytes/images/dot.ppm";
        print( ppm.byteLength() ); print( "\n" );
        print( ppm.substring( 0, 2 ) ); print( "\n" );
        show( ppm.substring( 11, ppm.length() - 11 ) );
        show( import "raw.bin" );
    }
};
