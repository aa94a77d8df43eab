// .phantom.net.datagram: one UDP datagram received: its bytes and sender.
package .phantom.net;

class datagram
{
    var data : .internal.binary;
    var host : string;
    var port : int;

    void datagram(.internal.binary data, string host, int port)
    {
        this.data = data;
        this.host = host;
        this.port = port;
    }

    string text() { return data.toText(); }
};
