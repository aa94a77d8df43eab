// .phantom.time.zone: a time zone, either a fixed offset from UTC (Z,
// +01:00) or a zone of the host's time zone database (Europe/Berlin),
// whose offset changes with daylight saving time and history.  Immutable.
//
// A database zone keeps only its name: its rules are read from the host
// each time they are used (.internal.time.zoneAt), so a world moved to a
// machine with other time zone data follows that machine's rules, and
// NotFoundException comes from the use if that machine lacks the zone.
package .phantom.time;

class zone
{
    var name : string;       // "Europe/Berlin"; for fixed zones "Z", "UTC" or the offset's text
    var fixed : bool;
    var fixedOffset : int;   // seconds east of UTC, for fixed zones

    // Programs use of(), utc(), ofOffset() or host().
    void zone() { }

    // UTC: the fixed zone Z.
    static zone utc() { return fixedZone("Z", 0); }

    // A fixed offset of at most 18 hours either way: ofOffset(3600) is +01:00.
    static zone ofOffset(int seconds)
    {
        if (seconds < -18 * 3600 || seconds > 18 * 3600)
            throw new .phantom.ArgumentException("ofOffset: " + seconds + " seconds is more than 18 hours");
        return fixedZone(iso.formatOffset(seconds), seconds);
    }

    private static zone fixedZone(string name, int seconds)
    {
        zone z = new zone();
        z.name = name;
        z.fixed = true;
        z.fixedOffset = seconds;
        return z;
    }

    // "Z" and "UTC" (fixed, offset 0), an offset ("+01:00", "-0530", "+05"),
    // or the name of a zone of the host's database ("Europe/Berlin",
    // "America/New_York"; the names are those of the IANA database).
    // NotFoundException: of: unknown time zone "Mars/Olympus" (not in the
    // host's time zone database, /usr/share/zoneinfo)
    static zone of(string name)
    {
        if (name == "Z" || name == "UTC")
            return fixedZone(name, 0);
        if (name.startsWith("+") || name.startsWith("-")) {
            iso r = new iso("of", name, "a time zone offset (+01:00)");
            int off = r.readOffset();
            r.end();
            return ofOffset(off);
        }
        zone z = new zone();
        z.name = name;
        z.lookup("of", 0L);
        return z;
    }

    // The host's own zone ($TZ, or what /etc/localtime names), or UTC if it
    // names none the database has.
    static zone host()
    {
        var name;
        name = .internal.time.hostZone();
        if (name != null && .internal.time.zoneAt(name, 0L) != null)
            return of(name);
        return utc();
    }

    // The database's answer for this zone at a second since 1970: offset,
    // daylight saving time, abbreviation.
    private void[] lookup(string method, long epochSecond)
    {
        var r;
        r = .internal.time.zoneAt(name, epochSecond);
        if (r == null)
            throw new .phantom.NotFoundException(method + ": unknown time zone \"" + name +
                                                 "\" (not in the host's time zone database, " +
                                                 .internal.time.zoneDirectory() + ")");
        return r;
    }

    string getName() { return name; }
    string toString() { return name; }
    bool isFixed() { return fixed; }

    // The offset from UTC, in seconds east of it, at an instant.
    int offsetAt(instant i) { return offsetAtSecond(i.getEpochSecond()); }

    int offsetAtSecond(long epochSecond)
    {
        if (fixed)
            return fixedOffset;
        return (int) lookup("offsetAt", epochSecond)[0];
    }

    // Whether daylight saving time is in force at an instant.
    bool isDaylightTime(instant i)
    {
        return !fixed && (bool) lookup("isDaylightTime", i.getEpochSecond())[1];
    }

    // The zone's abbreviation at an instant: "CET", "EDT" (for fixed zones
    // their name).
    string abbreviationAt(instant i)
    {
        if (fixed)
            return name;
        return (string) lookup("abbreviationAt", i.getEpochSecond())[2];
    }

    // The second since 1970 (UTC) at which the clocks of this zone show
    // `local` (a count of seconds since 1970-01-01T00:00 on those clocks).
    // When the clocks go back, a local time comes twice: the earlier one.
    // When they go forward, the local times skipped do not exist: the
    // result is as far past the change as `local` is past its start (so
    // 02:30 in a gap from 02:00 to 03:00 becomes 03:30).
    long localToEpochSecond(long local)
    {
        if (fixed)
            return local - fixedOffset;
        int before = offsetAtSecond(local - 86400), after = offsetAtSecond(local + 86400);
        if (after == before)
            after = offsetAtSecond(local - before);
        if (offsetAtSecond(local - before) == before)
            return local - before;
        if (offsetAtSecond(local - after) == after)
            return local - after;
        return local - before;
    }

    bool equals(var o)
    {
        if (!(o instanceof zone))
            return false;
        zone z = (zone) o;
        return name == z.name;
    }

    int hashCode() { return name.hashCode(); }
};
