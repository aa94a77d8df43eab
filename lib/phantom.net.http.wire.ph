// .phantom.net.http.wire: reading and writing HTTP/1.1 messages on a
// connection (RFC 9112), shared by the server and the client.  Every limit
// is checked before the bytes it bounds are read, so an oversized message
// costs the reader no more than the limit.  Failures of the message raise
// HttpException (its status says which); failures of the connection raise
// the NetException the connection raised.
package .phantom.net.http;

import .phantom.net.connection;

class wire
{
    // Reads a message head: the start line (returned, after skipping empty
    // lines before it) and the header fields up to the empty line, into
    // headers as lower-case name -> value (repeated fields joined by ", ").
    // null if the stream ends before the first byte of a head.  maxBytes
    // bounds the whole head (start line included, line endings counted as
    // two bytes); a start line alone over it is 414, the head over it or
    // more than maxHeaders fields 431.
    static string readHead(connection c, .internal.directory headers, int maxBytes, int maxHeaders)
    {
        int used = 0;
        string start = "";
        while (start == "") {
            start = line(c, maxBytes - used, 414);
            if (start == null)
                return null;
            used = used + start.byteLength() + 2;
        }
        int fields = 0;
        while (true) {
            string field = line(c, maxBytes - used, 431);
            if (field == null)
                throw new HttpException("the stream ended inside the header fields", 400);
            used = used + field.byteLength() + 2;
            if (field == "")
                return start;
            fields++;
            if (fields > maxHeaders)
                throw new HttpException("more than " + maxHeaders + " header fields", 431);
            addField(headers, field);
        }
    }

    // One line of at most max bytes; tooLong is the status when it is longer.
    private static string line(connection c, int max, int tooLong)
    {
        if (max <= 0)
            throw new HttpException("the head is longer than the limit", tooLong);
        try {
            return c.readLine(max);
        } catch (.phantom.net.NetException e) {
            if (e.getCode() == -10)
                throw new HttpException("a line of the head is longer than the limit", tooLong);
            throw e;
        }
    }

    // "Name: value" into headers; 400 for a line that is not a field (no
    // colon, an empty name, white space in the name, an obsolete folded
    // continuation line).
    private static void addField(.internal.directory headers, string field)
    {
        int colon = field.indexOf(":");
        if (colon <= 0)
            throw new HttpException("not a header field: " + clip(field), 400);
        string name = field.substring(0, colon);
        if (name.contains(" ") || name.contains("\t"))
            throw new HttpException("white space in a header field name: " + clip(field), 400);
        string key = name.toLowerCase();
        string value = field.substring(colon + 1, field.length() - colon - 1).trim();
        if (headers.containsKey(key))
            value = (string)headers.get(key) + ", " + value;
        headers.put(key, value);
    }

    // At most 60 characters of s, for messages.
    static string clip(string s)
    {
        if (s.length() <= 60)
            return s;
        return s.substring(0, 60) + "...";
    }

    // Reads the body the headers announce: chunked (Transfer-Encoding), or
    // Content-Length bytes, or, when untilClose, everything up to the end of
    // the stream (a reply without a length); else none.  Over maxBody bytes
    // is 413, checked before reading them.
    static string readBody(connection c, .internal.directory headers, int maxBody, int maxHeaderBytes, bool untilClose)
    {
        string coding = (string)headers.get("transfer-encoding");
        string length = (string)headers.get("content-length");
        if (coding != null) {
            if (length != null)
                throw new HttpException("both Transfer-Encoding and Content-Length", 400);
            if (coding.trim().toLowerCase() != "chunked")
                throw new HttpException("transfer coding not supported: " + clip(coding), 501);
            return readChunked(c, maxBody, maxHeaderBytes);
        }
        if (length != null)
            return readSized(c, contentLength(length, maxBody));
        if (!untilClose)
            return "";
        .phantom.text.builder all = new .phantom.text.builder();
        int got = 0;
        string part = c.readText(65536);
        while (part != null) {
            got = got + part.byteLength();
            if (got > maxBody)
                throw new HttpException("the body is longer than " + maxBody + " bytes", 413);
            all.append(part);
            part = c.readText(65536);
        }
        return all.toString();
    }

    // The value of a Content-Length field: decimal digits only, at most
    // maxBody (413 above it, 400 if not a number).
    static int contentLength(string text, int maxBody)
    {
        string digits = text.trim();
        if (!isDigits(digits, "0123456789"))
            throw new HttpException("Content-Length is not a number: " + clip(text), 400);
        while (digits.length() > 1 && digits.startsWith("0"))
            digits = digits.substring(1, digits.length() - 1);
        if (digits.length() > 9 || digits.toInt() > maxBody)
            throw new HttpException("the body is longer than " + maxBody + " bytes", 413);
        return digits.toInt();
    }

    // true if s is not empty and every character is one of allowed.
    private static bool isDigits(string s, string allowed)
    {
        if (s.isEmpty())
            return false;
        foreach (char ch in s)
            if (allowed.indexOf("" + ch) < 0)
                return false;
        return true;
    }

    // Exactly n bytes of body; 400 if the stream ends first.
    private static string readSized(connection c, int n)
    {
        if (n == 0)
            return "";
        try {
            return c.readFully(n);
        } catch (.phantom.EOFException e) {
            throw new HttpException("the stream ended inside the body", 400);
        }
    }

    // A chunked body: hex size lines (extensions after ';' ignored), each
    // chunk followed by CRLF, a last chunk of size 0, then trailer fields
    // (read and dropped, within maxHeaderBytes) up to an empty line.
    private static string readChunked(connection c, int maxBody, int maxHeaderBytes)
    {
        .phantom.text.builder all = new .phantom.text.builder();
        int total = 0;
        while (true) {
            string sizeLine = chunkLine(c, 1024, "a chunk size line");
            int semicolon = sizeLine.indexOf(";");
            if (semicolon >= 0)
                sizeLine = sizeLine.substring(0, semicolon);
            string hex = sizeLine.trim();
            if (!isDigits(hex, "0123456789abcdefABCDEF"))
                throw new HttpException("not a chunk size: " + clip(sizeLine), 400);
            while (hex.length() > 1 && hex.startsWith("0"))
                hex = hex.substring(1, hex.length() - 1);
            if (hex.length() > 7)
                throw new HttpException("the body is longer than " + maxBody + " bytes", 413);
            int size = (int).phantom.text.numbers.parseLong(hex, 16);
            if (size == 0)
                break;
            total = total + size;
            if (total > maxBody)
                throw new HttpException("the body is longer than " + maxBody + " bytes", 413);
            all.append(readSized(c, size));
            if (chunkLine(c, 2, "the end of a chunk") != "")
                throw new HttpException("a chunk is longer than its size", 400);
        }
        int used = 0;
        string trailer = chunkLine(c, maxHeaderBytes, "a trailer field");
        while (trailer != "") {
            used = used + trailer.byteLength() + 2;
            trailer = chunkLine(c, maxHeaderBytes - used, "a trailer field");
        }
        return all.toString();
    }

    // A line inside a chunked body: 400 if longer than max or if the
    // stream ends.
    private static string chunkLine(connection c, int max, string what)
    {
        if (max <= 0)
            throw new HttpException(what + " is too long", 400);
        try {
            string s = c.readLine(max);
            if (s == null)
                throw new HttpException("the stream ended at " + what, 400);
            return s;
        } catch (.phantom.net.NetException e) {
            if (e.getCode() == -10)
                throw new HttpException(what + " is too long", 400);
            throw e;
        }
    }

    // The length in bytes of a body (a string or a binary).
    static int bodyLength(var body)
    {
        if (body == null)
            return 0;
        if (body instanceof .internal.binary)
            return ((.internal.binary)body).size();
        return ((string)body).byteLength();
    }

    // Writes head followed by body (a string, a binary or null) in one
    // write, so that output commit waits for one snapshot, not two.
    static void writeMessage(connection c, string head, var body, bool withBody)
    {
        if (!withBody || body == null) {
            c.write(head);
        } else if (body instanceof .internal.binary) {
            .internal.binary b = (.internal.binary)body;
            .internal.binary all = .internal.binary.fromString(head);
            int headLength = all.size();
            all.resize(headLength + b.size());
            all.setRange(b, 0, headLength, b.size());
            c.write(all);
        } else {
            c.write(head + body);
        }
    }

    // The value of a "Connection" field allows keep-alive: HTTP/1.1 unless
    // it says close, HTTP/1.0 only if it says keep-alive.
    static bool keepAlive(string version, .internal.directory headers)
    {
        string tokens = (string)headers.get("connection");
        if (tokens != null) {
            tokens = tokens.toLowerCase();
            if (tokens.contains("close"))
                return false;
            if (tokens.contains("keep-alive"))
                return true;
        }
        return version == "HTTP/1.1";
    }

    // Decodes %XX escapes (and, when plusIsSpace, '+' as a space) into the
    // bytes they stand for; 400 for a '%' not followed by two hex digits.
    static string decode(string s, bool plusIsSpace)
    {
        if (s.indexOf("%") < 0 && !(plusIsSpace && s.indexOf("+") >= 0))
            return s;
        .internal.binary in = s.bytes();
        .internal.binary out = new .internal.binary();
        out.resize(in.size());
        int n = 0;
        int i = 0;
        while (i < in.size()) {
            int b = in.getByte(i);
            if (b == '%') {
                if (i + 2 >= in.size())
                    throw new HttpException("a bad % escape in " + clip(s), 400);
                int high = hexValue(in.getByte(i + 1));
                int low = hexValue(in.getByte(i + 2));
                if (high < 0 || low < 0)
                    throw new HttpException("a bad % escape in " + clip(s), 400);
                b = high * 16 + low;
                i = i + 2;
            } else if (b == '+' && plusIsSpace) {
                b = ' ';
            }
            out.setByte(n, b);
            n++;
            i++;
        }
        out.resize(n);
        return out.toText();
    }

    private static int hexValue(int b)
    {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }
};
