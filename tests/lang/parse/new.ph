class creation
{
    void run()
    {
        a = new item();
        a = new item(1, "two");
        a = new .internal.directory();
        a = new hier.child1();
        a = new item[]();                   // empty growable array
        a = new void[]();                   // array of any objects
        a = new int[]();
        a = new int[10];                    // sized array
        a = new item[n + 1];
        a = new string[3][];                // array of 3 string arrays
        a = new *(cls) : item ();           // dynamic: class from an expression
        a = new *(getClass())();
        a = new *(x.cls) : .internal.object ( 1, 2 );
        a = new item().name();
        n = new int[5].length;
    }
};
