// .phantom.EOFException: the input ended where more was needed.
package .phantom;

class EOFException extends .phantom.IOException
{
    void EOFException() { }
    void EOFException(var message) { super.IOException(message); }
};
