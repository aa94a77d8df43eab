/*
 * sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for
 * authenticating the replication stream (docs/STORAGE.md, "Replicas over
 * TCP").  SHA-256 is libcrypto's where the build found it (Debian:
 * libssl-dev; it uses the CPU's SHA instructions, several times faster),
 * else the code here, written from FIPS 180-4; HMAC is written from
 * RFC 2104 on top of either.  So replication is never built off.
 */
#ifndef PHANTOM_SHA256_H
#define PHANTOM_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32u
#define SHA256_BLOCK 64u

typedef struct sha256_ctx {
    void *evp;                    /* libcrypto's context, or NULL: */
    uint32_t h[8];
    uint64_t total;               /* bytes hashed so far */
    uint8_t buf[SHA256_BLOCK];    /* invariant: total % 64 bytes pending */
} sha256_ctx;
/* Which implementation hashes: "libcrypto" or "built-in". */
const char *sha256_backend(void);

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, uint8_t out[SHA256_BYTES]);

/* HMAC-SHA256 over the concatenation of n parts (part[i], len[i]). */
typedef struct hmac_sha256_ctx {
    sha256_ctx inner, outer;
} hmac_sha256_ctx;
void hmac_sha256_init(hmac_sha256_ctx *c, const void *key, size_t keylen);
void hmac_sha256_update(hmac_sha256_ctx *c, const void *data, size_t len);
void hmac_sha256_final(hmac_sha256_ctx *c, uint8_t out[SHA256_BYTES]);
void hmac_sha256(const void *key, size_t keylen, const void *data, size_t len, uint8_t out[SHA256_BYTES]);

/* Compares n bytes in time independent of where they differ: 1 if equal. */
int sha256_equal(const uint8_t *a, const uint8_t *b, size_t n);

#endif
