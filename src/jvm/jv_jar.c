/*
 * jv_jar.c - the class files of a jar: a zip archive (APPNOTE.TXT), read
 * through its central directory; entries stored or deflated (zlib's
 * inflate, when built with it).  META-INF/MANIFEST.MF gives Main-Class.
 *
 * Every offset and size is checked against the archive before use; an
 * entry's inflated size is bounded by what its header says, itself
 * bounded by JV_MAX_CLASS_BYTES for classes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef PHANTOM_HAVE_ZLIB
#include <zlib.h>
#endif

#include "jvm.h"

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

void jv_inputs_free_one(jv_input *in)
{
    free(in->name);
    free(in->bytes);
    in->name = NULL;
    in->bytes = NULL;
}

void jv_inputs_free(jv_input *in, int n)
{
    for (int i = 0; in && i < n; i++)
        jv_inputs_free_one(&in[i]);
    free(in);
}

/* The bytes of one entry (malloc'd), or NULL with err set. */
static uint8_t *entry_bytes(const uint8_t *buf, size_t len, const char *file, const char *name, uint32_t local,
                            uint16_t method, uint32_t csize, uint32_t usize, jv_error *err)
{
    if ((uint64_t)local + 30 > len || le32(buf + local) != 0x04034b50) {
        snprintf(err->msg, sizeof err->msg, "%s: entry %s: bad local header (offset %u)", file, name, (unsigned)local);
        return NULL;
    }
    uint64_t data = (uint64_t)local + 30 + le16(buf + local + 26) + le16(buf + local + 28);
    if (data + csize > len) {
        snprintf(err->msg, sizeof err->msg, "%s: entry %s: data past the end of the archive (offset %u)", file, name,
                 (unsigned)local);
        return NULL;
    }
    uint8_t *out = malloc(usize ? usize : 1);
    if (!out) {
        snprintf(err->msg, sizeof err->msg, "%s: out of host memory", file);
        return NULL;
    }
    if (method == 0) {
        if (csize != usize) {
            free(out);
            snprintf(err->msg, sizeof err->msg, "%s: entry %s: stored sizes differ (offset %u)", file, name,
                     (unsigned)local);
            return NULL;
        }
        memcpy(out, buf + data, usize);
        return out;
    }
#ifdef PHANTOM_HAVE_ZLIB
    if (method == 8) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, -15) != Z_OK) {
            free(out);
            snprintf(err->msg, sizeof err->msg, "%s: cannot start inflating", file);
            return NULL;
        }
        z.next_in = (Bytef *)(buf + data);
        z.avail_in = csize;
        z.next_out = out;
        z.avail_out = usize;
        int r = inflate(&z, Z_FINISH);
        bool ok = r == Z_STREAM_END && z.total_out == usize;
        inflateEnd(&z);
        if (!ok) {
            free(out);
            snprintf(err->msg, sizeof err->msg, "%s: entry %s: corrupt compressed data (offset %u)", file, name,
                     (unsigned)local);
            return NULL;
        }
        return out;
    }
#endif
    free(out);
    snprintf(err->msg, sizeof err->msg, "%s: entry %s: compression method %u is not supported%s", file, name,
             (unsigned)method,
#ifdef PHANTOM_HAVE_ZLIB
             ""
#else
             " (phantom was built without zlib: apt-get install zlib1g-dev and rebuild)"
#endif
    );
    return NULL;
}

/* Main-Class from a manifest, in internal form. */
static void manifest_main(const uint8_t *m, size_t n, char *out, size_t outn)
{
    const char *key = "Main-Class:";
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl <= n; i++) {
        if ((i == 0 || m[i - 1] == '\n') && !memcmp(m + i, key, kl)) {
            size_t s = i + kl, o = 0;
            while (s < n && m[s] == ' ')
                s++;
            while (s < n && m[s] != '\r' && m[s] != '\n' && o + 1 < outn) {
                out[o++] = m[s] == '.' ? '/' : (char)m[s];
                s++;
            }
            out[o] = 0;
            return;
        }
    }
}

int jv_jar_read(const uint8_t *buf, size_t len, const char *file, jv_input **in, int *n, char *main_class,
                size_t main_len, jv_error *err)
{
    *in = NULL;
    *n = 0;
    if (main_len)
        *main_class = 0;
    /* the end of central directory record: within the last 64 KiB + 22 */
    size_t eocd = 0;
    bool found = false;
    for (size_t i = len >= 22 ? len - 22 : 0; len >= 22 && i + 65557 >= len; i--) {
        if (le32(buf + i) == 0x06054b50) {
            eocd = i;
            found = true;
            break;
        }
        if (i == 0)
            break;
    }
    if (!found) {
        snprintf(err->msg, sizeof err->msg, "%s: not a jar (no zip end of central directory record)", file);
        return JV_E_FORMAT;
    }
    uint16_t count = le16(buf + eocd + 10);
    uint32_t cd = le32(buf + eocd + 16), cdsize = le32(buf + eocd + 12);
    if ((uint64_t)cd + cdsize > eocd) {
        snprintf(err->msg, sizeof err->msg, "%s: the central directory lies outside the archive (offset %zu)", file, eocd);
        return JV_E_FORMAT;
    }
    jv_input *list = calloc(count ? count : 1, sizeof *list);
    if (!list) {
        snprintf(err->msg, sizeof err->msg, "%s: out of host memory", file);
        return JV_E_NOMEM;
    }
    int k = 0, rc = 0;
    size_t p = cd;
    for (uint16_t e = 0; e < count && rc == 0; e++) {
        if (p + 46 > eocd || le32(buf + p) != 0x02014b50) {
            snprintf(err->msg, sizeof err->msg, "%s: central directory entry %u is malformed (offset %zu)", file,
                     (unsigned)e, p);
            rc = JV_E_FORMAT;
            break;
        }
        uint16_t flags = le16(buf + p + 8), method = le16(buf + p + 10);
        uint32_t csize = le32(buf + p + 20), usize = le32(buf + p + 24), local = le32(buf + p + 42);
        uint16_t nl = le16(buf + p + 28), xl = le16(buf + p + 30), cl = le16(buf + p + 32);
        if (p + 46 + (size_t)nl + xl + cl > eocd) {
            snprintf(err->msg, sizeof err->msg, "%s: central directory entry %u is cut off (offset %zu)", file,
                     (unsigned)e, p);
            rc = JV_E_FORMAT;
            break;
        }
        char name[1024];
        size_t cn = nl < sizeof name ? nl : sizeof name - 1;
        memcpy(name, buf + p + 46, cn);
        name[cn] = 0;
        p += 46 + (size_t)nl + xl + cl;
        bool is_class = cn > 6 && !strcmp(name + cn - 6, ".class") && strncmp(name, "META-INF/", 9) != 0;
        bool is_manifest = !strcmp(name, "META-INF/MANIFEST.MF");
        if (!is_class && !is_manifest)
            continue;
        if (flags & 1) {
            snprintf(err->msg, sizeof err->msg, "%s: entry %s is encrypted", file, name);
            rc = JV_E_UNSUPPORTED;
            break;
        }
        if (usize > JV_MAX_CLASS_BYTES) {
            snprintf(err->msg, sizeof err->msg, "%s: entry %s: %u bytes is above the limit", file, name, (unsigned)usize);
            rc = JV_E_FORMAT;
            break;
        }
        uint8_t *bytes = entry_bytes(buf, len, file, name, local, method, csize, usize, err);
        if (!bytes) {
            rc = JV_E_FORMAT;
            break;
        }
        if (is_manifest) {
            manifest_main(bytes, usize, main_class, main_len);
            free(bytes);
            continue;
        }
        size_t fl = strlen(file) + cn + 3;
        list[k].name = malloc(fl);
        if (!list[k].name) {
            free(bytes);
            snprintf(err->msg, sizeof err->msg, "%s: out of host memory", file);
            rc = JV_E_NOMEM;
            break;
        }
        snprintf(list[k].name, fl, "%s!/%s", file, name);
        list[k].bytes = bytes;
        list[k].len = usize;
        k++;
    }
    if (rc < 0) {
        jv_inputs_free(list, k);
        return rc;
    }
    *in = list;
    *n = k;
    return 0;
}
