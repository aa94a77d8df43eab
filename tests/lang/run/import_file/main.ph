// import "file" is an expression: the file's bytes (relative to the
// source file) as a string constant, embedded at compile time.
class import_file
{
    static string text = import "data.txt";

    static void main()
    {
        print(text);
        println(text.length());
        println(text.split("\n").size());
    }
};
