/*
 * jv_names.c - Java names as Phantom names (docs/JAVA.md, "Names").
 *
 * A Java class pkg/Outer$Inner is the Phantom class .jvm.pkg.Outer$Inner
 * (the library's java/util/Map$Entry is .jvm.java.util.Map_Entry).
 * A method is one Phantom identifier holding its name and descriptor, so
 * that overloads are distinct methods and an override is found by name
 * alone (the VM matches overrides by name and argument count):
 *     esc(name) "__" esc(argument descriptors) "__" esc(return descriptor)
 * where esc keeps letters and digits and writes '/' as "_", '_' as "_1",
 * ';' as "_2", '[' as "_3", '<' as "_4", '>' as "_5" and any other
 * character as "_0" and four hex digits of its UTF-16 units.  "__" never
 * occurs inside an escaped part, so names holding "__" are free for the
 * front end's own helpers (__zero, __jinit, __state).
 */
#include <stdio.h>
#include <string.h>

#include "jv_internal.h"

static size_t put(char *buf, size_t n, size_t o, const char *s)
{
    for (; *s; s++, o++)
        if (o + 1 < n)
            buf[o] = *s;
    return o;
}

static size_t esc(char *buf, size_t n, size_t o, const char *s, const char *end)
{
    const unsigned char *p = (const unsigned char *)s;
    while ((const char *)p < end) {
        unsigned c = *p;
        char tmp[16];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            tmp[0] = (char)c;
            tmp[1] = 0;
            p++;
        } else if (c < 0x80) {
            const char *m = c == '/' ? "_" : c == '_' ? "_1" : c == ';' ? "_2" : c == '[' ? "_3" : c == '<' ? "_4"
                          : c == '>' ? "_5" : NULL;
            if (m)
                snprintf(tmp, sizeof tmp, "%s", m);
            else
                snprintf(tmp, sizeof tmp, "_0%04x", c);
            p++;
        } else {
            /* modified UTF-8: 2 or 3 bytes per UTF-16 unit (the reader checked it) */
            unsigned u;
            if (c < 0xE0 && (const char *)p + 1 < end) {
                u = (c & 0x1Fu) << 6 | (p[1] & 0x3Fu);
                p += 2;
            } else if ((const char *)p + 2 < end) {
                u = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
                p += 3;
            } else {
                u = c;
                p++;
            }
            snprintf(tmp, sizeof tmp, "_0%04x", u);
        }
        o = put(buf, n, o, tmp);
    }
    return o;
}

void jv_mangle(const char *name, const char *desc, char *buf, size_t n)
{
    size_t o = esc(buf, n, 0, name, name + strlen(name));
    const char *close = strchr(desc, ')');
    o = put(buf, n, o, "__");
    o = esc(buf, n, o, desc + 1, close);
    o = put(buf, n, o, "__");
    o = esc(buf, n, o, close + 1, close + strlen(close));
    buf[o < n ? o : n - 1] = 0;
}

/* Appends the text that esc wrote as [p, end) to buf (at *o, of n). */
static void unescape(const char *p, const char *end, char *buf, size_t n, size_t *o)
{
    for (; p < end; p++) {
        char c = *p;
        if (c == '_' && p + 1 < end && p[1] >= '0' && p[1] <= '5') {
            char k = *++p;
            c = k == '1' ? '_' : k == '4' ? '<' : k == '5' ? '>' : k == '2' ? ';' : k == '3' ? '[' : '?';
            if (k == '0') {
                p += 4;
                if (p >= end)
                    break;
            }
        } else if (c == '_')
            c = '/';
        if (*o + 1 < n)
            buf[(*o)++] = c;
    }
}

void jv_demangle(const char *m, char *buf, size_t n)
{
    size_t o = 0;
    const char *sep = strstr(m, "__");
    unescape(m, sep ? sep : m + strlen(m), buf, n, &o);
    if (sep) {
        const char *args = sep + 2, *ret = strstr(args, "__");
        if (o + 1 < n)
            buf[o++] = '(';
        unescape(args, ret ? ret : args + strlen(args), buf, n, &o);
        if (o + 1 < n)
            buf[o++] = ')';
    }
    buf[o < n ? o : n - 1] = 0;
}

void jv_phantom_class(const char *jname, char *buf, size_t n)
{
    /* the library's nested classes (java/util/Map$Entry) are written in
     * the Phantom language, whose names have no '$': Map_Entry */
    bool lib = !strncmp(jname, "java/", 5);
    size_t o = put(buf, n, 0, ".jvm.");
    for (const char *p = jname; *p; p++)
        if (o + 1 < n)
            buf[o++] = *p == '/' ? '.' : (*p == '$' && lib) ? '_' : *p;
    buf[o < n ? o : n - 1] = 0;
}

int jv_desc_args(const char *desc, const char **starts)
{
    int n = 0;
    for (const char *d = desc + 1; *d != ')' && n < 256;) {
        starts[n++] = d;
        while (*d == '[')
            d++;
        if (*d == 'L')
            d = strchr(d, ';');
        d++;
    }
    return n;
}

void jv_args(tb_buf *b, int n)
{
    tb_put(b, "(", 1);
    for (int i = 0; i < n; i++)
        tb_put(b, i ? ",*" : "*", i ? 2 : 1);
    tb_put(b, ")*", 2);
}
