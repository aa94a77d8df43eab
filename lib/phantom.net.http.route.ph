// .phantom.net.http.route: a method and a path pattern with the handler
// they lead to.  Pattern segments between '/' are literal ("kv"), a
// parameter (":key", matching one non-empty segment), or, as the last one,
// "*" (the rest of the path, possibly empty, bound to "*").
package .phantom.net.http;

class route
{
    var method : string;
    var pattern : string;
    var segments : string[];
    var target : handler;

    void route(string method, string pattern, handler target)
    {
        if (!pattern.startsWith("/"))
            throw new .phantom.ArgumentException("route: the pattern " + pattern + " does not start with /");
        this.method = method;
        this.pattern = pattern;
        this.target = target;
        segments = pattern.split("/");
    }

    // Binds the parameters into params and returns true if path (split at
    // '/', undecoded) matches; a parameter is decoded (%XX) when bound.
    bool matches(string[] path, .internal.directory params)
    {
        int n = segments.length;
        bool rest = segments[n - 1] == "*";
        if (rest ? path.length < n - 1 : path.length != n)
            return false;
        int fixed = rest ? n - 1 : n;
        for (int i = 0; i < fixed; i++) {
            string want = segments[i];
            if (want.startsWith(":")) {
                if (path[i] == "")
                    return false;
            } else if (want != path[i]) {
                return false;
            }
        }
        for (int i = 0; i < fixed; i++)
            if (segments[i].startsWith(":"))
                params.put(segments[i].substring(1, segments[i].length() - 1), wire.decode(path[i], false));
        if (rest) {
            string[] tail = path.slice(fixed, path.length);
            params.put("*", wire.decode(tail.join("/"), false));
        }
        return true;
    }
};
