// .phantom.net.http.reply: a response as the client read it.  Fields: status
// (200), reason ("OK"), version ("HTTP/1.1"), headers (lower-case name ->
// value), body (a string, "" if none).
package .phantom.net.http;

class reply
{
    var status : int;
    var reason, version, body : string;
    var headers : .internal.directory;

    void reply() { headers = new .internal.directory(); body = ""; }

    // A header field's value (any case of name), or null.
    string header(string name) { return (string)headers.get(name.toLowerCase()); }

    string toString() { return version + " " + status + " " + reason; }
};
