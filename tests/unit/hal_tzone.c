/*
 * hal_tzone.c - the HAL's time zones (src/hal/posix/tzone.c) against the
 * C library's localtime, and on TZif files made here.
 *
 *  - the host's database: for zones with and without daylight saving time,
 *    north and south, with odd offsets and rules, every answer of
 *    hal_tz_local_at (offset, DST, abbreviation) equals localtime_r's with
 *    TZ set to the zone (which is fine in a test of one thread), at
 *    instants from 1850 to 2400: the table, and the footer's rule past it;
 *  - files written here: the footer alone (POSIX TZ strings with every
 *    kind of date, negative and 25-hour times, DST all year, southern
 *    rules), a version 1 file, and malformed files;
 *  - names that are not zones, a missing zone, a directory.
 * Without /usr/share/zoneinfo the first part is skipped with one line.
 */
#define _GNU_SOURCE
#include "testlib.h"

#include "../src/hal/hal.h"

#include <errno.h>
#include <sys/stat.h>

static bool have_db(void)
{
    struct stat st;
    return stat("/usr/share/zoneinfo/Europe/Berlin", &st) == 0;
}

/* localtime_r's answer for zone at t. */
static bool libc_at(const char *zone, int64_t t, hal_tz_local *out)
{
    char tz[300];
    snprintf(tz, sizeof tz, ":%s", zone);
    setenv("TZ", tz, 1);
    tzset();
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return false;
    out->utoff = (int32_t)tm.tm_gmtoff;
    out->dst = tm.tm_isdst > 0;
    snprintf(out->abbr, sizeof out->abbr, "%s", tm.tm_zone);
    return true;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void against_libc(void)
{
    static const char *const zones[] = {
        "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns",
        "Pacific/Chatham", "Africa/Casablanca", "Europe/Dublin", "America/Nuuk", "Asia/Jerusalem",
        "Pacific/Kiritimati", "UTC", "Etc/GMT+5", "America/Sao_Paulo", "Antarctica/Troll",
        "Europe/London", "America/Santiago", "Asia/Tehran", "Pacific/Apia", "Europe/Moscow",
        "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Tokyo", "America/Havana",
    };
    int bad = 0, n = 0;
    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        for (int i = 0; i < 4000; i++) {
            /* 1850 to 2400, and every fifth instant near a year's spring or autumn */
            int64_t t = -3786825600ll + (int64_t)(next_rand() % 17356000000ull);
            if (i % 5 == 0)
                t = t - t % 31556952 + (i % 2 ? 7776000 : 25920000) + (int64_t)(next_rand() % 2000000);
            hal_tz_local got, want;
            if (!libc_at(zones[z], t, &want))
                continue;
            n++;
            int rc = hal_tz_local_at(zones[z], t, &got);
            if (rc != 0 || got.utoff != want.utoff || got.dst != want.dst || strcmp(got.abbr, want.abbr) != 0) {
                if (bad++ < 10)
                    fprintf(stderr, "  %s at %lld: got %d %d %s (rc %d), libc %d %d %s\n", zones[z], (long long)t,
                            got.utoff, got.dst, got.abbr, rc, want.utoff, want.dst, want.abbr);
            }
        }
    }
    CHECK(bad == 0);
    unsetenv("TZ");
    printf("against localtime: %d instants, %d differ\n", n, bad);
}

/* Known answers of the database (transitions of 2026 and a far future). */
static void known_answers(void)
{
    hal_tz_local l;
    /* Berlin: CET until 2026-03-29 01:00 UTC, then CEST */
    CHECK(hal_tz_local_at("Europe/Berlin", 1774746000 - 1, &l) == 0 && l.utoff == 3600 && !l.dst && !strcmp(l.abbr, "CET"));
    CHECK(hal_tz_local_at("Europe/Berlin", 1774746000, &l) == 0 && l.utoff == 7200 && l.dst && !strcmp(l.abbr, "CEST"));
    /* New York: EDT until 2026-11-01 06:00 UTC, then EST */
    CHECK(hal_tz_local_at("America/New_York", 1793512800 - 1, &l) == 0 && l.utoff == -14400 && l.dst);
    CHECK(hal_tz_local_at("America/New_York", 1793512800, &l) == 0 && l.utoff == -18000 && !l.dst &&
          !strcmp(l.abbr, "EST"));
    /* the year 2500 (footer rule): July in Berlin is summer time */
    CHECK(hal_tz_local_at("Europe/Berlin", 16741886400ll, &l) == 0 && l.utoff == 7200 && l.dst);
    CHECK(hal_tz_local_at("UTC", 0, &l) == 0 && l.utoff == 0 && !l.dst && !strcmp(l.abbr, "UTC"));
    /* the ends of time: no overflow, an answer */
    CHECK(hal_tz_local_at("Europe/Berlin", INT64_MAX, &l) == 0 && (l.utoff == 3600 || l.utoff == 7200));
    CHECK(hal_tz_local_at("Europe/Berlin", INT64_MIN, &l) == 0 && !strcmp(l.abbr, "LMT"));
    CHECK(hal_tz_local_at("Australia/Sydney", INT64_MAX - 1, &l) == 0);
    printf("known answers: ok\n");
}

/* ---- files made here ---------------------------------------------------------------- */

static char dir[256];

static void put32(uint8_t **p, uint32_t v)
{
    (*p)[0] = (uint8_t)(v >> 24), (*p)[1] = (uint8_t)(v >> 16), (*p)[2] = (uint8_t)(v >> 8), (*p)[3] = (uint8_t)v;
    *p += 4;
}

/* A TZif file: version v ('\0' or '2'), transitions at times[] to types[],
 * one local time type per (utoff, dst) pair with abbreviation "Z0", "Z1"...,
 * and the footer (version 2). */
static void write_zone(const char *name, char v, int ntimes, const int64_t *times, const uint8_t *types,
                       int ntypes, const int32_t *utoffs, const char *footer)
{
    static uint8_t buf[4096];
    uint8_t *p = buf;
    char chars[64];
    int nchars = 0;
    for (int i = 0; i < ntypes; i++)
        nchars += snprintf(chars + nchars, sizeof chars - (size_t)nchars, "Z%d", i) + 1;
    for (int pass = 0; pass < (v ? 2 : 1); pass++) {
        int tsize = pass ? 8 : 4;
        memcpy(p, "TZif", 4);
        p[4] = (uint8_t)v;
        memset(p + 5, 0, 15);
        p += 20;
        put32(&p, 0), put32(&p, 0), put32(&p, 0);
        put32(&p, (uint32_t)ntimes), put32(&p, (uint32_t)ntypes), put32(&p, (uint32_t)nchars);
        for (int i = 0; i < ntimes; i++) {
            if (tsize == 8)
                put32(&p, (uint32_t)((uint64_t)times[i] >> 32));
            put32(&p, (uint32_t)times[i]);
        }
        for (int i = 0; i < ntimes; i++)
            *p++ = types[i];
        for (int i = 0, at = 0; i < ntypes; i++) {
            put32(&p, (uint32_t)utoffs[i]);
            *p++ = utoffs[i] % 3600 != 0;   /* marks DST in these files: an odd offset */
            *p++ = (uint8_t)at;
            at += (int)strlen(chars + at) + 1;
        }
        memcpy(p, chars, (size_t)nchars);
        p += nchars;
    }
    if (v)
        p += sprintf((char *)p, "\n%s\n", footer);
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *strrchr(path, '/') = 0;
    REQUIRE(hal_make_dirs(path) == 0);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    REQUIRE(hal_file_write_all(path, buf, (size_t)(p - buf)) == 0);
}

static int32_t offset_at(const char *zone, int64_t t)
{
    hal_tz_local l;
    int rc = hal_tz_local_at(zone, t, &l);
    return rc == 0 ? l.utoff : -99999;
}

/* Seconds since 1970 of a UTC date and time. */
static int64_t utc(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi};
    return (int64_t)timegm(&tm);
}

static void made_files(void)
{
    snprintf(dir, sizeof dir, "/tmp/phantom-tz-%d", (int)getpid());
    REQUIRE(hal_make_dirs(dir) == 0);
    setenv("TZDIR", dir, 1);
    const int32_t one[] = {0};
    hal_tz_local l;

    /* footers alone */
    write_zone("Footer/Odd", '2', 0, NULL, NULL, 1, one, "<+0330>-3:30");
    CHECK(offset_at("Footer/Odd", 0) == 12600);
    CHECK(hal_tz_local_at("Footer/Odd", 0, &l) == 0 && !strcmp(l.abbr, "+0330") && !l.dst);
    /* footers alone: the offset at an instant (UTC date and time) */
    static const struct footer_case {
        const char *footer;
        int y, mo, d, h, mi;
        int32_t want;
    } cases[] = {
        /* the European rule: the last Sunday of March 01:00 UTC to the last of October;
         * 2300-03-25 and 2300-10-28 are those Sundays */
        {"CET-1CEST,M3.5.0,M10.5.0/3", 2300, 3, 25, 0, 59, 3600},
        {"CET-1CEST,M3.5.0,M10.5.0/3", 2300, 3, 25, 1, 0, 7200},
        {"CET-1CEST,M3.5.0,M10.5.0/3", 2300, 10, 28, 0, 59, 7200},
        {"CET-1CEST,M3.5.0,M10.5.0/3", 2300, 10, 28, 1, 0, 3600},
        /* the south: summer spans the new year */
        {"AEST-10AEDT,M10.1.0,M4.1.0/3", 2100, 1, 15, 0, 0, 39600},
        {"AEST-10AEDT,M10.1.0,M4.1.0/3", 2100, 6, 15, 0, 0, 36000},
        {"AEST-10AEDT,M10.1.0,M4.1.0/3", 2100, 12, 31, 23, 0, 39600},
        /* Julian days: J60 is March 1 in any year; 59 counts February 29 */
        {"AAA0BBB,J60/0,J300/0", 2024, 2, 29, 12, 0, 0},
        {"AAA0BBB,J60/0,J300/0", 2024, 3, 1, 0, 0, 3600},
        {"AAA0BBB,59/0,300/0", 2024, 2, 29, 0, 0, 3600},
        {"AAA0BBB,59/0,300/0", 2023, 2, 28, 23, 0, 0},
        {"AAA0BBB,59/0,300/0", 2023, 3, 1, 0, 0, 3600},
        /* daylight time all year (version 3's representation) */
        {"EST5EDT4,0/0,J365/25", 2200, 1, 1, 3, 0, -14400},
        {"EST5EDT4,0/0,J365/25", 2200, 7, 1, 3, 0, -14400},
        {"EST5EDT4,0/0,J365/25", 2200, 12, 31, 23, 0, -14400},
        /* a 26-hour time (Israel's rule): Thursday 25th + 26 h = Friday 02:00 local */
        {"IST-2IDT,M3.4.4/26,M10.5.0", 2100, 3, 25, 23, 59, 7200},
        {"IST-2IDT,M3.4.4/26,M10.5.0", 2100, 3, 26, 0, 0, 10800},
        /* a negative one (Greenland's): Saturday 27th 23:00 local */
        {"<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2100, 3, 28, 0, 59, -7200},
        {"<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2100, 3, 28, 1, 0, -3600},
        /* dst without a rule: the United States' */
        {"EST5EDT", 2100, 7, 1, 0, 0, -14400},
        {"EST5EDT", 2100, 1, 1, 0, 0, -18000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct footer_case *c = &cases[i];
        char name[40];
        snprintf(name, sizeof name, "Footer/%zu", i);
        write_zone(name, '2', 0, NULL, NULL, 1, one, c->footer);
        int32_t got = offset_at(name, utc(c->y, c->mo, c->d, c->h, c->mi));
        if (got != c->want)
            fprintf(stderr, "  %s at %d-%02d-%02d %02d:%02d: %d, not %d\n", c->footer, c->y, c->mo, c->d, c->h, c->mi,
                    got, c->want);
        CHECK(got == c->want);
    }

    /* a table, then its footer; before the table, type 0 */
    const int64_t times[] = {0, 1000000};
    const uint8_t types[] = {1, 2};
    const int32_t offs[] = {1800, 5400, 9000};
    write_zone("Table/Plain", '2', 2, times, types, 3, offs, "");
    CHECK(offset_at("Table/Plain", -1) == 1800 && offset_at("Table/Plain", 0) == 5400);
    CHECK(offset_at("Table/Plain", 999999) == 5400 && offset_at("Table/Plain", 1000000) == 9000);
    CHECK(offset_at("Table/Plain", 99999999999ll) == 9000);   /* no footer: the last type stays */
    CHECK(hal_tz_local_at("Table/Plain", 0, &l) == 0 && !strcmp(l.abbr, "Z1") && l.dst);
    write_zone("Table/Footer", '2', 2, times, types, 3, offs, "<+07>-7");
    CHECK(offset_at("Table/Footer", 999999) == 5400 && offset_at("Table/Footer", 1000000) == 25200);
    write_zone("Table/Version1", '\0', 2, times, types, 3, offs, NULL);
    CHECK(offset_at("Table/Version1", 500) == 5400 && offset_at("Table/Version1", 2000000) == 9000);

    /* what is not a zone */
    CHECK(hal_tz_local_at("", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("/etc/passwd", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("../etc/passwd", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("Footer/../Footer/0", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("Footer//0", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("Footer/0 ", 0, &l) == -EINVAL);
    CHECK(hal_tz_local_at("Mars/Olympus_Mons", 0, &l) == -ENOENT);
    CHECK(hal_tz_local_at("Footer", 0, &l) == -ENOENT);   /* a directory */
    char path[400];
    static const char *const bad[] = {
        "not a zone",
        "TZif2\n",
        "CET-1CEST,M3.5.0,M10.5.0/3",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(path, sizeof path, "%s/Bad%zu", dir, i);
        REQUIRE(hal_file_write_all(path, bad[i], strlen(bad[i])) == 0);
        snprintf(path, sizeof path, "Bad%zu", i);
        CHECK(hal_tz_local_at(path, 0, &l) == -EILSEQ);
    }
    /* bad footers and truncations of a good file: refused, never a crash */
    write_zone("Bad/Footer", '2', 2, times, types, 3, offs, "CET-1CEST,M13.5.0,M10.5.0");
    CHECK(hal_tz_local_at("Bad/Footer", 0, &l) == -EILSEQ);
    uint8_t *good;
    size_t len;
    snprintf(path, sizeof path, "%s/Table/Footer", dir);
    REQUIRE(hal_file_read_all(path, 1 << 20, &good, &len) == 0);
    int refused = 0;
    for (size_t cut = 0; cut < len; cut++) {
        snprintf(path, sizeof path, "%s/Bad/Cut", dir);   /* Bad/ exists: Bad/Footer */
        REQUIRE(hal_file_write_all(path, good, cut) == 0);
        refused += hal_tz_local_at("Bad/Cut", 0, &l) == -EILSEQ;
    }
    CHECK(refused == (int)len);
    free(good);
    unsetenv("TZDIR");
    CHECK(t_remove_dir(dir));
    printf("made files: ok\n");
}

int main(void)
{
    made_files();
    if (!have_db()) {
        printf("skip the host's zones: no /usr/share/zoneinfo (apt-get install tzdata)\n");
    } else {
        known_answers();
        against_libc();
    }
    return test_done("hal_tzone");
}
