package .test.hier;

import .test.hier.Intermediate;

class Child1 extends Intermediate
{
    var child1_init : int;

    void Child1()
    {
        child1_init = 1;
        level = 2;
        trail = trail.concat( " Child1()" );
    }

    void Child1( var lv : int )
    {
        child1_init = 2;
        level = lv;
        trail = trail.concat( " Child1(lv)" );
    }

    string kind() { return "child1"; }

    void test()
    {
        if( root_init != 1 ) throw "root init failed";
        if( child1_init == 0 ) throw "child1 init failed";
    }
};
