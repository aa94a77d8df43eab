// Text the compiler refuses: a string constant whose \x escapes do not
// form UTF-8, and import "file" of a file that is not UTF-8 text (or that
// does not exist); a UTF-8 file and a char \xHH escape are fine.
class text_errors
{
    static string ok = import "ok.txt";
    static string logo = import "logo.png";
    static string gone = import "gone.txt";
    static string bad = "ab\xff";
    static string half = "\xc3";
    static string fine = "\xc3\xa9";
    static char byte = '\xff';

    static void main() { println(ok + fine + byte); }
};
