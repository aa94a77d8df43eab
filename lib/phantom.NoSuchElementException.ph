// .phantom.NoSuchElementException: an element was taken from an empty
// container, or from an iterator that has no more.
package .phantom;

class NoSuchElementException extends .phantom.RuntimeException
{
    void NoSuchElementException() { }
    void NoSuchElementException(var message) { super.RuntimeException(message); }
};
