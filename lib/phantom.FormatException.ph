// .phantom.FormatException: text is not in the form expected (a number, a
// format string).  An ArgumentException, so code that catches those catches
// these too.
package .phantom;

class FormatException extends .phantom.ArgumentException
{
    void FormatException() { }
    void FormatException(var message) { super.ArgumentException(message); }
};
