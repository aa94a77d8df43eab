// .phantom.net.NetException: a network call failed.  getCode() is the
// internal classes' code (docs/INTERNAL-CLASSES.md, "Network error
// codes"); the subclasses name the failures a program most often handles.
package .phantom.net;

class NetException extends .phantom.IOException
{
    var code : int;

    void NetException() { code = -12; }
    void NetException(var message) { super.IOException(message); code = -12; }
    void NetException(var message, int code) { super.IOException(message); this.code = code; }

    int getCode() { return code; }

    // The exception for an internal code, its message "what: reason".
    static NetException of(int code, string what)
    {
        string message = what + ": " + .internal.net.connection.errorText(code);
        switch (code) {
        case -1: return new .phantom.net.ConnectionRefusedException(message, code);
        case -2: return new .phantom.net.ConnectionResetException(message, code);
        case -3: return new .phantom.net.TimeoutException(message, code);
        case -4: return new .phantom.net.NameNotFoundException(message, code);
        case -5: return new .phantom.net.ConnectionLostException(message, code);
        case -7: return new .phantom.net.AddressInUseException(message, code);
        }
        return new NetException(message, code);
    }

    // Throws the exception for r if it is a code (a negative int); else returns r.
    static .internal.object check(var r, string what)
    {
        if (r instanceof int && (int)r < 0)
            throw of((int)r, what);
        return r;
    }
};
