package .demo.shop;                 // absolute names start with a dot
import .internal.directory;         // import one class by full name
import .demo.shop.item;
attribute const * ->!;              // attribute declarations: parse, may ignore

class basket extends .demo.shop.container implements .demo.shop.priced
{
    var items   : item [];          // Pascal-style field: var NAME : TYPE;
    var count   : int;
    .internal.string label;         // C-style field: TYPE NAME;
    var anything;                   // untyped field: any object

    void basket() { count = 0; items = new item[](); }   // constructor: void method named like the class

    int add( var it : item ) [16]   // optional [N]: explicit method ordinal
    {
        items[count] = it;          // arrays grow on demand
        count = count + 1;
        return count;
    }
    void run( var boot @const ) { } // @attr on an argument: parse, may ignore
};                                  // every top-level item ends with ';'
