// import "file" (original) is an expression: the file's bytes as a string.
class resources
{
    var logo : string = import "logo.txt";
    var data = import "data/table.bin";
    string help() { return import "help.txt"; }
    void show() { println( import "banner.txt" ); }
};
