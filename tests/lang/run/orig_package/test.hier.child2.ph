package .test.hier;

class child2 extends child1
{
    var friend : .test.app.runner;   // a class of another package, declared later

    void child2() { name = "child2"; level = level + 1; }
};
