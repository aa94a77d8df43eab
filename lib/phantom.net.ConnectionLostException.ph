// .phantom.net.ConnectionLostException: the connection was open when the world was last snapshotted: a restart cannot bring it back.
package .phantom.net;

class ConnectionLostException extends .phantom.net.NetException
{
    void ConnectionLostException() { }
    void ConnectionLostException(var message) { super.NetException(message); }
    void ConnectionLostException(var message, int code) { super.NetException(message, code); }
};
