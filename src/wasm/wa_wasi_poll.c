/*
 * wa_wasi_poll.c - poll_oneoff.  Clock subscriptions sleep: the earliest
 * deadline, as wall-clock time, is kept in the state block the first
 * time the call is made, and the host parks the program until then
 * (sleep_until).  A restart finds the call still pending with the same
 * deadline, so a sleep keeps its wall-clock deadline across restarts.
 * Subscriptions to descriptors are ready at once (files and the console
 * never make a reader wait here; a read may then wait in fd_read).
 */
#include "../hal/hal.h"
#include "wa_wasi.h"

#define SUB_BYTES 48u
#define EVENT_BYTES 32u
enum { TAG_CLOCK = 0, TAG_FD_READ = 1, TAG_FD_WRITE = 2 };
#define ABSTIME 1u

static uint64_t rd64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t rd32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

static void put_event(uint8_t *ev, const uint8_t *sub)
{
    memset(ev, 0, EVENT_BYTES);
    memcpy(ev, sub, 8);   /* userdata */
    ev[10] = sub[8];      /* type: the subscription's tag */
}

/* The wall-clock deadline of clock subscription sub, from now. */
static uint64_t deadline_of(const uint8_t *sub, uint64_t now)
{
    uint64_t timeout = rd64(sub + 24);
    if ((rd32(sub + 40) & ABSTIME) != 0)
        return timeout;
    return timeout > UINT64_MAX - now ? UINT64_MAX : now + timeout;
}

int wa_wasi_poll(const wa_call *c)
{
    uint32_t n = wa_arg32(c, 2);
    const uint8_t *subs = wa_at(c, wa_arg32(c, 0), (uint64_t)SUB_BYTES * n);
    uint8_t *events = wa_at(c, wa_arg32(c, 1), (uint64_t)EVENT_BYTES * n);
    uint32_t result = wa_arg32(c, 3);
    if (!subs || !events || !wa_at(c, result, 4))
        return WA_E_FAULT;
    if (!n)
        return WA_E_INVAL;
    uint32_t ready = 0;
    bool clocks = false;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *s = subs + SUB_BYTES * i;
        if (s[8] > TAG_FD_WRITE || (s[8] == TAG_CLOCK && rd32(s + 16) > 3))
            return WA_E_INVAL;
        clocks |= s[8] == TAG_CLOCK;
    }
    for (uint32_t i = 0; i < n; i++)
        if (subs[SUB_BYTES * i + 8] != TAG_CLOCK)
            put_event(events + EVENT_BYTES * ready++, subs + SUB_BYTES * i);
    wa_state *st = c->st;
    uint64_t now = wa_wasi_monotonic(c);
    if (clocks && !st->poll_deadline) {
        st->poll_deadline = UINT64_MAX;
        for (uint32_t i = 0; i < n; i++) {
            const uint8_t *s = subs + SUB_BYTES * i;
            if (s[8] == TAG_CLOCK && deadline_of(s, now) < st->poll_deadline) {
                st->poll_deadline = deadline_of(s, now);
                st->poll_sub = i;
            }
        }
        if (!st->poll_deadline)
            st->poll_deadline = 1;   /* 0 means none */
    }
    if (clocks && !ready && now < st->poll_deadline) {
        int rc = c->h->sleep_until(c->h->ctx, st->poll_deadline);
        if (rc) {
            st->poll_deadline = 0;
            return rc;
        }
        return WASI_WAIT;
    }
    if (clocks && now >= st->poll_deadline) {
        HAL_ASSERT(st->poll_sub < n);
        put_event(events + EVENT_BYTES * ready++, subs + SUB_BYTES * st->poll_sub);
    }
    st->poll_deadline = 0;
    return wa_put32(c, result, ready);
}
