// .phantom.text.match: one match of a regex in a text: where it is and
// what each group caught.  Offsets count characters.
package .phantom.text;

class match
{
    var text : string;
    var spans : void[];    // start and end of the match, then of each group (-1: not taking part)

    void match(string t, void[] s)
    {
        text = t;
        spans = s;
    }

    // The number of groups of the pattern (the whole match not counted).
    int groupCount() { return spans.length / 2 - 1; }

    // Where the match starts and ends (the end is exclusive).
    int start() { return start(0); }
    int end() { return end(0); }

    // Where group n starts and ends, -1 if it took no part in the match;
    // group 0 is the whole match.  IndexOutOfRangeException for no such group.
    int start(int n) { return (int) spans[checked(n) * 2]; }
    int end(int n) { return (int) spans[checked(n) * 2 + 1]; }

    // The text of the match.
    string group() { return group(0); }

    // The text group n caught, or null if it took no part in the match.
    string group(int n)
    {
        int s = start(n);
        if (s < 0)
            return null;
        return text.substring(s, end(n) - s);
    }

    int checked(int n)
    {
        if (n < 0 || n > groupCount())
            throw new .phantom.IndexOutOfRangeException("group: no group " + n + " (the pattern has " + groupCount() + ")");
        return n;
    }

    string toString() { return group(); }
};
