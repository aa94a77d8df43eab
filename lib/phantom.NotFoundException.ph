// .phantom.NotFoundException: something asked for by name or key does not exist.
package .phantom;

class NotFoundException extends .phantom.Exception
{
    void NotFoundException() { }
    void NotFoundException(var message) { super.Exception(message); }
};
