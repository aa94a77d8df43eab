// .phantom.time with the host's time zone database: offsets, daylight
// saving time and abbreviations across the transitions of 2026 in Berlin
// and New York, the south (Sydney), odd offsets, history, a far-future
// instant (the zone file's footer rule), local times in a gap and an
// overlap, calendar against elapsed arithmetic across a change of the
// clocks, zones in ISO text, and unknown zones.
import .phantom.time.*;

class zones_test
{
    static void show(string zoneName, string utc)
    {
        zone z = zone.of(zoneName);
        instant i = instant.parse(utc);
        println(zoneName + " " + utc + " -> " + i.atZone(z) + " " + z.offsetAt(i) + " " + z.isDaylightTime(i) + " " +
                z.abbreviationAt(i));
    }

    static void main()
    {
        // the example of docs/LIBRARY.md
        zone berlin = zone.of("Europe/Berlin");
        dateTime meeting = dateTime.of(2026, 3, 28, 10, 0, 0, berlin);
        println(meeting + " " + meeting.plusDays(1) + " " + meeting.plus(duration.ofHours(24)));

        // Berlin: CET to CEST at 2026-03-29 01:00Z, back at 2026-10-25 01:00Z
        show("Europe/Berlin", "2026-03-29T00:59:59Z");
        show("Europe/Berlin", "2026-03-29T01:00:00Z");
        show("Europe/Berlin", "2026-10-25T00:59:59Z");
        show("Europe/Berlin", "2026-10-25T01:00:00Z");
        // New York: EST to EDT at 2026-03-08 07:00Z, back at 2026-11-01 06:00Z
        show("America/New_York", "2026-03-08T06:59:59Z");
        show("America/New_York", "2026-03-08T07:00:00Z");
        show("America/New_York", "2026-11-01T05:59:59Z");
        show("America/New_York", "2026-11-01T06:00:00Z");
        // the south, odd offsets, no DST, history
        show("Australia/Sydney", "2026-01-15T00:00:00Z");
        show("Australia/Sydney", "2026-07-15T00:00:00Z");
        show("Asia/Kolkata", "2026-12-07T16:56:43Z");
        show("America/St_Johns", "2026-07-01T12:00:00Z");
        show("Asia/Kathmandu", "2026-07-01T12:00:00Z");
        show("Etc/UTC", "2026-07-01T12:00:00Z");
        show("Europe/Berlin", "1945-06-01T12:00:00Z");
        show("America/New_York", "1883-11-18T17:00:00Z");
        // far future: past the files' tables, the footer's rule decides
        show("Europe/Berlin", "2400-07-01T12:00:00Z");
        show("Europe/Berlin", "2400-12-01T12:00:00Z");
        show("America/New_York", "9999-07-01T12:00:00Z");
        show("Australia/Sydney", "2999-01-01T00:00:00Z");

        // local times: in the spring gap (02:00 to 03:00 do not exist) and the
        // autumn overlap (02:00 to 03:00 come twice: the earlier is taken)
        println(dateTime.of(2026, 3, 29, 2, 30, 0, berlin) + " " + dateTime.of(2026, 3, 29, 1, 59, 59, berlin) + " " +
                dateTime.of(2026, 3, 29, 3, 0, 0, berlin));
        dateTime twice = dateTime.of(2026, 10, 25, 2, 30, 0, berlin);
        println(twice + " " + twice.plus(duration.ofHours(1)) + " " + twice.plus(duration.ofHours(2)));
        zone ny = zone.of("America/New_York");
        println(dateTime.of(2026, 3, 8, 2, 30, 0, ny) + " " + dateTime.of(2026, 11, 1, 1, 30, 0, ny) + " " +
                dateTime.of(2026, 11, 1, 1, 30, 0, ny).plus(duration.ofHours(1)));

        // calendar against elapsed time across the change
        dateTime evening = dateTime.parse("2026-10-24T20:00:00+02:00[Europe/Berlin]");
        println(evening.plusDays(1) + " " + evening.plus(duration.ofDays(1)) + " " +
                duration.between(evening.toInstant(), evening.plusDays(1).toInstant()));
        println(evening.plusMonths(5) + " " + evening.plusYears(-1) + " " + evening.withZone(ny) + " " +
                evening.withZone(zone.utc()));

        // zones in text
        println(dateTime.parse("2026-07-01T12:00:00Z[Europe/Berlin]") + " " +
                dateTime.parse("2026-07-01T12:00+02:00[America/New_York]") + " " +
                dateTime.parse("2026-07-01T12:00:00", berlin) + " " + dateTime.parse("2026-03-29T02:30:00", berlin) + " " +
                dateTime.parse("2026-07-01T12:00:00+05:30", berlin).toIsoString());
        println(instant.parse("2026-07-01T14:00:00+02:00[Europe/Berlin]") + " " + berlin + " " + berlin.getName() + " " +
                berlin.isFixed() + " " + (berlin == zone.of("Europe/Berlin")) + " " + (berlin == ny));

        // what is not a zone
        string[] names = new string[0];
        names.add("Mars/Olympus_Mons");
        names.add("../../etc/passwd");
        names.add("Europe");
        names.add("europe/berlin ");
        names.add("");
        foreach (n in names) {
            try { zone.of(n); }
            catch (.phantom.NotFoundException e) { println(e.getMessage()); }
        }
        try { dateTime.parse("2026-07-01T12:00:00Z[Mars/Olympus_Mons]"); }
        catch (.phantom.NotFoundException e) { println(e.getMessage()); }
    }
};
