/*
 * tzone.c - HAL time zones: the host's time zone database, read here.
 *
 * Each zone is a TZif file (RFC 8536) under $TZDIR or /usr/share/zoneinfo.
 * The C library's localtime is not used: it takes the zone from the
 * process-wide TZ variable, which another thread may be reading.  A zone's
 * file is parsed once per process and kept (at most MAX_ZONES of them,
 * the least recently used going first); lookups take a mutex.
 *
 * A TZif file holds a table of transitions (instants at which the zone's
 * local time type changes: its offset from UTC, whether it is daylight
 * saving time, its abbreviation) and, from version 2 on, a footer: a
 * POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3") whose rule gives the
 * types of instants after the last transition.  The local time type at an
 * instant t is:
 *   - type 0, before the first transition (or with no transitions and no
 *     footer);
 *   - the footer's, at or after the last transition (or with none), when
 *     there is a footer;
 *   - else the type of the last transition at or before t.
 * Only the version 2+ data (64-bit times) is used when present.  Zones
 * that count leap seconds (the right/ tree) are refused: their times are
 * not POSIX times.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ZONES 32
#define MAX_FILE (1u << 20)
#define SECS_PER_DAY 86400

/* ---- the civil calendar (proleptic Gregorian) --------------------------------- */

static bool leap_year(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Days from 1970-01-01 to y-m-d.  The year is counted from March, so
 * that February 29 is the last day of a counted year; a 400-year cycle
 * has 146097 days, and 1970-01-01 is day 719468 after 0000-03-01. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t ym = m > 2 ? y : y - 1;           /* the year that began in March */
    int64_t cycle = floor_div(ym, 400);
    int64_t yic = ym - cycle * 400;           /* 0..399 */
    int mfm = m > 2 ? m - 3 : m + 9;          /* months since March: 0..11 */
    int64_t doy = (153 * mfm + 2) / 5 + d - 1;
    int64_t doc = yic * 365 + yic / 4 - yic / 100 + doy;
    return cycle * 146097 + doc - 719468;
}

/* The year of a day counted from 1970-01-01 (the inverse, for the year
 * only: the year that holds the day). */
static int64_t year_of_day(int64_t day)
{
    int64_t z = day + 719468;
    int64_t cycle = floor_div(z, 146097);
    int64_t doc = z - cycle * 146097;                                    /* 0..146096 */
    int64_t yic = (doc - doc / 1460 + doc / 36524 - doc / 146096) / 365; /* 0..399 */
    int64_t doy = doc - (365 * yic + yic / 4 - yic / 100);               /* from March 1 */
    int64_t mfm = (5 * doy + 2) / 153;
    return yic + cycle * 400 + (mfm >= 10);   /* January and February belong to the next year */
}

/* 0 Sunday .. 6 Saturday; 1970-01-01 was a Thursday. */
static int weekday(int64_t day)
{
    return (int)(((day + 4) % 7 + 7) % 7);
}

/* ---- POSIX TZ strings (the footer) ---------------------------------------------- */

/* One end of daylight saving time in a year: Jn (1..365, February 29
 * never counted), n (0..365, counted), or Mm.w.d (day d, 0 = Sunday, of
 * week w, 5 = the last, of month m), at `secs` after midnight local time
 * (from -167 to 167 hours, RFC 8536's extension). */
typedef struct tz_when {
    char kind;   /* 'J', 'D', 'M' */
    int a, b, c; /* J/D: a = n; M: a = m, b = w, c = d */
    int32_t secs;
} tz_when;

typedef struct tz_rule {
    int32_t std_off, dst_off;   /* seconds east of UTC */
    char std_abbr[HAL_TZ_ABBR], dst_abbr[HAL_TZ_ABBR];
    bool has_dst;
    tz_when start, end;   /* of daylight saving time: start in standard time, end in daylight time */
} tz_rule;

typedef struct scan { const char *p, *end; } scan;

static bool scan_num(scan *s, int max, int *out)
{
    int v = 0, n = 0;
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9' && n < 4) {
        v = v * 10 + (*s->p++ - '0');
        n++;
    }
    if (n == 0 || v > max)
        return false;
    *out = v;
    return true;
}

/* [+-]hh[:mm[:ss]], hours at most max_h; the signed number of seconds. */
static bool scan_hms(scan *s, int max_h, int32_t *out)
{
    int sign = 1, h, m = 0, sec = 0;
    if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        sign = *s->p++ == '-' ? -1 : 1;
    if (!scan_num(s, max_h, &h))
        return false;
    if (s->p < s->end && *s->p == ':') {
        s->p++;
        if (!scan_num(s, 59, &m))
            return false;
        if (s->p < s->end && *s->p == ':') {
            s->p++;
            if (!scan_num(s, 59, &sec))
                return false;
        }
    }
    *out = sign * (h * 3600 + m * 60 + sec);
    return true;
}

/* A zone abbreviation: three or more letters, or three or more characters
 * between < and > ("<+0330>"). */
static bool scan_abbr(scan *s, char *out)
{
    const char *from = s->p;
    size_t n = 0;
    if (s->p < s->end && *s->p == '<') {
        from = ++s->p;
        while (s->p < s->end && *s->p != '>')
            s->p++;
        if (s->p == s->end)
            return false;
        n = (size_t)(s->p++ - from);
    } else {
        while (s->p < s->end && ((*s->p | 0x20) >= 'a' && (*s->p | 0x20) <= 'z'))
            s->p++;
        n = (size_t)(s->p - from);
    }
    if (n < 3)
        return false;
    if (n >= HAL_TZ_ABBR)
        n = HAL_TZ_ABBR - 1;
    memcpy(out, from, n);
    out[n] = 0;
    return true;
}

static bool scan_when(scan *s, tz_when *w)
{
    w->secs = 2 * 3600;   /* 02:00 unless given */
    w->b = w->c = 0;
    if (s->p < s->end && *s->p == 'J') {
        s->p++;
        w->kind = 'J';
        if (!scan_num(s, 365, &w->a) || w->a < 1)
            return false;
    } else if (s->p < s->end && *s->p == 'M') {
        s->p++;
        w->kind = 'M';
        if (!scan_num(s, 12, &w->a) || w->a < 1 || s->p == s->end || *s->p++ != '.' || !scan_num(s, 5, &w->b) ||
            w->b < 1 || s->p == s->end || *s->p++ != '.' || !scan_num(s, 6, &w->c))
            return false;
    } else {
        w->kind = 'D';
        if (!scan_num(s, 365, &w->a))
            return false;
    }
    if (s->p < s->end && *s->p == '/') {
        s->p++;
        return scan_hms(s, 167, &w->secs);
    }
    return true;
}

/* std offset [dst [offset] [,start[/time],end[/time]]]; POSIX offsets are
 * west of UTC (CET-1 is one hour east). */
static bool parse_rule(const char *text, size_t len, tz_rule *r)
{
    scan s = {text, text + len};
    memset(r, 0, sizeof *r);
    int32_t west;
    if (!scan_abbr(&s, r->std_abbr) || !scan_hms(&s, 24, &west))
        return false;
    r->std_off = -west;
    if (s.p == s.end)
        return true;
    r->has_dst = true;
    if (!scan_abbr(&s, r->dst_abbr))
        return false;
    r->dst_off = r->std_off + 3600;
    if (s.p < s.end && *s.p != ',') {
        if (!scan_hms(&s, 24, &west))
            return false;
        r->dst_off = -west;
    }
    if (s.p == s.end) {   /* no rule: the United States' since 2007, as glibc assumes */
        r->start = (tz_when){'M', 3, 2, 0, 2 * 3600};
        r->end = (tz_when){'M', 11, 1, 0, 2 * 3600};
        return true;
    }
    return *s.p++ == ',' && scan_when(&s, &r->start) && s.p < s.end && *s.p++ == ',' && scan_when(&s, &r->end) &&
           s.p == s.end;
}

/* The instant (UTC seconds) at which `w` happens in year y, for a clock
 * `off` seconds east of UTC. */
static int64_t when_in_year(const tz_when *w, int64_t y, int32_t off)
{
    int64_t day;
    if (w->kind == 'J') {
        day = days_from_civil(y, 1, 1) + w->a - 1 + (leap_year(y) && w->a >= 60);
    } else if (w->kind == 'D') {
        day = days_from_civil(y, 1, 1) + w->a;
    } else {
        int64_t first = days_from_civil(y, w->a, 1);
        int64_t d = first + (w->c - weekday(first) + 7) % 7 + (int64_t)(w->b - 1) * 7;
        if (d - first >= month_days(y, w->a))
            d -= 7;
        day = d;
    }
    return day * SECS_PER_DAY + w->secs - off;
}

static void rule_at(const tz_rule *r, int64_t t, hal_tz_local *out)
{
    bool dst = false;
    if (r->has_dst) {
        int64_t y = year_of_day(floor_div(t + r->std_off, SECS_PER_DAY));
        int64_t start = when_in_year(&r->start, y, r->std_off);
        int64_t end = when_in_year(&r->end, y, r->dst_off);
        /* northern: [start, end) is summer; southern: the year's two ends are */
        dst = start < end ? t >= start && t < end : !(t >= end && t < start);
    }
    out->utoff = dst ? r->dst_off : r->std_off;
    out->dst = dst;
    memcpy(out->abbr, dst ? r->dst_abbr : r->std_abbr, HAL_TZ_ABBR);
}

/* ---- TZif files ------------------------------------------------------------------ */

typedef struct tz_type {
    int32_t utoff;
    bool dst;
    char abbr[HAL_TZ_ABBR];
} tz_type;

/* A parsed zone.  Invariants (read_block checks them before a zone is
 * used): ntypes >= 1; times strictly ascending; every type_of < ntypes;
 * abbreviations NUL-terminated. */
typedef struct tz_zone {
    struct tz_zone *next;   /* the cache, most recently used first */
    char *path;             /* the file it was read from: its key */
    uint32_t ntimes, ntypes;
    int64_t *times;         /* ascending */
    uint8_t *type_of;       /* ntimes indices into types */
    tz_type *types;         /* at least one */
    bool has_rule;
    tz_rule rule;
} tz_zone;

static void zone_free(tz_zone *z)
{
    if (!z)
        return;
    free(z->path);
    free(z->times);
    free(z->type_of);
    free(z->types);
    free(z);
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const uint8_t *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* A TZif header: version and the six counts, in file order. */
typedef struct tz_head {
    char version;
    uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
} tz_head;

static bool read_head(const uint8_t *p, size_t len, tz_head *h)
{
    if (len < 44 || memcmp(p, "TZif", 4) != 0)
        return false;
    h->version = (char)p[4];
    h->isutcnt = be32(p + 20);
    h->isstdcnt = be32(p + 24);
    h->leapcnt = be32(p + 28);
    h->timecnt = be32(p + 32);
    h->typecnt = be32(p + 36);
    h->charcnt = be32(p + 40);
    /* RFC 8536 section 3.1's constraints; the limits keep sizes sane */
    return h->typecnt >= 1 && h->typecnt <= 256 && h->charcnt >= 1 && h->charcnt <= 65536 &&
           h->timecnt <= 1000000 && h->leapcnt <= 100000 && (h->isutcnt == 0 || h->isutcnt == h->typecnt) &&
           (h->isstdcnt == 0 || h->isstdcnt == h->typecnt);
}

/* The size of a data block whose times take tsize bytes. */
static uint64_t block_size(const tz_head *h, unsigned tsize)
{
    return (uint64_t)h->timecnt * tsize + h->timecnt + (uint64_t)h->typecnt * 6 + h->charcnt +
           (uint64_t)h->leapcnt * (tsize + 4) + h->isstdcnt + h->isutcnt;
}

/* Parses the file's data block at p (times of tsize bytes) and the footer
 * after it into z.  0 or -EILSEQ. */
static int read_block(const uint8_t *p, size_t len, const tz_head *h, unsigned tsize, tz_zone *z)
{
    if (block_size(h, tsize) > len)
        return -EILSEQ;
    if (h->leapcnt)
        return -ENOTSUP;
    z->ntimes = h->timecnt;
    z->ntypes = h->typecnt;
    z->times = malloc(sizeof *z->times * (h->timecnt ? h->timecnt : 1));
    z->type_of = malloc(h->timecnt ? h->timecnt : 1);
    z->types = malloc(sizeof *z->types * h->typecnt);
    if (!z->times || !z->type_of || !z->types)
        return -ENOMEM;
    const uint8_t *times = p, *idx = p + (size_t)h->timecnt * tsize, *types = idx + h->timecnt;
    const char *chars = (const char *)types + (size_t)h->typecnt * 6;
    for (uint32_t i = 0; i < h->timecnt; i++) {
        z->times[i] = tsize == 8 ? be64(times + (size_t)i * 8) : (int32_t)be32(times + (size_t)i * 4);
        z->type_of[i] = idx[i];
        if (idx[i] >= h->typecnt || (i > 0 && z->times[i] <= z->times[i - 1]))
            return -EILSEQ;
    }
    for (uint32_t i = 0; i < h->typecnt; i++) {
        const uint8_t *t = types + (size_t)i * 6;
        int32_t utoff = (int32_t)be32(t);
        uint8_t desig = t[5];
        if (utoff == INT32_MIN || t[4] > 1 || desig >= h->charcnt)
            return -EILSEQ;
        const char *abbr = chars + desig;
        size_t n = strnlen(abbr, h->charcnt - desig);
        if (n == h->charcnt - desig)   /* no terminating NUL */
            return -EILSEQ;
        z->types[i].utoff = utoff;
        z->types[i].dst = t[4];
        if (n >= HAL_TZ_ABBR)
            n = HAL_TZ_ABBR - 1;
        memcpy(z->types[i].abbr, abbr, n);
        z->types[i].abbr[n] = 0;
    }
    if (tsize == 8) {   /* the footer: \n TZ string \n */
        const char *f = (const char *)p + block_size(h, tsize), *end = (const char *)p + len;
        if (f >= end || *f != '\n')
            return -EILSEQ;
        const char *nl = memchr(f + 1, '\n', (size_t)(end - f - 1));
        if (!nl)
            return -EILSEQ;
        if (nl > f + 1) {
            if (!parse_rule(f + 1, (size_t)(nl - f - 1), &z->rule))
                return -EILSEQ;
            z->has_rule = true;
        }
    }
    return 0;
}

static int parse_tzif(const uint8_t *p, size_t len, tz_zone *z)
{
    tz_head h;
    if (!read_head(p, len, &h))
        return -EILSEQ;
    if (h.version == 0)
        return read_block(p + 44, len - 44, &h, 4, z);
    uint64_t skip = 44 + block_size(&h, 4);   /* the version 1 data, then the second header */
    if (skip > len || !read_head(p + skip, len - skip, &h))
        return -EILSEQ;
    return read_block(p + skip + 44, len - skip - 44, &h, 8, z);
}

/* ---- names and the cache ------------------------------------------------------------ */

const char *hal_tz_dir(void)
{
    const char *d = hal_getenv("TZDIR");
    return d && *d == '/' ? d : "/usr/share/zoneinfo";
}

/* A zone name is a relative path of components made of letters, digits,
 * '.', '_', '+' and '-', none of them "." or "..": it cannot leave the
 * zone directory. */
static bool valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= HAL_TZ_NAME)
        return false;
    const char *comp = name;
    for (const char *p = name;; p++) {
        if (*p == '/' || *p == 0) {
            size_t len = (size_t)(p - comp);
            if (len == 0 || (len == 1 && comp[0] == '.') || (len == 2 && comp[0] == '.' && comp[1] == '.'))
                return false;
            if (*p == 0)
                return true;
            comp = p + 1;
            continue;
        }
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '+' || c == '-';
        if (!ok)
            return false;
    }
}

/* Zones by the path they were read from ($TZDIR may change). */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static tz_zone *cache;   /* most recently used first */

static int load_zone(const char *path, tz_zone **out)
{
    uint8_t *buf;
    size_t len;
    int rc = hal_file_read_all(path, MAX_FILE, &buf, &len);
    if (rc == -EISDIR || rc == -ENOTDIR)
        return -ENOENT;
    if (rc < 0)
        return rc;
    tz_zone *z = calloc(1, sizeof *z);
    if (!z) {
        free(buf);
        return -ENOMEM;
    }
    rc = parse_tzif(buf, len, z);
    free(buf);
    if (rc == 0 && !(z->path = strdup(path)))
        rc = -ENOMEM;
    if (rc < 0) {
        zone_free(z);
        return rc;
    }
    *out = z;
    return 0;
}

/* The zone read from path, loaded if it is not in the cache; the cache
 * lock is held. */
static int find_zone(const char *path, tz_zone **out)
{
    tz_zone **link = &cache, *z;
    int n = 0;
    for (; (z = *link) != NULL; link = &z->next, n++)
        if (strcmp(z->path, path) == 0) {
            *link = z->next;   /* to the front */
            z->next = cache;
            cache = z;
            *out = z;
            return 0;
        }
    int rc = load_zone(path, &z);
    if (rc < 0)
        return rc;
    if (n >= MAX_ZONES) {   /* drop the least recently used */
        tz_zone **last = &cache;
        while ((*last)->next)
            last = &(*last)->next;
        zone_free(*last);
        *last = NULL;
    }
    z->next = cache;
    cache = z;
    *out = z;
    return 0;
}

static void zone_at(const tz_zone *z, int64_t t, hal_tz_local *out)
{
    HAL_ASSERT(z->ntypes >= 1);
    if (z->has_rule && (z->ntimes == 0 || t >= z->times[z->ntimes - 1])) {
        rule_at(&z->rule, t, out);
        return;
    }
    const tz_type *type = &z->types[0];
    if (z->ntimes > 0 && t >= z->times[0]) {
        uint32_t lo = 0, hi = z->ntimes;   /* the last transition at or before t */
        while (hi - lo > 1) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (z->times[mid] <= t)
                lo = mid;
            else
                hi = mid;
        }
        HAL_ASSERT(z->times[lo] <= t && (lo + 1 == z->ntimes || t < z->times[lo + 1]));
        HAL_ASSERT(z->type_of[lo] < z->ntypes);
        type = &z->types[z->type_of[lo]];
    }
    out->utoff = type->utoff;
    out->dst = type->dst;
    memcpy(out->abbr, type->abbr, HAL_TZ_ABBR);
}

/* Instants are taken within 2^59 seconds of 1970 (18 billion years, as
 * far as zic's own tables go), so that no calendar arithmetic overflows;
 * the answer beyond is the answer there. */
#define T_LIMIT ((int64_t)1 << 59)

int hal_tz_local_at(const char *name, int64_t t, hal_tz_local *out)
{
    if (!valid_name(name))
        return -EINVAL;
    t = t > T_LIMIT ? T_LIMIT : t < -T_LIMIT ? -T_LIMIT : t;
    char path[HAL_TZ_NAME + 512];
    snprintf(path, sizeof path, "%s/%s", hal_tz_dir(), name);
    pthread_mutex_lock(&cache_lock);
    tz_zone *z;
    int rc = find_zone(path, &z);
    if (rc == 0)
        zone_at(z, t, out);
    pthread_mutex_unlock(&cache_lock);
    return rc;
}

int hal_tz_host_zone(char *name, size_t cap)
{
    const char *tz = hal_getenv("TZ");
    if (tz && *tz == ':')
        tz++;
    const char *dir = hal_tz_dir();
    size_t dlen = strlen(dir);
    char link[HAL_TZ_NAME + 256];
    if (tz && *tz && *tz != '/') {
        if (!valid_name(tz))
            return -EINVAL;
    } else {
        const char *path = tz && *tz ? tz : "/etc/localtime";
        ssize_t n = readlink(path, link, sizeof link - 1);
        if (n < 0)
            return -errno;
        link[n] = 0;
        /* .../zoneinfo/Europe/Berlin: the part after the zone directory, or
         * after the last "zoneinfo/" when the link names it another way */
        const char *at = strncmp(link, dir, dlen) == 0 && link[dlen] == '/' ? link + dlen + 1 : NULL;
        const char *zi = strstr(link, "zoneinfo/");
        if (!at && zi)
            at = zi + strlen("zoneinfo/");
        if (!at || !valid_name(at))
            return -ENOENT;
        tz = at;
    }
    if (strlen(tz) >= cap)
        return -ENAMETOOLONG;
    strcpy(name, tz);
    return 0;
}
