class fields
{
    var untyped;                        // any object
    var count : int;
    var total : long = 0;
    var ratio : double = 1.5;
    var name : string = "none";
    var items : item [];                // array of item
    var anything : void [];             // array of any objects (original style)
    var grid : int [] [];
    var a, b : int, c = 3;              // several at once
    .internal.string label;             // C-style
    int x, y = 2, z;
    item [] more;
    hier.child1 relative;
    static var instances : int = 0;
    static int created;
    const int MAX = 100;
    const var GREETING = "hello";
    public var visible : int;
    private static const int SECRET = 42;
    var tagged : int @persistent;
    int @volatile @shared flag;
    var q : .internal."class";
};
