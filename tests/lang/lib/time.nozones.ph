// .phantom.time on a host without the zone asked for (here $TZDIR names
// an empty place, as on a machine without the tzdata package): zones of
// the database raise NotFoundException naming the zone and where it was
// looked for, at of() and, for a zone kept from a machine that had it,
// at each use; fixed offsets and UTC need no database.
import .phantom.time.*;

class nozones_test
{
    static void main()
    {
        try { zone.of("Europe/Berlin"); }
        catch (.phantom.NotFoundException e) { println(e.getMessage()); }
        zone kept = new zone();   // as a world made elsewhere would hold it: the name only
        kept.name = "Europe/Berlin";
        instant t = instant.parse("2026-12-07T16:56:43Z");
        try { t.atZone(kept); }
        catch (.phantom.NotFoundException e) { println(e.getMessage()); }
        try { kept.isDaylightTime(t); }
        catch (.phantom.NotFoundException e) { println(e.getMessage()); }
        println(t.atZone(zone.of("+01:00")) + " " + t.atZone(zone.utc()) + " " + zone.host());
    }
};
