// .phantom.time.iso: reads and writes the ISO 8601 forms of the time
// classes (dates, times of day, offsets, durations).  The parse methods of
// date, dateTime, instant, duration and zone use it; programs use those.
//
// A reader walks its text from the start.  Every error raises
// .phantom.FormatException naming the method, the text, what it should
// have been and the offset (in characters) where reading stopped:
//   parse: "2026-13-07" is not an ISO 8601 date (2026-12-07): the month
//   13 is not from 1 to 12, at offset 5
package .phantom.time;

import .phantom.text.strings;

class iso
{
    var text : string;
    var at : int;          // the next character to read
    var method : string;   // the messages' first word
    var what : string;     // "an ISO 8601 date (2026-12-07)"

    // What readTime() read.
    var hour : int;
    var minute : int;
    var second : int;
    var nano : int;

    void iso(string methodName, string t, string expected)
    {
        method = methodName;
        text = t;
        what = expected;
        at = 0;
    }

    // ---- reading --------------------------------------------------------

    void fail(string why, int offset)
    {
        throw new .phantom.FormatException(method + ": \"" + text + "\" is not " + what + ": " + why +
                                           ", at offset " + offset);
    }

    bool atEnd() { return at >= text.length; }

    // The next character, or '\0' at the end.
    char peek() { return at < text.length ? text[at] : '\0'; }

    // Reads c (or its lower case) if it comes next.
    bool take(char c)
    {
        if (at < text.length && (text[at] == c || text[at] == .internal.char.toLowerCase(c))) {
            at++;
            return true;
        }
        return false;
    }

    void expect(char c)
    {
        if (!take(c))
            fail(atEnd() ? "'" + c + "' expected but the text ends" : "'" + c + "' expected, not '" + peek() + "'", at);
    }

    // The end of the text must come next.
    void end()
    {
        if (!atEnd())
            fail("unexpected '" + peek() + "'", at);
    }

    private static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // From min to max ASCII digits, as a number (fields of 18 digits at most).
    long digits(int min, int max, string field)
    {
        int from = at;
        long v = 0;
        while (at - from < max && at < text.length && isDigit(text[at])) {
            v = v * 10 + (text[at] - '0');
            at++;
        }
        if (at - from < min)
            fail(min == max ? min + " digits of the " + field + " expected" : "the " + field + " expected", at);
        return v;
    }

    // A field of exactly n digits whose value must be from lo to hi.
    int field(int n, int lo, int hi, string name)
    {
        int from = at;
        int v = (int) digits(n, n, name);
        if (v < lo || v > hi)
            fail("the " + name + " " + text.substring(from, n) + " is not from " + lo + " to " + hi, from);
        return v;
    }

    // YYYY-MM-DD; a year beyond 4 digits, or before year 0, has a sign
    // (+12345-01-01, -0044-03-15).
    date readDate()
    {
        int from = at;
        bool negative = take('-');
        bool plus = !negative && take('+');
        int y = (int) digits(4, negative || plus ? 9 : 4, "year");
        if (plus && at - from <= 5)
            fail("a year of 4 digits has no '+'", from);
        expect('-');
        int m = field(2, 1, 12, "month");
        expect('-');
        int dayAt = at;
        int d = (int) digits(2, 2, "day");
        int year = negative ? -y : y;
        int days = date.daysInMonth(year, m);
        if (d < 1 || d > days)
            fail("the day " + text.substring(dayAt, 2) + " is not from 1 to " + days, dayAt);
        return date.of(year, m, d);
    }

    // HH:MM, then optionally :SS and a fraction of 1 to 9 digits after a
    // '.' or ','; into hour, minute, second and nano.
    void readTime()
    {
        hour = field(2, 0, 23, "hour");
        expect(':');
        minute = field(2, 0, 59, "minute");
        second = 0;
        nano = 0;
        if (take(':')) {
            second = field(2, 0, 59, "second");
            if (take('.') || take(',')) {
                int from = at;
                nano = (int) digits(1, 9, "fraction of a second");
                for (int i = at - from; i < 9; i++)
                    nano = nano * 10;
            }
        }
    }

    // The seconds of the day readTime() read.
    int secondOfDay() { return hour * 3600 + minute * 60 + second; }

    // 'T' between a date and a time ('t' and a space too, as RFC 3339 allows).
    void readDateTimeSeparator()
    {
        if (!take('T') && !take(' '))
            expect('T');
    }

    bool atOffset() { char c = peek(); return c == 'Z' || c == 'z' || c == '+' || c == '-'; }

    // Z, or a sign and HH, HHMM, HH:MM or HH:MM:SS, at most 18 hours: the
    // offset in seconds east of UTC.
    int readOffset()
    {
        int from = at;
        if (take('Z'))
            return 0;
        int sign = take('-') ? -1 : 1;
        if (sign > 0)
            expect('+');
        int h = field(2, 0, 18, "offset hour");
        int m = 0, s = 0;
        bool colon = take(':');
        if (colon || (at < text.length && isDigit(text[at]))) {
            m = field(2, 0, 59, "offset minute");
            if (colon && take(':'))
                s = field(2, 0, 59, "offset second");
        }
        int total = h * 3600 + m * 60 + s;
        if (total > 18 * 3600)
            fail("an offset beyond 18 hours", from);
        return sign * total;
    }

    // [Zone/Name] after a date-time: the zone.
    zone readZoneName()
    {
        expect('[');
        int from = at;
        while (at < text.length && text[at] != ']')
            at++;
        if (atEnd())
            fail("']' expected but the text ends", at);
        if (at == from)
            fail("a zone name expected", at);
        string name = text.substring(from, at - from);
        at++;
        return zone.of(name);
    }

    // ---- writing --------------------------------------------------------

    // n (not negative) in at least width digits, zeros in front.
    static string pad(long n, int width)
    {
        return strings.padLeft("" + n, width, '0');
    }

    // 2026-12-07; years beyond 9999 and before 0 with a sign.
    static string formatDate(int year, int month, int day)
    {
        string y = year < 0 ? "-" + pad(-year, 4) : (year > 9999 ? "+" + year : pad(year, 4));
        return y + "-" + pad(month, 2) + "-" + pad(day, 2);
    }

    // The digits of a fraction of a second after the point, without
    // trailing zeros ("5" for half a second), or in groups of three
    // (".500", ".123456") when grouped; "" for none.
    static string fraction(int nanos, bool grouped)
    {
        if (nanos == 0)
            return "";
        string f = pad(nanos, 9);
        int n = 9;
        if (grouped) {
            while (f.substring(n - 3, 3) == "000")
                n -= 3;
        } else {
            while (f[n - 1] == '0')
                n--;
        }
        return "." + f.substring(0, n);
    }

    // 16:56:43, with .fff, .ffffff or .fffffffff when there is a fraction.
    static string formatTime(int hour, int minute, int second, int nano)
    {
        return pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + fraction(nano, true);
    }

    // Z, +01:00, -03:30, +05:45:30.
    static string formatOffset(int seconds)
    {
        if (seconds == 0)
            return "Z";
        int a = seconds < 0 ? -seconds : seconds;
        string s = (seconds < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad(a / 60 % 60, 2);
        return a % 60 == 0 ? s : s + ":" + pad(a % 60, 2);
    }
};
