// .phantom.net.http.response: the reply a handler fills in.  Either sized:
// setStatus/setHeader/send, sent by the server with a Content-Length when
// the handler returns; or streamed: write(part) sends the head with
// "Transfer-Encoding: chunked" at its first call and each part as a chunk,
// and the server ends the body when the handler returns.  Every write
// leaves once the state that produced it is durable (output commit), unless
// the server was made with commit false.
package .phantom.net.http;

import .phantom.net.connection;

class response
{
    var conn : connection;
    var status : int;
    // lower-case name -> the name as given, and lower-case name -> value
    var names, values : .internal.directory;
    var body;
    var withBody : bool;      // false for a reply to HEAD
    var closing : bool;       // "Connection: close": the connection ends after it
    var streaming : bool;     // the head is sent, chunks follow
    var finished : bool;
    var failed : bool;        // a write on the connection failed

    void response(connection c, bool withBody, bool keepAlive)
    {
        conn = c;
        this.withBody = withBody;
        closing = !keepAlive;
        reset();
    }

    // Back to 200, no header fields, no body (before anything is sent).
    void reset()
    {
        if (streaming)
            throw new .phantom.IllegalStateException("reset: the response is being sent");
        status = 200;
        names = new .internal.directory();
        values = new .internal.directory();
        body = null;
    }

    void setStatus(int code)
    {
        if (code < 100 || code > 999)
            throw new .phantom.ArgumentException("setStatus: " + code + " is not an HTTP status");
        status = code;
    }

    int getStatus() { return status; }

    // Sets a header field, replacing one of the same name (any case).
    // Content-Length and Transfer-Encoding are the server's.
    void setHeader(string name, string value)
    {
        string key = name.toLowerCase();
        if (key == "content-length" || key == "transfer-encoding")
            throw new .phantom.ArgumentException("setHeader: " + name + " is set by the server");
        if (name.contains("\r") || name.contains("\n") || value.contains("\r") || value.contains("\n"))
            throw new .phantom.ArgumentException("setHeader: a line break in " + name);
        if (key == "connection" && value.toLowerCase().contains("close"))
            closing = true;
        names.put(key, name);
        values.put(key, value);
    }

    string header(string name) { return (string)values.get(name.toLowerCase()); }

    // The body (a string or a binary; anything else as its text), sent when
    // the handler returns.
    void send(var data)
    {
        if (streaming)
            throw new .phantom.IllegalStateException("send: the response is being streamed");
        if (data != null && !(data instanceof string) && !(data instanceof .internal.binary))
            data = "" + data;
        body = data;
    }

    void send(int code, var data)
    {
        setStatus(code);
        send(data);
    }

    // Sends part as a chunk now (the head first, at the first call).
    void write(var part)
    {
        string text = "" + part;
        if (!streaming) {
            streaming = true;
            put(head("Transfer-Encoding: chunked\r\n"), null);
        }
        if (withBody && text.byteLength() > 0)
            put(.phantom.text.numbers.toHex(text.byteLength()) + "\r\n" + text + "\r\n", null);
    }

    // Sends what is not sent yet: the whole reply, or the last chunk.
    void finish()
    {
        if (finished)
            return;
        finished = true;
        if (streaming) {
            if (withBody)
                put("0\r\n\r\n", null);
        } else if (status == 204 || status == 304 || status < 200) {
            put(head(""), null);   // a reply that never has a body
        } else {
            put(head("Content-Length: " + wire.bodyLength(body) + "\r\n"), body);
        }
    }

    private string head(string framing)
    {
        .phantom.text.builder h = new .phantom.text.builder();
        h.append("HTTP/1.1 ").append(status).append(" ").append(reason(status)).append("\r\n");
        foreach (string key in names)
            h.append(names.get(key)).append(": ").append(values.get(key)).append("\r\n");
        if (!values.containsKey("content-type"))
            h.append("Content-Type: text/plain; charset=utf-8\r\n");
        if (closing && !values.containsKey("connection"))
            h.append("Connection: close\r\n");
        h.append(framing).append("\r\n");
        return h.toString();
    }

    private void put(string text, var data)
    {
        try {
            wire.writeMessage(conn, text, data, withBody);
        } catch (.phantom.net.NetException e) {
            failed = true;
            throw e;
        }
    }

    // The reason phrase of a status ("Not Found"); "" for one not listed.
    static string reason(int code)
    {
        switch (code) {
        case 100: return "Continue";
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        }
        return "";
    }
};
