// .phantom.text.regex: regular expressions (PCRE2, Perl's syntax) on
// Unicode text.  Offsets count characters, as the string methods do.  A
// regex keeps its pattern, so it lives in the world like any object.
package .phantom.text;

class regex
{
    var pattern : string;
    var flags : string;

    // PatternException if the pattern does not compile:
    // `regex: missing closing parenthesis at offset 4`.
    void regex(string p)
    {
        compile(p, "");
    }

    // flags: any of i (ignore case), m (^ and $ at every line), s (. matches
    // newlines too), x (white space and # comments in the pattern ignored).
    // ArgumentException for another flag.
    void regex(string p, string f)
    {
        compile(p, f);
    }

    void compile(string p, string f)
    {
        if (p == null || f == null)
            throw new .phantom.ArgumentException("regex: the pattern and flags must not be null");
        var err = .internal.regex.check(p, f);
        if (err != null)
            throw new PatternException("regex: " + err[1] + " at offset " + err[0], (int) err[0]);
        pattern = p;
        flags = f;
    }

    string getPattern() { return pattern; }
    string toString() { return pattern; }

    // Whether the whole of s matches.
    bool matches(string s)
    {
        return .internal.regex.find(pattern, flags, s, 0, true) != null;
    }

    // Whether the pattern occurs anywhere in s.
    bool containsIn(string s)
    {
        return .internal.regex.find(pattern, flags, s, 0, false) != null;
    }

    // The first match in s, or null.
    match find(string s)
    {
        return find(s, 0);
    }

    // The first match in s at or after character from, or null.
    match find(string s, int from)
    {
        var spans = .internal.regex.find(pattern, flags, s, from, false);
        if (spans == null)
            return null;
        return new match(s, spans);
    }

    // Every match in s, left to right, not overlapping (an empty match
    // moves the search on by one character).
    void[] findAll(string s)
    {
        void[] all = new void[]();
        int from = 0;
        match m = find(s, 0);
        while (m != null) {
            all.add(m);
            from = m.end();
            if (m.end() == m.start())
                from++;
            m = find(s, from);
        }
        return all;
    }

    // s with every match replaced by replacement, in which $0 (or ${0})
    // is the match, $1 ... its groups, ${name} a named group, $$ a dollar.
    string replace(string s, string replacement)
    {
        return .internal.regex.replace(pattern, flags, s, replacement, true);
    }

    // s with the first match replaced.
    string replaceFirst(string s, string replacement)
    {
        return .internal.regex.replace(pattern, flags, s, replacement, false);
    }

    // The pieces of s between matches (empty ones included).
    void[] split(string s)
    {
        void[] pieces = new void[]();
        int at = 0;
        foreach (x in findAll(s)) {
            match m = x;
            if (m.end() > m.start()) {
                pieces.add(s.substring(at, m.start() - at));
                at = m.end();
            }
        }
        pieces.add(s.substring(at, s.length() - at));
        return pieces;
    }
};
