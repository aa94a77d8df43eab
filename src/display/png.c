/*
 * png.c - PNG (RFC 2083) writing: the signature, IHDR (8-bit RGBA), one
 * IDAT of zlib-compressed rows each with filter 1 (Sub: the difference to
 * the pixel on the left, which compresses flat window areas to almost
 * nothing), and IEND.  zlib does the deflate and the CRCs.
 */
#include "png.h"

#include <stdlib.h>
#include <string.h>

#ifdef PHANTOM_HAVE_ZLIB
#include <zlib.h>

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Appends a chunk (length, type, data, CRC over type and data) at *at. */
static void chunk(uint8_t *buf, size_t *at, const char *type, const uint8_t *data, size_t n)
{
    uint8_t *p = buf + *at;
    be32(p, (uint32_t)n);
    memcpy(p + 4, type, 4);
    if (n)
        memcpy(p + 8, data, n);
    uLong crc = crc32(0, p + 4, (uInt)(n + 4));
    be32(p + 8 + n, (uint32_t)crc);
    *at += n + 12;
}

int pd_png_encode(const uint8_t *rgba, int32_t w, int32_t h, uint8_t **out, size_t *len)
{
    if (w <= 0 || h <= 0)
        return -1;
    size_t stride = (size_t)w * 4, raw_len = ((size_t)w * 4 + 1) * (size_t)h;
    uint8_t *raw = malloc(raw_len);
    if (!raw)
        return -1;
    for (int32_t y = 0; y < h; y++) {
        const uint8_t *src = rgba + (size_t)y * stride;
        uint8_t *dst = raw + (size_t)y * (stride + 1);
        dst[0] = 1;
        memcpy(dst + 1, src, 4);
        for (size_t i = 4; i < stride; i++)
            dst[1 + i] = (uint8_t)(src[i] - src[i - 4]);
    }
    uLongf zlen = compressBound((uLong)raw_len);
    uint8_t *png = malloc(8 + 25 + 12 + zlen + 12);
    if (!png) {
        free(raw);
        return -1;
    }
    uint8_t *z = png + 8 + 25 + 8;   /* IDAT data, written in place */
    if (compress2(z, &zlen, raw, (uLong)raw_len, 3) != Z_OK) {
        free(raw);
        free(png);
        return -1;
    }
    free(raw);
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    memcpy(png, sig, 8);
    size_t at = 8;
    uint8_t ihdr[13];
    be32(ihdr, (uint32_t)w);
    be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;   /* bits per sample */
    ihdr[9] = 6;   /* RGBA */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    chunk(png, &at, "IHDR", ihdr, 13);
    /* IDAT: the data is already in place; write its length, type and CRC. */
    be32(png + at, (uint32_t)zlen);
    memcpy(png + at + 4, "IDAT", 4);
    be32(png + at + 8 + zlen, (uint32_t)crc32(0, png + at + 4, (uInt)(zlen + 4)));
    at += zlen + 12;
    chunk(png, &at, "IEND", NULL, 0);
    *out = png;
    *len = at;
    return 0;
}

#else

int pd_png_encode(const uint8_t *rgba, int32_t w, int32_t h, uint8_t **out, size_t *len)
{
    (void)rgba, (void)w, (void)h, (void)out, (void)len;
    return -1;
}

#endif
