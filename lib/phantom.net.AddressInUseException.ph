// .phantom.net.AddressInUseException: another socket holds the address.
package .phantom.net;

class AddressInUseException extends .phantom.net.NetException
{
    void AddressInUseException() { }
    void AddressInUseException(var message) { super.NetException(message); }
    void AddressInUseException(var message, int code) { super.NetException(message, code); }
};
