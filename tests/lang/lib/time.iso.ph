// .phantom.time without the host's zones: instants, durations, dates and
// date-times at fixed offsets; ISO 8601 text both ways, the civil
// calendar's arithmetic, and every kind of bad input.
import .phantom.time.*;

class iso_test
{
    static void bad(string what, string text)
    {
        try {
            if (what == "instant") println(instant.parse(text));
            else if (what == "date") println(date.parse(text));
            else if (what == "duration") println(duration.parse(text));
            else if (what == "zone") println(zone.of(text));
            else println(dateTime.parse(text));
        } catch (.phantom.FormatException e) {
            println(e.getMessage());
        }
    }

    static void main()
    {
        // the examples of docs/LIBRARY.md
        instant t = instant.parse("2026-12-07T16:56:43Z");
        println(t.getEpochSecond() + " " + t + " " + t.atZone(zone.of("+01:00")));
        println(instant.parse("2026-12-07T17:56:43.5+01:00") + " " + duration.parse("PT1H30M").toMinutes());

        // instants: offsets, fractions, separators, years far away
        string[] texts = new string[0];
        texts.add("1970-01-01T00:00:00Z");
        texts.add("1969-12-31T23:59:59.999999999Z");
        texts.add("2026-12-07t16:56:43z");
        texts.add("2026-12-07 17:56+01:00");
        texts.add("2026-12-07T11:26:43.1-05:30");
        texts.add("2026-12-07T22:41:43,123456+0545");
        texts.add("2026-12-08T04:56:43+12");
        texts.add("2026-12-07T16:56:43-00:00:30");
        texts.add("0000-03-01T00:00:00Z");
        texts.add("-0044-03-15T12:00:00Z");
        texts.add("+12345-01-01T00:00:00Z");
        texts.add("2000-02-29T23:59:59.000001Z");
        foreach (x in texts) {
            instant i = instant.parse(x);
            println(x + " -> " + i + " " + i.getEpochSecond() + " " + i.getNano() + " " + i.toEpochMilli());
        }
        instant a = instant.ofEpochMilli(-1);
        println(a + " " + a.getEpochSecond() + " " + a.getNano() + " " + instant.ofEpochSecond(1, -1500000000L));
        instant b = a.plus(duration.ofHours(25)).plusSeconds(1).plusMillis(2);
        println(b + " " + a.until(b) + " " + duration.between(b, a) + " " + b.minus(duration.ofNanos(1)));
        println(a.isBefore(b) + " " + b.isAfter(a) + " " + a.compareTo(b) + " " + b.compareTo(a) + " " + a.compareTo(a) + " " +
                (a == instant.ofEpochMilli(-1)) + " " + (a.hashCode() == instant.ofEpochMilli(-1).hashCode()) + " " +
                a.equals("x"));
        println(instant.now().isAfter(instant.parse("2024-01-01T00:00:00Z")));

        // durations
        foreach (x in "PT0S;PT1H30M;P2D;P1DT12H;PT0.5S;PT-0.5S;-PT6H3M;PT-6H+3M;pt1m1.000000001s;PT1,5S;+PT90M;-P-1D;PT100000H".split(";"))
            println(x + " -> " + duration.parse(x) + " " + duration.parse(x).getSeconds() + " " + duration.parse(x).getNano());
        duration d = duration.ofSeconds(3725, 500000000L);
        println(d + " " + d.toHours() + " " + d.toMinutes() + " " + d.toSeconds() + " " + d.toMillis() + " " + d.toNanos() +
                " " + d.toDays());
        duration n = d.negated();
        println(n + " " + n.toHours() + " " + n.toMinutes() + " " + n.toSeconds() + " " + n.toMillis() + " " + n.toNanos() +
                " " + n.isNegative() + " " + n.abs() + " " + duration.ofMillis(-1500).toSeconds());
        println(d.plus(n) + " " + d.plus(n).isZero() + " " + d.minus(n) + " " + d.multipliedBy(-3) + " " + duration.ofDays(2) +
                " " + duration.ofMinutes(-90) + " " + duration.zero() + " " + duration.ofNanos(1500));
        println(d.compareTo(n) + " " + n.compareTo(d) + " " + (d == duration.parse("PT1H2M5.5S")) + " " +
                (d.hashCode() == duration.parse("PT1H2M5.5S").hashCode()));

        // dates: the calendar
        date leap = date.parse("2024-02-29");
        println(leap + " " + leap.getDayOfWeek() + " " + leap.getDayOfYear() + " " + leap.lengthOfMonth() + " " +
                leap.plusYears(1) + " " + leap.plusYears(4) + " " + leap.plusMonths(-12) + " " + leap.plusDays(1) + " " +
                leap.plusWeeks(-1));
        println(date.isLeapYear(1900) + " " + date.isLeapYear(2000) + " " + date.isLeapYear(2024) + " " +
                date.isLeapYear(2023) + " " + date.daysInMonth(2023, 2) + " " + date.daysInMonth(2026, 4));
        println(date.of(2026, 1, 31).plusMonths(1) + " " + date.of(2026, 3, 31).plusMonths(-1) + " " +
                date.of(2026, 12, 7).daysUntil(date.of(2027, 1, 1)) + " " + date.of(2026, 12, 7).getDayOfWeek() + " " +
                date.of(1970, 1, 1).toEpochDay() + " " + date.ofEpochDay(-1) + " " + date.ofEpochDay(20000));
        println(date.of(-1, 12, 31).plusDays(1) + " " + date.of(9999, 12, 31).plusDays(1) + " " + date.ofEpochDay(-719528) +
                " " + date.of(2000, 1, 1).isBefore(date.of(2000, 1, 2)) + " " + (date.of(2000, 1, 1) == date.parse("2000-01-01")));
        // every day from 1900 to 2100: one day after another, the weekday turning
        date day = date.of(1900, 1, 1);
        long epochDay = day.toEpochDay();
        int wrong = 0, weekday = 1;   // 1900-01-01 was a Monday
        while (day.getYear() < 2101) {
            if (day.toEpochDay() != epochDay || date.ofEpochDay(epochDay) != day || day.getDayOfWeek() != weekday)
                wrong++;
            date next = day.plusDays(1);
            bool ok = next.getDay() == day.getDay() + 1 ||
                      (next.getDay() == 1 && day.getDay() == day.lengthOfMonth() &&
                       (next.getMonth() == day.getMonth() + 1 || (next.getMonth() == 1 && day.getMonth() == 12)));
            if (!ok)
                wrong++;
            day = next;
            epochDay++;
            weekday = weekday % 7 + 1;
        }
        println("73414 days checked, " + wrong + " wrong");
        println(date.ofEpochDay(365241780471L) + " " + date.ofEpochDay(-365243219162L) + " " +
                zone.utc().offsetAtSecond(.internal.long.MAX_VALUE()));
        try { println(instant.ofEpochSecond(.internal.long.MAX_VALUE())); }
        catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { date.of(2023, 2, 29); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { date.of(2023, 13, 1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // date-times at fixed offsets
        zone plus530 = zone.of("+05:30");
        dateTime dt = dateTime.of(2026, 12, 31, 23, 59, 59, 999000000, plus530);
        println(dt + " " + dt.toInstant() + " " + dt.getOffset() + " " + dt.getZone() + " " + dt.getDayOfYear() + " " +
                dt.plus(duration.ofMillis(1)) + " " + dt.withZone(zone.utc()));
        println(dt.plusDays(1) + " " + dt.plusMonths(2) + " " + dt.plusYears(-1) + " " + dt.minus(duration.ofDays(365)));
        dateTime p = dateTime.parse("2026-12-07T17:56:43+01:00");
        println(p + " " + p.toIsoString() + " " + p.getHour() + " " + p.getMinute() + " " + p.getSecond() + " " +
                p.getNano() + " " + p.getYear() + " " + p.getMonth() + " " + p.getDay() + " " + p.getDate() + " " +
                p.getDayOfWeek());
        dateTime q = dateTime.parse("2026-12-07T16:56:43Z");
        println((p.compareTo(q) == 0) + " " + (p == q) + " " + p.isBefore(q) + " " + q.isAfter(p) + " " + (p == p.plusDays(0)));
        println(dateTime.parse("2026-12-07T17:56:43", zone.of("-0100")) + " " + dateTime.parse("2026-12-07T17:56:43Z", plus530));
        println(zone.of("Z") + " " + zone.of("UTC") + " " + zone.of("-08") + " " + zone.ofOffset(-16200) + " " +
                zone.ofOffset(20730) + " " + zone.of("+01:00").isFixed() + " " + (zone.of("+0100") == zone.ofOffset(3600)) + " " +
                zone.of("+01").offsetAt(t) + " " + zone.utc().isDaylightTime(t) + " " + zone.of("UTC").abbreviationAt(t));
        try { zone.ofOffset(18 * 3600 + 1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }
        try { dateTime.of(2026, 1, 1, 24, 0, 0, zone.utc()); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // bad text: each names the text, what it should be, and where
        bad("instant", "2026-12-07T16:56:43");
        bad("instant", "2026-12-07");
        bad("instant", "2026-12-07X16:56:43Z");
        bad("instant", "2026-12-07T25:00:00Z");
        bad("instant", "2026-12-07T16:60:00Z");
        bad("instant", "2026-12-07T16:56:61Z");
        bad("instant", "2026-12-07T16:56:43.Z");
        bad("instant", "2026-12-07T16:56:43.1234567890Z");
        bad("instant", "2026-12-07T16:56:43+19:00");
        bad("instant", "2026-12-07T16:56:43+18:30");
        bad("instant", "2026-12-07T16:56:43Z ");
        bad("instant", "2026-12-07T16:56:43ZZ");
        bad("instant", "2026-12-07T16:5Z");
        bad("instant", "");
        bad("date", "2026-13-07");
        bad("date", "2026-02-29");
        bad("date", "2026-12-7");
        bad("date", "26-12-07");
        bad("date", "+2026-12-07");
        bad("date", "2026/12/07");
        bad("date", "2026-12-07T00:00");
        bad("duration", "PT1X");
        bad("duration", "P");
        bad("duration", "PT");
        bad("duration", "1H");
        bad("duration", "PT1M1H");
        bad("duration", "P1H");
        bad("duration", "PT1.S");
        bad("duration", "PT1H30");
        bad("zone", "+1:00");
        bad("zone", "+01:00x");
        bad("dateTime", "2026-12-07T16:56:43+01:00[Europe/Berlin");
        bad("dateTime", "2026-12-07T16:56:43+01:00[]");
    }
};
