// .phantom.net.ConnectionRefusedException: the peer refused the connection (nothing listens there).
package .phantom.net;

class ConnectionRefusedException extends .phantom.net.NetException
{
    void ConnectionRefusedException() { }
    void ConnectionRefusedException(var message) { super.NetException(message); }
    void ConnectionRefusedException(var message, int code) { super.NetException(message, code); }
};
