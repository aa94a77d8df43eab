// .phantom.time.date: a day of the civil calendar (the proleptic
// Gregorian calendar of ISO 8601), without a time of day or a zone.
// Immutable.  Years run from -999999999 to 999999999.
package .phantom.time;

class date
{
    var year : int;
    var month : int;   // 1 to 12
    var day : int;     // 1 to daysInMonth(year, month)

    // Programs use of(), ofEpochDay() or parse().
    void date() { }

    // ArgumentException: of: 2026-02-30 is not a date (February 2026 has 28 days)
    static date of(int y, int m, int d)
    {
        if (y < -999999999 || y > 999999999)
            throw new .phantom.ArgumentException("of: the year " + y + " is not from -999999999 to 999999999");
        if (m < 1 || m > 12)
            throw new .phantom.ArgumentException("of: the month " + m + " is not from 1 to 12");
        if (d < 1 || d > daysInMonth(y, m))
            throw new .phantom.ArgumentException("of: " + iso.formatDate(y, m, math.clamp(d, 0, 99)) +
                                                 " is not a date (" + monthName(m) + " " + y + " has " +
                                                 daysInMonth(y, m) + " days)");
        date r = new date();
        r.year = y;
        r.month = m;
        r.day = d;
        return r;
    }

    // YYYY-MM-DD: "2026-12-07"; FormatException naming the text and the
    // offset of the first thing wrong.
    static date parse(string text)
    {
        iso r = new iso("parse", text, "an ISO 8601 date (2026-12-07)");
        date d = r.readDate();
        r.end();
        return d;
    }

    // Today in the zone z (in the host's zone: today()).
    static date today(zone z) { return dateTime.now(z).getDate(); }
    static date today() { return today(zone.host()); }

    static bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

    static int daysInMonth(int y, int m)
    {
        if (m == 2)
            return isLeapYear(y) ? 29 : 28;
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    static string monthName(int m)
    {
        return "January,February,March,April,May,June,July,August,September,October,November,December"
            .split(",")[m - 1];
    }

    // The date `days` days after 1970-01-01 (before it if negative).  The
    // calendar repeats every 400 years (146097 days); counting years from
    // March 1 puts February 29 at the end of its year.  ArgumentException
    // beyond the years -999999999 to 999999999.
    static date ofEpochDay(long days)
    {
        if (days < -365243219162L || days > 365241780471L)
            throw new .phantom.ArgumentException("ofEpochDay: day " + days +
                                                 " is not within the years -999999999 to 999999999");
        long z = days + 719468;   // days since 0000-03-01
        long cycle = math.floorDiv(z, 146097L);
        long doc = z - cycle * 146097;                                   // 0 to 146096
        long yic = (doc - doc / 1460 + doc / 36524 - doc / 146096) / 365; // 0 to 399
        long doy = doc - (365 * yic + yic / 4 - yic / 100);               // 0 to 365, from March 1
        long mfm = (5 * doy + 2) / 153;                                   // months from March: 0 to 11
        int d = (int) (doy - (153 * mfm + 2) / 5 + 1);
        int m = (int) (mfm < 10 ? mfm + 3 : mfm - 9);
        return of((int) (yic + cycle * 400 + (m <= 2 ? 1 : 0)), m, d);
    }

    // Days since 1970-01-01 (negative before it): the inverse of ofEpochDay.
    long toEpochDay()
    {
        long ym = month > 2 ? year : year - 1;   // the year that began on the last March 1
        long cycle = math.floorDiv(ym, 400L);
        long yic = ym - cycle * 400;
        long mfm = month > 2 ? month - 3 : month + 9;
        long doy = (153 * mfm + 2) / 5 + day - 1;
        return cycle * 146097 + yic * 365 + yic / 4 - yic / 100 + doy - 719468;
    }

    int getYear() { return year; }
    int getMonth() { return month; }
    int getDay() { return day; }

    // 1 for Monday to 7 for Sunday (ISO 8601's numbering).
    int getDayOfWeek() { return (int) math.floorMod(toEpochDay() + 3, 7L) + 1; }

    // 1 for January 1 to 365 (366 in a leap year).
    int getDayOfYear() { return (int) (toEpochDay() - of(year, 1, 1).toEpochDay()) + 1; }

    int lengthOfMonth() { return daysInMonth(year, month); }

    date plusDays(long n) { return ofEpochDay(toEpochDay() + n); }
    date plusWeeks(long n) { return plusDays(n * 7); }

    // n months later (earlier if negative), the day kept unless the month is
    // shorter: 2026-01-31 plus one month is 2026-02-28.
    date plusMonths(long n)
    {
        long m = (long) year * 12 + month - 1 + n;
        int y = (int) math.floorDiv(m, 12L);
        int mo = (int) math.floorMod(m, 12L) + 1;
        return of(y, mo, math.min(day, daysInMonth(y, mo)));
    }

    date plusYears(long n) { return plusMonths(n * 12); }

    // Days from this date to end (negative if end is before it).
    long daysUntil(date end) { return end.toEpochDay() - toEpochDay(); }

    bool isBefore(date o) { return compareTo(o) < 0; }
    bool isAfter(date o) { return compareTo(o) > 0; }

    int compareTo(var o)
    {
        date d = (date) o;
        long a = toEpochDay(), b = d.toEpochDay();
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    bool equals(var o)
    {
        if (!(o instanceof date))
            return false;
        date d = (date) o;
        return year == d.year && month == d.month && day == d.day;
    }

    int hashCode() { return (year * 16 + month) * 32 + day; }

    // 2026-12-07; +12345-01-01 and -0044-03-15 beyond 4 digits and before year 0.
    string toString() { return iso.formatDate(year, month, day); }
};
