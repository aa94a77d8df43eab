// Dynamic creation as the original wrote it: new *(classExpr) : T (args),
// with the class object from boot.loadClass (ordinal 8), getClass(), a
// variable, or X.class; the constructor that fits the argument count runs.
package .test.orig;

class animal
{
    var sound : string;
    void animal() { sound = "..."; }
    string speak() { return sound; }
};

class dog extends animal
{
    var times : int;
    void dog() { sound = "woof"; times = 1; }
    void dog( var n : int ) { sound = "woof"; times = n; }
    string speak()
    {
        var s : string;
        var i : int;
        s = "";
        i = 0;
        while( i < times ) { s = s.concat( sound ); i = i + 1; }
        return s;
    }
};

class orig_dynamic_new
{
    void run( var boot )
    {
        var cls;
        cls = boot.8( ".test.orig.dog" );
        boot.16( cls ); boot.16( "\n" );
        var a : animal;
        a = new *(cls) : animal ();
        boot.16( a.speak() ); boot.16( "\n" );
        a = new *(cls) : animal ( 3 );
        boot.16( a.speak() ); boot.16( "\n" );
        a = new *(a.getClass()) : animal ( 2 );
        boot.16( a.speak() ); boot.16( "\n" );
        a = new *(animal.class) : animal ();
        boot.16( a.speak() ); boot.16( "\n" );
        var any;
        any = new *(boot.loadClass( ".test.orig.dog" ))();
        boot.16( any.speak() ); boot.16( " " );
        boot.16( any.times ); boot.16( "\n" );
        var kinds : .internal.class [];
        kinds = new .internal.class [] ();
        kinds[0] = animal.class;
        kinds[1] = dog.class;
        foreach( k in kinds )
        {
            var made : animal;
            made = new *(k) : animal ();
            boot.16( k.getName().concat( " says " ).concat( made.speak() ).concat( "\n" ) );
        }
        boot.16( boot.8( ".test.orig.nosuchclass" ) ); boot.16( "\n" );
    }
};
