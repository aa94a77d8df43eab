// Quoted name components: any text may be a component of a class name
// ("my-class", a keyword such as "class"), in declarations, types, new,
// X.class and absolute names; .internal."string" is .internal.string.
package .test.orig;

class "my-class"
{
    string hi() { return "hi from my-class"; }
};

class "while"
{
    var n : int;
};

class orig_quoted_names
{
    var c : .internal."class";
    var s : .internal."string";
    var me : ."test"."orig".orig_quoted_names;

    void run( var boot )
    {
        c = .internal."string".class;
        s = "text";
        boot.16( c ); boot.16( " " );
        boot.16( s.length() ); boot.16( "\n" );
        var m : "my-class";
        m = new .test.orig."my-class"();
        boot.16( m.hi() ); boot.16( " " );
        boot.16( m.getClass().getName() ); boot.16( "\n" );
        var w : ."test".orig."while";
        w = new "while"();
        w.n = 3;
        boot.16( w.n ); boot.16( " " );
        boot.16( w.getClass() ); boot.16( "\n" );
        me = this;
        boot.16( me :== this ); boot.16( " " );
        var d : ."internal"."directory";
        d = new .internal."directory"();
        d.put( "k", "v" );
        boot.16( d ); boot.16( "\n" );
        boot.16( .internal."class".class ); boot.16( "\n" );
    }
};
