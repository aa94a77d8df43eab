// .phantom.text.PatternException: a regular expression that does not
// compile.  The message names the reason and the character offset in the
// pattern; getOffset() gives the offset.
package .phantom.text;

class PatternException extends .phantom.FormatException
{
    var offset : int;

    void PatternException() { }
    void PatternException(var message) { super.FormatException(message); }
    void PatternException(var message, int at) { super.FormatException(message); offset = at; }

    // The offset, in characters, in the pattern where the error was found.
    int getOffset() { return offset; }
};
