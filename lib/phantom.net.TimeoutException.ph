// .phantom.net.TimeoutException: a wait lasted longer than the socket's timeout.
package .phantom.net;

class TimeoutException extends .phantom.net.NetException
{
    void TimeoutException() { }
    void TimeoutException(var message) { super.NetException(message); }
    void TimeoutException(var message, int code) { super.NetException(message, code); }
};
