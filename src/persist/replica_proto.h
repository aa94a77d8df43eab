/*
 * replica_proto.h - the replication stream between a world with
 * `--replica tcp://HOST:PORT` and `phantom replica-server` (docs/STORAGE.md,
 * "Replicas over TCP", is the prose version; keep the two in step).
 *
 * Every frame: a 16-byte header {magic "PHRS", type, version, 0, payload
 * length, sequence number}, the payload, and after authentication a
 * 16-byte MAC: the first half of HMAC-SHA256(session key, direction byte,
 * header, payload).  Sequence numbers count each direction's frames from
 * 0, so a frame cannot be replayed, dropped or moved unnoticed.  All
 * integers are little-endian.
 *
 * Handshake (no MACs yet; both sides hold the same key K):
 *   client -> HELLO {lowest, highest version it speaks, nonce_c}
 *   server -> CHALLENGE {version chosen, nonce_s,
 *                        HMAC(K, "phantom-replica server" nonce_c nonce_s)}
 *   client checks the server's proof (a peer without K reads nothing)
 *   client -> AUTH {HMAC(K, "phantom-replica client" nonce_s nonce_c)}
 *   server checks it (a peer without K pushes nothing), then both use
 *   session = HMAC(K, "phantom-replica session" nonce_c nonce_s)
 *   server -> STATE {image bytes, its two root slots' first sectors}
 * Shipping one snapshot (replica.c decides base from STATE):
 *   client -> BEGIN {generation, base generation (0: from scratch),
 *                    image blocks, world id, flags (catching up)}
 *   client -> BLOCK {block number, its crc32c from the image, 4096 bytes}...
 *   client -> COMMIT {the root's first sector}
 *   server -> RESEND {the blocks refused: checksum or MAC wrong} and the
 *             client sends those and COMMIT again (PR_RESEND_ROUNDS), or
 *   server -> ACK {generation}: the root is durable in the server's image
 *   either -> ERROR {text}, then closes.
 */
#ifndef PHANTOM_REPLICA_PROTO_H
#define PHANTOM_REPLICA_PROTO_H

#include "pw_internal.h"

#define PR_MAGIC 0x53524850u /* "PHRS" */
#define PR_VERSION 1u
#define PR_HEADER 16u
#define PR_MAC 16u
#define PR_NONCE 32u
#define PR_MAX_PAYLOAD (PW_BLOCK_SIZE + 16u)
#define PR_KEY_MIN 16u
#define PR_KEY_MAX 4096u
#define PR_RESEND_MAX 255u    /* blocks one RESEND names */
#define PR_RESEND_ROUNDS 4    /* COMMITs of one ship before it is abandoned */
#define PR_TIMEOUT_MS 5000    /* a frame, once one is due; a connect */
#define PR_IN_BUFFER (64u << 10)

enum pr_type {
    PR_HELLO = 1,
    PR_CHALLENGE,
    PR_AUTH,
    PR_STATE,
    PR_BEGIN,
    PR_BLOCK,
    PR_COMMIT,
    PR_RESEND,
    PR_ACK,
    PR_ERROR,
};

typedef struct pr_begin {
    uint64_t generation, base, image_blocks, world_id[2];
    uint64_t flags;          /* PR_BEGIN_CATCHUP */
} pr_begin;
/* base is an older root than the one before generation: the blocks
 * written since base come, the root slots are emptied first, and the
 * server checks every block of the new root before writing it. */
#define PR_BEGIN_CATCHUP 1u
typedef struct pr_block_head {
    uint64_t block;
    uint32_t crc, zero;
} pr_block_head;
typedef struct pr_state {
    uint64_t image_bytes;
    uint8_t sector[2][PW_ROOT_SECTOR];
} pr_state;
typedef struct pr_resend {
    uint32_t n, zero;
    pr_block_head b[PR_RESEND_MAX];
} pr_resend;

typedef struct pr_conn {
    hal_sock s;
    bool server;             /* which direction byte this side sends */
    bool authed;             /* MACs from now on */
    uint8_t session[32];
    uint32_t send_seq, recv_seq;
    uint8_t out[PR_HEADER + PR_MAX_PAYLOAD + PR_MAC]; /* a frame, sent with one call */
    /* Received, not yet taken: in[in_at, in_len).  A receiver that falls
     * behind takes many frames per call. */
    uint32_t in_at, in_len;
    uint8_t in[PR_IN_BUFFER];
} pr_conn;

typedef struct pr_frame {
    uint8_t type;
    bool mac_ok;             /* always true before authentication */
    uint32_t len;
    _Alignas(8) uint8_t payload[PR_MAX_PAYLOAD];
} pr_frame;

/* The shared secret in path: the file must be private to its owner
 * (hal_file_private) and hold PR_KEY_MIN..PR_KEY_MAX bytes (a trailing
 * newline is not part of it).  *key is malloc'd. */
int pr_key_load(const char *path, uint8_t **key, size_t *len, pw_error *err);
/* tcp://HOST:PORT -> a connected socket (HOST: a name, an IPv4 address or
 * [IPv6]).  Blocks up to timeout_ms. */
bool pr_is_uri(const char *target);
int pr_connect(const char *uri, int timeout_ms, hal_sock *out, pw_error *err);
/* Sends one frame whose payload is a then b (either may be empty). */
int pr_send(pr_conn *c, uint8_t type, const void *a, size_t alen, const void *b, size_t blen);
int pr_send_error(pr_conn *c, const char *msg);
/* Receives one frame, waiting up to timeout_ms for it to start (negative:
 * forever).  -ETIMEDOUT, -ECONNRESET (closed), -EPROTO (not this
 * protocol, or a frame out of order); a frame whose MAC is wrong is
 * returned with mac_ok false (its payload is not to be trusted). */
int pr_recv(pr_conn *c, pr_frame *f, int timeout_ms);
/* The handshake; on failure says why in err (the peer's ERROR text, a
 * wrong key, a version neither speaks). */
int pr_client_handshake(pr_conn *c, const uint8_t *key, size_t keylen, pw_error *err);
int pr_server_handshake(pr_conn *c, const uint8_t *key, size_t keylen, pw_error *err);
/* Wipes a key (or any secret) before it is freed. */
void pr_wipe(void *p, size_t n);

#endif
