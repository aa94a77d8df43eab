/*
 * unicode.c - HAL character classes and case mapping of Unicode code
 * points, from the C library's tables: glibc's C.UTF-8 locale, which has
 * the full Unicode tables of its version (Unicode 14 in glibc 2.36),
 * queried through iswctype_l and towupper_l on a locale object of our own
 * (newlocale), so nothing depends on the process's locale or changes it.
 *
 * ISO C requires the `digit` class to hold 0-9 only, so glibc counts the
 * decimal digits of other scripts as alphabetic.  The runs of Unicode's
 * decimal digits (general category Nd) are therefore listed here: 66 runs
 * of ten, 0 to 9, whose first code points follow (UnicodeData.txt, Unicode
 * 14, the version of glibc 2.36's tables).
 *
 * Without C.UTF-8 (a host whose C library lacks it) only ASCII letters
 * and white space are known, and hal_unicode_tables() says so.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <locale.h>
#include <pthread.h>
#include <wctype.h>

static const uint32_t digit_zeros[] = {
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
    0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static locale_t utf8;   /* (locale_t)0 when the host has no C.UTF-8 */

static void open_tables(void)
{
    utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

static locale_t tables(void)
{
    pthread_once(&once, open_tables);
    return utf8;
}

bool hal_unicode_tables(void)
{
    return tables() != (locale_t)0;
}

int hal_char_digit(uint32_t cp)
{
    size_t lo = 0, hi = sizeof digit_zeros / sizeof digit_zeros[0];
    /* the last run whose zero is <= cp */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (digit_zeros[mid] <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && cp - digit_zeros[lo - 1] < 10 ? (int)(cp - digit_zeros[lo - 1]) : -1;
}

/* ASCII's classes (code points below 128). */
static unsigned ascii_classes(uint32_t cp)
{
    unsigned c = 0;
    if (cp >= 'A' && cp <= 'Z')
        c |= HAL_CH_LETTER | HAL_CH_UPPER;
    else if (cp >= 'a' && cp <= 'z')
        c |= HAL_CH_LETTER | HAL_CH_LOWER;
    else if (cp >= '0' && cp <= '9')
        c |= HAL_CH_DIGIT;
    else if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
        c |= HAL_CH_SPACE;
    return c;
}

unsigned hal_char_classes(uint32_t cp)
{
    locale_t l;
    if (cp < 0x80)
        return ascii_classes(cp);
    if (hal_char_digit(cp) >= 0)
        return HAL_CH_DIGIT;
    if ((l = tables()) == (locale_t)0)
        return 0;
    wint_t w = (wint_t)cp;
    unsigned c = 0;
    if (iswalpha_l(w, l))
        c |= HAL_CH_LETTER;
    if (iswspace_l(w, l))
        c |= HAL_CH_SPACE;
    if (iswupper_l(w, l))
        c |= HAL_CH_UPPER;
    if (iswlower_l(w, l))
        c |= HAL_CH_LOWER;
    return c;
}

uint32_t hal_char_upper(uint32_t cp)
{
    locale_t l;
    if (cp < 0x80 || (l = tables()) == (locale_t)0)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return (uint32_t)towupper_l((wint_t)cp, l);
}

uint32_t hal_char_lower(uint32_t cp)
{
    locale_t l;
    if (cp < 0x80 || (l = tables()) == (locale_t)0)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return (uint32_t)towlower_l((wint_t)cp, l);
}
