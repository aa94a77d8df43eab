// .phantom.net.NameNotFoundException: a host name does not exist.
package .phantom.net;

class NameNotFoundException extends .phantom.net.NetException
{
    void NameNotFoundException() { }
    void NameNotFoundException(var message) { super.NetException(message); }
    void NameNotFoundException(var message, int code) { super.NetException(message, code); }
};
