/*
 * sha256.c - SHA-256 per FIPS 180-4 section 6.2 (or libcrypto's, when
 * built with it: PHANTOM_HAVE_LIBCRYPTO), HMAC per RFC 2104.  Checked
 * against the FIPS and RFC 4231 test vectors (tests/unit/sha256.c); a
 * build with NO_LIBCRYPTO=1 checks the built-in code.
 */
#include "sha256.h"

#include <string.h>

#ifdef PHANTOM_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static void compress(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 | (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

const char *sha256_backend(void)
{
#ifdef PHANTOM_HAVE_LIBCRYPTO
    return "libcrypto";
#else
    return "built-in";
#endif
}

void sha256_init(sha256_ctx *c)
{
    c->evp = NULL;
#ifdef PHANTOM_HAVE_LIBCRYPTO
    /* Falls back to the built-in code if libcrypto cannot make a context. */
    EVP_MD_CTX *e = EVP_MD_CTX_new();
    if (e && EVP_DigestInit_ex(e, EVP_sha256(), NULL) == 1) {
        c->evp = e;
        return;
    }
    EVP_MD_CTX_free(e);
#endif
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, h0, sizeof h0);
    c->total = 0;
}

void sha256_update(sha256_ctx *c, const void *data, size_t len)
{
#ifdef PHANTOM_HAVE_LIBCRYPTO
    if (c->evp) {
        EVP_DigestUpdate(c->evp, data, len);
        return;
    }
#endif
    const uint8_t *p = data;
    size_t have = (size_t)(c->total % SHA256_BLOCK);
    c->total += len;
    if (have) {
        size_t take = SHA256_BLOCK - have < len ? SHA256_BLOCK - have : len;
        memcpy(c->buf + have, p, take);
        p += take;
        len -= take;
        if (have + take < SHA256_BLOCK)
            return;
        compress(c->h, c->buf);
    }
    for (; len >= SHA256_BLOCK; p += SHA256_BLOCK, len -= SHA256_BLOCK)
        compress(c->h, p);
    memcpy(c->buf, p, len);
}

void sha256_final(sha256_ctx *c, uint8_t out[SHA256_BYTES])
{
#ifdef PHANTOM_HAVE_LIBCRYPTO
    if (c->evp) {
        unsigned n = SHA256_BYTES;
        EVP_DigestFinal_ex(c->evp, out, &n);
        EVP_MD_CTX_free(c->evp);
        c->evp = NULL;
        return;
    }
#endif
    uint64_t bits = c->total * 8;
    static const uint8_t pad[SHA256_BLOCK] = {0x80};
    size_t have = (size_t)(c->total % SHA256_BLOCK);
    sha256_update(c, pad, have < 56 ? 56 - have : 120 - have);
    uint8_t len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(c, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(c->h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(c->h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(c->h[i] >> 8);
        out[4 * i + 3] = (uint8_t)c->h[i];
    }
}

void hmac_sha256_init(hmac_sha256_ctx *c, const void *key, size_t keylen)
{
    uint8_t k[SHA256_BLOCK] = {0}, pad[SHA256_BLOCK];
    if (keylen > SHA256_BLOCK) {
        sha256_init(&c->inner);
        sha256_update(&c->inner, key, keylen);
        sha256_final(&c->inner, k);
    } else if (keylen) {
        memcpy(k, key, keylen);
    }
    for (unsigned i = 0; i < SHA256_BLOCK; i++)
        pad[i] = k[i] ^ 0x36;
    sha256_init(&c->inner);
    sha256_update(&c->inner, pad, SHA256_BLOCK);
    for (unsigned i = 0; i < SHA256_BLOCK; i++)
        pad[i] = k[i] ^ 0x5c;
    sha256_init(&c->outer);
    sha256_update(&c->outer, pad, SHA256_BLOCK);
}

void hmac_sha256_update(hmac_sha256_ctx *c, const void *data, size_t len) { sha256_update(&c->inner, data, len); }

void hmac_sha256_final(hmac_sha256_ctx *c, uint8_t out[SHA256_BYTES])
{
    uint8_t ih[SHA256_BYTES];
    sha256_final(&c->inner, ih);
    sha256_update(&c->outer, ih, sizeof ih);
    sha256_final(&c->outer, out);
}

void hmac_sha256(const void *key, size_t keylen, const void *data, size_t len, uint8_t out[SHA256_BYTES])
{
    hmac_sha256_ctx c;
    hmac_sha256_init(&c, key, keylen);
    hmac_sha256_update(&c, data, len);
    hmac_sha256_final(&c, out);
}

int sha256_equal(const uint8_t *a, const uint8_t *b, size_t n)
{
    uint8_t d = 0;
    for (size_t i = 0; i < n; i++)
        d |= (uint8_t)(a[i] ^ b[i]);
    return d == 0;
}
