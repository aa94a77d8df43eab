/*
 * wa_wasi.c - WASI preview 1 (module "wasi_snapshot_preview1"), the calls
 * wasi-libc's programs make first: arguments, an empty environment,
 * clocks, random bytes, proc_exit, and the three standard streams on the
 * console.  There are no preopened directories yet (fd_prestat_get says
 * EBADF, so wasi-libc finds no file system), so every other descriptor is
 * EBADF.  Any other WASI function returns ENOSYS; an import from another
 * module traps when called.
 *
 * A call is atomic for snapshots: the engine records it as pending
 * (host_pending, the arguments still on the stack) and only
 * finish() pops the arguments, pushes the results and clears it.  A
 * snapshot taken while a call blocks (reading standard input) resumes by
 * making the call again.
 */
#include "../hal/hal.h"
#include "wa_internal.h"

/* fd_read was interrupted: the call stays pending (not an errno). */
#define READ_AGAIN (-1)

enum {
    E_SUCCESS = 0, E_BADF = 8, E_FAULT = 21, E_INVAL = 28, E_IO = 29, E_NOSYS = 52, E_SPIPE = 70,
};

static const struct {
    const char *name;
    const char *sig;   /* params ':' results; i i32, I i64 */
    uint32_t fn;
} wasi[] = {
    {"args_get", "ii:i", WA_WASI_ARGS_GET},
    {"args_sizes_get", "ii:i", WA_WASI_ARGS_SIZES_GET},
    {"environ_get", "ii:i", WA_WASI_ENVIRON_GET},
    {"environ_sizes_get", "ii:i", WA_WASI_ENVIRON_SIZES_GET},
    {"clock_time_get", "iIi:i", WA_WASI_CLOCK_TIME_GET},
    {"clock_res_get", "ii:i", WA_WASI_CLOCK_RES_GET},
    {"random_get", "ii:i", WA_WASI_RANDOM_GET},
    {"proc_exit", "i:", WA_WASI_PROC_EXIT},
    {"fd_write", "iiii:i", WA_WASI_FD_WRITE},
    {"fd_read", "iiii:i", WA_WASI_FD_READ},
    {"fd_fdstat_get", "ii:i", WA_WASI_FD_FDSTAT_GET},
    {"fd_prestat_get", "ii:i", WA_WASI_FD_PRESTAT_GET},
    {"fd_prestat_dir_name", "iii:i", WA_WASI_FD_PRESTAT_DIR_NAME},
    {"fd_close", "i:i", WA_WASI_FD_CLOSE},
    {"fd_seek", "iIii:i", WA_WASI_FD_SEEK},
    {"fd_tell", "ii:i", WA_WASI_FD_TELL},
    {"sched_yield", ":i", WA_WASI_SCHED_YIELD},
};

static bool sig_is(const wa_functype *t, const char *sig)
{
    char buf[40];
    size_t n = 0;
    for (uint32_t i = 0; i < t->np + t->nr && n + 2 < sizeof buf; i++) {
        if (i == t->np)
            buf[n++] = ':';
        buf[n++] = t->t[i] == WA_I32 ? 'i' : t->t[i] == WA_I64 ? 'I' : '?';
    }
    if (t->nr == 0 && n + 1 < sizeof buf)
        buf[n++] = ':';
    buf[n] = 0;
    return !strcmp(buf, sig);
}

static bool name_is(const uint8_t *s, uint32_t len, const char *want)
{
    return strlen(want) == len && !memcmp(s, want, len);
}

uint32_t wa_wasi_bind(const wa_mod *m, const wa_fdecl *f)
{
    if (!name_is(f->imp_mod, f->imp_mod_len, "wasi_snapshot_preview1"))
        return WA_WASI_UNKNOWN;
    for (size_t i = 0; i < sizeof wasi / sizeof wasi[0]; i++)
        if (name_is(f->imp_name, f->imp_name_len, wasi[i].name))
            return sig_is(m->types[f->type], wasi[i].sig) ? wasi[i].fn : WA_WASI_NOSYS;
    return WA_WASI_NOSYS;
}

/* ---- the call's context ------------------------------------------------------------ */

typedef struct call {
    wa_exec *x;
    const wa_host *h;
    wa_state *st;
    uint64_t *args;
    uint64_t memsz;
} call;

static uint32_t arg32(const call *c, int i) { return (uint32_t)c->args[i]; }

/* n bytes of linear memory at addr, or NULL when they are not all inside. */
static uint8_t *at(const call *c, uint64_t addr, uint64_t n)
{
    return addr + n <= c->memsz ? c->x->mem + addr : NULL;
}

static int put32(const call *c, uint32_t addr, uint32_t v)
{
    uint8_t *p = at(c, addr, 4);
    if (!p)
        return E_FAULT;
    memcpy(p, &v, 4);
    return E_SUCCESS;
}

static int put64(const call *c, uint32_t addr, uint64_t v)
{
    uint8_t *p = at(c, addr, 8);
    if (!p)
        return E_FAULT;
    memcpy(p, &v, 8);
    return E_SUCCESS;
}

static int args_sizes_get(const call *c)
{
    int rc = put32(c, arg32(c, 0), c->h->argc);
    return rc ? rc : put32(c, arg32(c, 1), c->h->args_len);
}

static int args_get(const call *c)
{
    uint32_t argv = arg32(c, 0), buf = arg32(c, 1);
    uint8_t *dst = at(c, buf, c->h->args_len);
    if (!dst || !at(c, argv, 4ull * c->h->argc))
        return E_FAULT;
    memcpy(dst, c->h->args, c->h->args_len);
    uint32_t off = 0;
    for (uint32_t i = 0; i < c->h->argc; i++) {
        put32(c, argv + 4 * i, buf + off);
        off += (uint32_t)strlen(c->h->args + off) + 1;
    }
    return E_SUCCESS;
}

/* Monotonic time keeps going across restarts: the wall clock, never
 * allowed to go back (the last value is kept in the state block). */
static uint64_t monotonic(const call *c)
{
    uint64_t now = c->h->now_wall_ns(c->h->ctx);
    if (now < c->st->mono_last)
        now = c->st->mono_last;
    c->st->mono_last = now;
    return now;
}

static int clock_time_get(const call *c)
{
    uint32_t id = arg32(c, 0);
    if (id > 3)
        return E_INVAL;
    return put64(c, (uint32_t)c->args[2], id == 0 ? c->h->now_wall_ns(c->h->ctx) : monotonic(c));
}

static int clock_res_get(const call *c)
{
    return arg32(c, 0) > 3 ? E_INVAL : put64(c, arg32(c, 1), 1000);
}

static int random_get(const call *c)
{
    uint8_t *p = at(c, arg32(c, 0), arg32(c, 1));
    if (!p)
        return E_FAULT;
    return c->h->random(c->h->ctx, p, arg32(c, 1)) < 0 ? E_IO : E_SUCCESS;
}

/* The iovec array: n pairs of (address, length). */
static int iovecs(const call *c, uint32_t iovs, uint32_t n, uint8_t **base)
{
    *base = at(c, iovs, 8ull * n);
    return *base ? E_SUCCESS : E_FAULT;
}

/* Buffer i of an iovec array: its bytes in memory, or NULL when they are
 * not all inside. */
static uint8_t *iov_buf(const call *c, const uint8_t *iov, uint32_t i, uint32_t *len)
{
    uint32_t a;
    memcpy(&a, iov + 8 * i, 4);
    memcpy(len, iov + 8 * i + 4, 4);
    return at(c, a, *len);
}

static int fd_write(const call *c)
{
    uint32_t fd = arg32(c, 0), n = arg32(c, 2);
    if (fd != 1 && fd != 2)
        return E_BADF;
    uint8_t *iov;
    if (iovecs(c, arg32(c, 1), n, &iov))
        return E_FAULT;
    uint64_t total = 0;
    uint32_t len;
    for (uint32_t i = 0; i < n; i++)   /* all or nothing */
        if (!iov_buf(c, iov, i, &len))
            return E_FAULT;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *p = iov_buf(c, iov, i, &len);
        if (len)
            c->h->write(c->h->ctx, (int)fd, p, len);
        total += len;
    }
    return put32(c, arg32(c, 3), (uint32_t)total);
}

/* Reads into the first buffer that has room: a short read, as POSIX
 * readv may make. */
static int fd_read(const call *c)
{
    uint32_t n = arg32(c, 2);
    if (arg32(c, 0) != 0)
        return E_BADF;
    uint8_t *iov;
    if (iovecs(c, arg32(c, 1), n, &iov))
        return E_FAULT;
    long got = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        uint8_t *p = iov_buf(c, iov, i, &len);
        if (!len)
            continue;
        if (!p)
            return E_FAULT;
        got = c->h->read(c->h->ctx, p, len);
        if (got == WA_READ_AGAIN)
            return READ_AGAIN;
        if (got < 0)
            return E_IO;
        break;
    }
    return put32(c, arg32(c, 3), (uint32_t)got);
}

static int fd_fdstat_get(const call *c)
{
    uint32_t fd = arg32(c, 0);
    if (fd > 2)
        return E_BADF;
    uint8_t *p = at(c, arg32(c, 1), 24);
    if (!p)
        return E_FAULT;
    /* filetype: character device on a terminal (wasi-libc then buffers
     * by line), else unknown; rights: read for 0, write for 1 and 2. */
    memset(p, 0, 24);
    p[0] = c->h->is_tty(c->h->ctx, (int)fd) ? 2 : 0;
    uint64_t rights = fd == 0 ? UINT64_C(1) << 1 : UINT64_C(1) << 6;
    memcpy(p + 8, &rights, 8);
    return E_SUCCESS;
}

static int stdio_only(const call *c, int for_stdio)
{
    return arg32(c, 0) <= 2 ? for_stdio : E_BADF;
}

/* The results: every WASI call but proc_exit returns one errno. */
static void finish(call *c, const wa_ifunc *f, uint32_t errno_value)
{
    uint64_t *sp = c->args;
    if (f->nr == 1)
        *sp++ = f->res0 == WA_I32 ? errno_value : 0;
    else
        for (uint32_t i = 0; i < f->nr; i++)
            *sp++ = 0;
    c->st->sp = (uint32_t)(sp - c->x->stack);
    c->st->host_pending = 0;
}

int wa_wasi_call(wa_exec *x, const wa_host *h)
{
    const wa_img *img = wa_img_of(x->image);
    wa_state *st = (wa_state *)(void *)x->state;
    HAL_ASSERT(st->host_pending != 0);
    uint32_t fi = st->host_pending - 1;
    const wa_ifunc *f = &wa_img_funcs(img)[fi];
    call c = {.x = x, .h = h, .st = st, .args = x->stack + st->sp - f->np,
              .memsz = (uint64_t)st->mem_pages * WA_PAGE};
    int rc = E_NOSYS;
    switch (f->host) {
    case WA_WASI_UNKNOWN:
        st->host_pending = 0;
        st->status = WA_ST_TRAPPED;
        st->trap = WA_TRAP_IMPORT;
        st->trap_pc = st->pc - 2;
        return WA_X_TRAP;
    case WA_WASI_PROC_EXIT:
        st->host_pending = 0;
        st->status = WA_ST_EXITED;
        st->exit_code = arg32(&c, 0) & 0xFF;
        return WA_X_DONE;
    case WA_WASI_ARGS_GET: rc = args_get(&c); break;
    case WA_WASI_ARGS_SIZES_GET: rc = args_sizes_get(&c); break;
    case WA_WASI_ENVIRON_GET: rc = E_SUCCESS; break;
    case WA_WASI_ENVIRON_SIZES_GET:
        rc = put32(&c, arg32(&c, 0), 0);
        rc = rc ? rc : put32(&c, arg32(&c, 1), 0);
        break;
    case WA_WASI_CLOCK_TIME_GET: rc = clock_time_get(&c); break;
    case WA_WASI_CLOCK_RES_GET: rc = clock_res_get(&c); break;
    case WA_WASI_RANDOM_GET: rc = random_get(&c); break;
    case WA_WASI_FD_WRITE: rc = fd_write(&c); break;
    case WA_WASI_FD_READ: rc = fd_read(&c); break;
    case WA_WASI_FD_FDSTAT_GET: rc = fd_fdstat_get(&c); break;
    case WA_WASI_FD_PRESTAT_GET:
    case WA_WASI_FD_PRESTAT_DIR_NAME: rc = E_BADF; break;
    case WA_WASI_FD_CLOSE: rc = stdio_only(&c, E_SUCCESS); break;
    case WA_WASI_FD_SEEK:
    case WA_WASI_FD_TELL: rc = stdio_only(&c, E_SPIPE); break;
    case WA_WASI_SCHED_YIELD: rc = E_SUCCESS; break;
    default: rc = E_NOSYS; break;
    }
    if (rc == READ_AGAIN)
        return WA_X_YIELD;
    finish(&c, f, (uint32_t)rc);
    return WA_X_AGAIN;
}
