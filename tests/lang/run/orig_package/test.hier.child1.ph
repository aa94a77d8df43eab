package .test.hier;

import .test.hier.base;

class child1 extends base
{
    void child1() { name = "child1"; level = 1; }
};
