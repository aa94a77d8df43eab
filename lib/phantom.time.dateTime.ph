// .phantom.time.dateTime: an instant as the clocks of a zone show it: a
// date, a time of day to the nanosecond, the zone's offset from UTC then,
// and the zone.  Immutable.  Its text is ISO 8601's, with the zone's name
// after it in brackets for a zone of the database:
// 2026-12-07T17:56:43+01:00[Europe/Berlin], 2026-12-07T16:56:43Z.
package .phantom.time;

class dateTime
{
    var day : date;
    var hour : int;
    var minute : int;
    var second : int;
    var nano : int;
    var offset : int;   // seconds east of UTC: local time minus UTC
    var where : zone;

    // Programs use of(), ofInstant(), now() or parse().
    void dateTime() { }

    // The instant i in the zone z.
    static dateTime ofInstant(instant i, zone z)
    {
        dateTime t = new dateTime();
        t.where = z;
        t.offset = z.offsetAt(i);
        long local = i.getEpochSecond() + t.offset;
        t.day = date.ofEpochDay(math.floorDiv(local, 86400L));
        int s = (int) math.floorMod(local, 86400L);
        t.hour = s / 3600;
        t.minute = s / 60 % 60;
        t.second = s % 60;
        t.nano = i.getNano();
        return t;
    }

    // The time the clocks of z show at y-mo-d h:mi:s (and nano
    // nanoseconds).  When the clocks go back that time comes twice: the
    // earlier.  When they go forward the times skipped do not exist: 02:30
    // in a gap from 02:00 to 03:00 becomes 03:30 (zone.localToEpochSecond).
    // ArgumentException for a field out of its range.
    static dateTime of(int y, int mo, int d, int h, int mi, int s, int nano, zone z)
    {
        date dd = date.of(y, mo, d);
        inRange(h, 23, "hour");
        inRange(mi, 59, "minute");
        inRange(s, 59, "second");
        inRange(nano, 999999999, "nanosecond");
        return atLocal(dd, h * 3600 + mi * 60 + s, nano, z);
    }

    private static void inRange(int v, int max, string field)
    {
        if (v < 0 || v > max)
            throw new .phantom.ArgumentException("of: the " + field + " " + v + " is not from 0 to " + max);
    }

    static dateTime of(int y, int mo, int d, int h, int mi, int s, zone z) { return of(y, mo, d, h, mi, s, 0, z); }

    // A date and a second of its day on the clocks of z.
    private static dateTime atLocal(date d, long secondOfDay, int nano, zone z)
    {
        long local = d.toEpochDay() * 86400 + secondOfDay;
        return ofInstant(instant.ofEpochSecond(z.localToEpochSecond(local), (long) nano), z);
    }

    static dateTime now(zone z) { return ofInstant(instant.now(), z); }

    // In the host's zone (zone.host()).
    static dateTime now() { return now(zone.host()); }

    // An ISO 8601 date-time with an offset: 2026-12-07T16:56:43Z,
    // 2026-12-07T17:56:43.25+01:00, optionally followed by a zone's name
    // in brackets ([Europe/Berlin]: the instant the text names, shown in
    // that zone); 't' or a space may stand for 'T'.  FormatException, e.g.
    // parse: "2026-12-07T25:00Z" is not an ISO 8601 date-time with an
    // offset (2026-12-07T16:56:43Z): the hour 25 is not from 0 to 23, at
    // offset 11
    static dateTime parse(string text)
    {
        return read(new iso("parse", text, "an ISO 8601 date-time with an offset (2026-12-07T16:56:43Z)"), null);
    }

    // The same in the zone z, where the offset may be left out: the text
    // is then the time z's clocks show ("2026-12-07T17:56:43").
    static dateTime parse(string text, zone z)
    {
        return read(new iso("parse", text, "an ISO 8601 date-time (2026-12-07T16:56:43)"), z);
    }

    // Reads a date-time; in zone z if not null (the offset is optional),
    // else in the zone of the text.
    private static dateTime read(iso r, zone z)
    {
        date d = r.readDate();
        r.readDateTimeSeparator();
        r.readTime();
        if (z != null && r.atEnd())
            return atLocal(d, r.secondOfDay(), r.nano, z);
        if (!r.atOffset())
            r.fail(r.atEnd() ? "an offset (Z, +01:00) expected but the text ends"
                             : "an offset (Z, +01:00) expected, not '" + r.peek() + "'", r.at);
        int off = r.readOffset();
        zone shown = z;
        if (r.peek() == '[') {
            zone named = r.readZoneName();
            if (shown == null)
                shown = named;
        }
        r.end();
        long local = d.toEpochDay() * 86400 + r.secondOfDay();
        return ofInstant(instant.ofEpochSecond(local - off, (long) r.nano), shown != null ? shown : zone.ofOffset(off));
    }

    int getYear() { return day.getYear(); }
    int getMonth() { return day.getMonth(); }
    int getDay() { return day.getDay(); }
    int getHour() { return hour; }
    int getMinute() { return minute; }
    int getSecond() { return second; }
    int getNano() { return nano; }
    int getOffset() { return offset; }
    zone getZone() { return where; }
    date getDate() { return day; }
    int getDayOfWeek() { return day.getDayOfWeek(); }
    int getDayOfYear() { return day.getDayOfYear(); }

    long toEpochSecond() { return day.toEpochDay() * 86400 + hour * 3600 + minute * 60 + second - offset; }
    instant toInstant() { return instant.ofEpochSecond(toEpochSecond(), (long) nano); }

    // The same instant on the clocks of z.
    dateTime withZone(zone z) { return ofInstant(toInstant(), z); }

    // Elapsed time: d later on the time line (an hour added across a change
    // of the clocks is an hour of real time).
    dateTime plus(duration d) { return ofInstant(toInstant().plus(d), where); }
    dateTime minus(duration d) { return ofInstant(toInstant().minus(d), where); }

    // Calendar arithmetic: the same time of day n days (months, years)
    // later on the zone's clocks, resolved as of() does; a day missing from
    // the month is the month's last (January 31 plus a month is February 28).
    dateTime plusDays(long n) { return atLocal(day.plusDays(n), secondOfDay(), nano, where); }
    dateTime plusMonths(long n) { return atLocal(day.plusMonths(n), secondOfDay(), nano, where); }
    dateTime plusYears(long n) { return atLocal(day.plusYears(n), secondOfDay(), nano, where); }

    private long secondOfDay() { return hour * 3600 + minute * 60 + second; }

    bool isBefore(dateTime o) { return compareTo(o) < 0; }
    bool isAfter(dateTime o) { return compareTo(o) > 0; }

    // By instant (two date-times of one instant in different zones are 0
    // here, yet not equal).
    int compareTo(var o) { return toInstant().compareTo(((dateTime) o).toInstant()); }

    // The same instant, offset and zone.
    bool equals(var o)
    {
        if (!(o instanceof dateTime))
            return false;
        dateTime t = (dateTime) o;
        return toInstant() == t.toInstant() && offset == t.offset && where == t.where;
    }

    int hashCode() { return toInstant().hashCode() * 31 + where.hashCode(); }

    // 2026-12-07T17:56:43+01:00: ISO 8601, without the zone's name.
    string toIsoString()
    {
        return day.toString() + "T" + iso.formatTime(hour, minute, second, nano) + iso.formatOffset(offset);
    }

    // toIsoString() and, for a zone of the database, its name in
    // brackets: 2026-12-07T17:56:43+01:00[Europe/Berlin].
    string toString()
    {
        return where.isFixed() ? toIsoString() : toIsoString() + "[" + where.getName() + "]";
    }
};
