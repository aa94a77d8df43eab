// .phantom.net.http.HttpException: an HTTP message was malformed or over a
// limit.  getStatus() is the status a server answers for it: 400 (malformed),
// 413 (body too large), 414 (request line too long), 431 (header fields too
// large or too many), 501 (a transfer coding other than chunked).  A client
// raises it for a reply it cannot read, or for a URL it cannot use.
package .phantom.net.http;

class HttpException extends .phantom.net.NetException
{
    var status : int;

    void HttpException() { status = 400; }
    void HttpException(var message) { super.NetException(message); status = 400; }
    void HttpException(var message, int status) { super.NetException(message); this.status = status; }

    int getStatus() { return status; }
};
