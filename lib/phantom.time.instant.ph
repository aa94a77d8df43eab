// .phantom.time.instant: a point on the time line, in seconds and
// nanoseconds since 1970-01-01T00:00:00Z (negative before it), without
// leap seconds (POSIX time).  Immutable.  Its text is ISO 8601 in UTC:
// 2026-12-07T16:56:43Z.
package .phantom.time;

class instant
{
    var sinceEpoch : duration;   // from 1970-01-01T00:00:00Z

    // Programs use the static makers (now, ofEpochSecond, ...).
    void instant() { }

    private static instant after(duration d)
    {
        instant i = new instant();
        i.sinceEpoch = d;
        return i;
    }

    // The host's wall clock, to the nanosecond it gives.
    static instant now() { return ofEpochSecond(0L, .internal.time.nowNanos()); }

    // s seconds and nanoAdjust nanoseconds after 1970-01-01T00:00:00Z.
    static instant ofEpochSecond(long s, long nanoAdjust) { return after(duration.ofSeconds(s, nanoAdjust)); }
    static instant ofEpochSecond(long s) { return after(duration.ofSeconds(s)); }
    static instant ofEpochMilli(long ms) { return after(duration.ofMillis(ms)); }

    // An ISO 8601 date-time with an offset, as dateTime.parse reads it:
    // "2026-12-07T16:56:43Z", "2026-12-07T17:56:43.5+01:00".
    static instant parse(string text) { return dateTime.parse(text).toInstant(); }

    long getEpochSecond() { return sinceEpoch.getSeconds(); }
    int getNano() { return sinceEpoch.getNano(); }

    // Milliseconds since 1970, rounded down.
    long toEpochMilli() { return getEpochSecond() * 1000 + getNano() / 1000000; }

    instant plus(duration d) { return after(sinceEpoch.plus(d)); }
    instant minus(duration d) { return after(sinceEpoch.minus(d)); }
    instant plusSeconds(long s) { return plus(duration.ofSeconds(s)); }
    instant plusMillis(long ms) { return plus(duration.ofMillis(ms)); }

    // The time from this instant to end.
    duration until(instant end) { return end.sinceEpoch.minus(sinceEpoch); }

    // This instant on the clocks of zone z.
    dateTime atZone(zone z) { return dateTime.ofInstant(this, z); }

    bool isBefore(instant o) { return compareTo(o) < 0; }
    bool isAfter(instant o) { return compareTo(o) > 0; }

    int compareTo(var o) { return sinceEpoch.compareTo(((instant) o).sinceEpoch); }

    bool equals(var o) { return o instanceof instant && sinceEpoch.equals(((instant) o).sinceEpoch); }

    int hashCode() { return sinceEpoch.hashCode(); }

    // 2026-12-07T16:56:43Z; a fraction in groups of three digits:
    // 2026-12-07T16:56:43.250Z.
    string toString() { return dateTime.ofInstant(this, zone.utc()).toString(); }
};
