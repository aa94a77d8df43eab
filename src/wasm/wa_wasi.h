/*
 * wa_wasi.h - shared by the WASI files (wa_wasi.c: the calls and the
 * console; wa_wasi_fs.c: files; wa_wasi_poll.c: poll_oneoff): one call's
 * context and access to the program's linear memory.
 *
 * Every helper that touches memory checks the whole range first and
 * returns WA_E_FAULT (or NULL) when any byte is outside: a call either does
 * all it was asked or reports the fault.
 */
#ifndef PHANTOM_WASM_WASI_H
#define PHANTOM_WASM_WASI_H

#include "wa_internal.h"

/* Not an errno: the host parked the program; the call stays pending. */
#define WASI_WAIT (-1)

typedef struct wa_call {
    wa_exec *x;
    const wa_host *h;
    wa_state *st;
    uint64_t *args;
    uint64_t memsz;
} wa_call;

static inline uint32_t wa_arg32(const wa_call *c, int i) { return (uint32_t)c->args[i]; }
static inline uint64_t wa_arg64(const wa_call *c, int i) { return c->args[i]; }

/* n bytes of linear memory at addr, or NULL when they are not all inside. */
static inline uint8_t *wa_at(const wa_call *c, uint64_t addr, uint64_t n)
{
    return addr + n <= c->memsz ? c->x->mem + addr : NULL;
}

int wa_put16(const wa_call *c, uint32_t addr, uint16_t v);
int wa_put32(const wa_call *c, uint32_t addr, uint32_t v);
int wa_put64(const wa_call *c, uint32_t addr, uint64_t v);

/* The iovec array (n pairs of address, length), every buffer inside
 * memory: its base, or NULL. */
uint8_t *wa_iovecs(const wa_call *c, uint32_t iovs, uint32_t n);
/* Buffer i of a checked iovec array and its length. */
uint8_t *wa_iov_buf(const wa_call *c, const uint8_t *iov, uint32_t i, uint32_t *len);

/* The file calls (wa_wasi_fs.c): fn is a WA_WASI_* of a call on a file
 * descriptor >= 3 or a path; the WASI errno. */
int wa_wasi_file_call(const wa_call *c, uint32_t fn);
/* poll_oneoff (wa_wasi_poll.c): an errno, or WASI_WAIT. */
int wa_wasi_poll(const wa_call *c);
/* The WASI monotonic clock: the wall clock, never going back. */
uint64_t wa_wasi_monotonic(const wa_call *c);

#endif
