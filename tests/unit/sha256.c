/*
 * sha256.c - SHA-256 and HMAC-SHA256 (src/util/sha256.c, which
 * authenticates the replication stream) against the published vectors:
 * FIPS 180-4's examples ("abc", the two-block message, a million 'a's,
 * fed in uneven pieces) and RFC 4231's HMAC test cases 1, 2, 4 and 6 (a
 * key longer than a block).
 */
#include "../../src/util/sha256.h"
#include "testlib.h"

static void hex(const uint8_t *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

static void check_hash(const char *msg, const char *want)
{
    uint8_t d[SHA256_BYTES];
    char h[65];
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, msg, strlen(msg));
    sha256_final(&c, d);
    hex(d, sizeof d, h);
    CHECK(!strcmp(h, want));
}

static void check_hmac(const uint8_t *key, size_t keylen, const char *msg, const char *want)
{
    uint8_t d[SHA256_BYTES];
    char h[65];
    hmac_sha256(key, keylen, msg, strlen(msg), d);
    hex(d, sizeof d, h);
    CHECK(!strcmp(h, want));
}

int main(void)
{
    check_hash("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_hash("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* a million 'a's in pieces of 1..97 bytes: the buffering across updates */
    sha256_ctx c;
    sha256_init(&c);
    char as[100];
    memset(as, 'a', sizeof as);
    size_t left = 1000000, k = 1;
    while (left) {
        size_t n = k < left ? k : left;
        sha256_update(&c, as, n);
        left -= n;
        k = k % 97 + 1;
    }
    uint8_t d[SHA256_BYTES];
    char h[65];
    sha256_final(&c, d);
    hex(d, sizeof d, h);
    CHECK(!strcmp(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));

    uint8_t k1[20], k6[131];
    memset(k1, 0x0b, sizeof k1);
    memset(k6, 0xaa, sizeof k6);
    check_hmac(k1, sizeof k1, "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    check_hmac((const uint8_t *)"Jefe", 4, "what do ya want for nothing?",
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    uint8_t k4[25];
    for (int i = 0; i < 25; i++)
        k4[i] = (uint8_t)(i + 1);
    char m4[51];
    memset(m4, 0xcd, 50);
    m4[50] = 0;
    check_hmac(k4, sizeof k4, m4, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    check_hmac(k6, sizeof k6, "Test Using Larger Than Block-Size Key - Hash Key First",
               "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(sha256_equal((const uint8_t *)"abcd", (const uint8_t *)"abcd", 4));
    CHECK(!sha256_equal((const uint8_t *)"abcd", (const uint8_t *)"abce", 4));
    printf("  ok SHA-256 and HMAC-SHA256 (%s)\n", sha256_backend());
    return test_done("sha256");
}
