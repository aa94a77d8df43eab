// .phantom.net.ConnectionResetException: the peer reset the connection.
package .phantom.net;

class ConnectionResetException extends .phantom.net.NetException
{
    void ConnectionResetException() { }
    void ConnectionResetException(var message) { super.NetException(message); }
    void ConnectionResetException(var message, int code) { super.NetException(message, code); }
};
