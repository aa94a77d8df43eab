// Constructors: a void method named like the class (original), or Java style.
package .test;

class hier.child1 extends hier.root
{
    var level : int;
    void child1() { level = 1; }              // original style; the class's last name part
    void child1( var n : int ) { level = n; } // overloaded
    void other() { }                          // an ordinary method
};

class point
{
    var x : int;
    var y : int;
    point( int ax, int ay ) { x = ax; y = ay; }   // Java style
    void point() [0] { }
};
