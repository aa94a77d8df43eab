// .phantom.time.duration: an amount of time, in seconds and nanoseconds,
// positive or negative; a day is 24 hours.  Immutable.  Its text is ISO
// 8601's (PT1H30M), read by parse().  Arithmetic wraps on overflow, as
// long arithmetic does.
package .phantom.time;

class duration
{
    // secs rounds down: half a second before is secs -1 and nanos 500000000.
    var secs : long;
    var nanos : int;   // 0 to 999999999, added to secs

    // Programs use the static makers (ofSeconds, ...).
    void duration() { }

    // s seconds and nanoAdjust nanoseconds (any sign, any size).
    static duration ofSeconds(long s, long nanoAdjust)
    {
        duration d = new duration();
        d.secs = s + math.floorDiv(nanoAdjust, 1000000000L);
        d.nanos = (int) math.floorMod(nanoAdjust, 1000000000L);
        return d;
    }

    static duration ofSeconds(long s) { return ofSeconds(s, 0L); }
    static duration ofMillis(long ms) { return ofSeconds(math.floorDiv(ms, 1000L), math.floorMod(ms, 1000L) * 1000000); }
    static duration ofNanos(long ns) { return ofSeconds(0L, ns); }
    static duration ofMinutes(long m) { return ofSeconds(m * 60); }
    static duration ofHours(long h) { return ofSeconds(h * 3600); }
    static duration ofDays(long d) { return ofSeconds(d * 86400); }
    static duration zero() { return ofSeconds(0L, 0L); }

    // The time from a to b (negative if b is before a).
    static duration between(instant a, instant b) { return a.until(b); }

    // PnDTnHnMn.nS as ISO 8601 writes a duration, each part optional but
    // one, and each with a sign of its own; a sign in front negates the
    // whole; days are 24 hours; letters in either case; up to 9 digits of
    // fraction after '.' or ','.  "PT1H30M", "P2D", "PT0.5S", "-PT6H3M".
    // FormatException: parse: "PT1X" is not an ISO 8601 duration (PT1H30M):
    // a unit (H, M or S, in that order) expected, not 'X', at offset 3
    static duration parse(string text)
    {
        iso r = new iso("parse", text, "an ISO 8601 duration (PT1H30M)");
        bool negative = r.take('-');
        if (!negative)
            r.take('+');
        r.expect('P');
        duration d = zero();
        bool any = false;
        int start = r.at;
        if (!r.atEnd() && r.peek() != 'T' && r.peek() != 't') {
            d = ofDays(part(r));
            r.expect('D');
            any = true;
        }
        if (r.take('T')) {
            bool timed = false;
            int unit = 0;
            while (!r.atEnd()) {
                int at = r.at;
                long n = part(r);
                char u = .internal.char.toUpperCase(r.peek());
                int rank = u == 'H' ? 1 : (u == 'M' ? 2 : (u == 'S' || u == '.' || u == ',' ? 3 : 0));
                if (rank <= unit)
                    r.fail(r.atEnd() ? "a unit (H, M or S) expected but the text ends"
                                     : "a unit (H, M or S, in that order) expected, not '" + r.peek() + "'", r.at);
                unit = rank;
                duration p = rank == 1 ? ofHours(n) : (rank == 2 ? ofMinutes(n) : ofSeconds(n));
                if (r.take('.') || r.take(',')) {
                    int from = r.at;
                    long f = r.digits(1, 9, "fraction of a second");
                    for (int i = r.at - from; i < 9; i++)
                        f = f * 10;
                    p = p.plus(ofNanos(r.text[at] == '-' ? -f : f));
                }
                r.expect(rank == 1 ? 'H' : (rank == 2 ? 'M' : 'S'));
                d = d.plus(p);
                timed = true;
            }
            if (!timed)
                r.fail("a time after 'T' expected", r.at);
            any = true;
        }
        if (!any)
            r.fail("a number of days or 'T' expected", start);
        r.end();
        return negative ? d.negated() : d;
    }

    // An optionally signed number of up to 18 digits.
    private static long part(iso r)
    {
        bool minus = r.take('-');
        if (!minus)
            r.take('+');
        long n = r.digits(1, 18, "number");
        return minus ? -n : n;
    }

    long getSeconds() { return secs; }
    int getNano() { return nanos; }
    bool isZero() { return secs == 0 && nanos == 0; }
    bool isNegative() { return secs < 0; }

    duration plus(duration o) { return ofSeconds(secs + o.secs, (long) nanos + o.nanos); }
    duration minus(duration o) { return ofSeconds(secs - o.secs, (long) nanos - o.nanos); }
    duration multipliedBy(long n) { return ofSeconds(secs * n, (long) nanos * n); }
    duration negated() { return ofSeconds(-secs, -(long) nanos); }
    duration abs() { return isNegative() ? negated() : this; }

    // Whole units, rounded toward zero.
    long toDays() { return toSeconds() / 86400; }
    long toHours() { return toSeconds() / 3600; }
    long toMinutes() { return toSeconds() / 60; }
    long toSeconds() { return secs < 0 && nanos > 0 ? secs + 1 : secs; }
    long toMillis() { return toSeconds() * 1000 + (secs < 0 && nanos > 0 ? -((1000000000 - nanos) / 1000000) : nanos / 1000000); }
    long toNanos() { return secs * 1000000000L + nanos; }

    int compareTo(var o)
    {
        duration d = (duration) o;
        if (secs != d.secs)
            return secs < d.secs ? -1 : 1;
        return nanos < d.nanos ? -1 : (nanos > d.nanos ? 1 : 0);
    }

    bool equals(var o)
    {
        if (!(o instanceof duration))
            return false;
        duration d = (duration) o;
        return secs == d.secs && nanos == d.nanos;
    }

    int hashCode() { return (int) (secs ^ (secs >>> 32)) * 31 + nanos; }

    // ISO 8601 in hours, minutes and seconds (days become hours): PT1H30M,
    // PT36H, PT0.5S, PT-1M-30S; PT0S for zero.
    string toString()
    {
        if (isZero())
            return "PT0S";
        string sign = isNegative() ? "-" : "";
        duration a = abs();
        long h = a.secs / 3600;
        long m = a.secs / 60 % 60;
        long s = a.secs % 60;
        string r = "PT";
        if (h != 0)
            r = r + sign + h + "H";
        if (m != 0)
            r = r + sign + m + "M";
        if (s != 0 || a.nanos != 0)
            r = r + sign + s + iso.fraction(a.nanos, false) + "S";
        return r;
    }
};
