/*
 * wa_wasi.c - WASI preview 1 (module "wasi_snapshot_preview1"): binding
 * imports, the dispatch of a call, arguments, an empty environment,
 * clocks, random bytes, proc_exit, and the three standard streams on the
 * console.  Descriptors 3 and up are files and directories of the host's
 * file system (wa_wasi_fs.c; fd 3 is the root preopen), poll_oneoff is
 * wa_wasi_poll.c.  Any other WASI function returns ENOSYS; an import from
 * another module traps when called.
 *
 * A call is atomic for snapshots: the engine records it as pending
 * (host_pending, the arguments still on the stack) and only
 * finish() pops the arguments, pushes the results and clears it.  A
 * snapshot taken while a call waits (reading standard input, sleeping)
 * resumes by making the call again.
 */
#include "../hal/hal.h"
#include "wa_wasi.h"

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
    {"fd_pread", "iiiIi:i", WA_WASI_FD_PREAD},
    {"fd_pwrite", "iiiIi:i", WA_WASI_FD_PWRITE},
    {"fd_filestat_get", "ii:i", WA_WASI_FD_FILESTAT_GET},
    {"fd_filestat_set_size", "iI:i", WA_WASI_FD_FILESTAT_SET_SIZE},
    {"fd_readdir", "iiiIi:i", WA_WASI_FD_READDIR},
    {"fd_sync", "i:i", WA_WASI_FD_SYNC},
    {"fd_datasync", "i:i", WA_WASI_FD_DATASYNC},
    {"path_open", "iiiiiIIii:i", WA_WASI_PATH_OPEN},
    {"path_create_directory", "iii:i", WA_WASI_PATH_CREATE_DIRECTORY},
    {"path_unlink_file", "iii:i", WA_WASI_PATH_UNLINK_FILE},
    {"path_remove_directory", "iii:i", WA_WASI_PATH_REMOVE_DIRECTORY},
    {"path_rename", "iiiiii:i", WA_WASI_PATH_RENAME},
    {"path_filestat_get", "iiiii:i", WA_WASI_PATH_FILESTAT_GET},
    {"poll_oneoff", "iiii:i", WA_WASI_POLL_ONEOFF},
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

/* ---- memory ------------------------------------------------------------------------ */

static int put(const wa_call *c, uint32_t addr, const void *v, unsigned size)
{
    uint8_t *p = wa_at(c, addr, size);
    if (!p)
        return WA_E_FAULT;
    memcpy(p, v, size);
    return WA_E_SUCCESS;
}

int wa_put16(const wa_call *c, uint32_t addr, uint16_t v) { return put(c, addr, &v, 2); }
int wa_put32(const wa_call *c, uint32_t addr, uint32_t v) { return put(c, addr, &v, 4); }
int wa_put64(const wa_call *c, uint32_t addr, uint64_t v) { return put(c, addr, &v, 8); }

uint8_t *wa_iov_buf(const wa_call *c, const uint8_t *iov, uint32_t i, uint32_t *len)
{
    uint32_t a;
    memcpy(&a, iov + 8 * i, 4);
    memcpy(len, iov + 8 * i + 4, 4);
    return wa_at(c, a, *len);
}

uint8_t *wa_iovecs(const wa_call *c, uint32_t iovs, uint32_t n)
{
    uint8_t *iov = wa_at(c, iovs, 8ull * n);
    uint32_t len;
    for (uint32_t i = 0; iov && i < n; i++)
        if (!wa_iov_buf(c, iov, i, &len))
            return NULL;
    return iov;
}

/* ---- arguments, clocks, random -------------------------------------------------------- */

static int args_sizes_get(const wa_call *c)
{
    int rc = wa_put32(c, wa_arg32(c, 0), c->h->argc);
    return rc ? rc : wa_put32(c, wa_arg32(c, 1), c->h->args_len);
}

static int args_get(const wa_call *c)
{
    uint32_t argv = wa_arg32(c, 0), buf = wa_arg32(c, 1);
    uint8_t *dst = wa_at(c, buf, c->h->args_len);
    if (!dst || !wa_at(c, argv, 4ull * c->h->argc))
        return WA_E_FAULT;
    memcpy(dst, c->h->args, c->h->args_len);
    uint32_t off = 0;
    for (uint32_t i = 0; i < c->h->argc; i++) {
        wa_put32(c, argv + 4 * i, buf + off);
        off += (uint32_t)strlen(c->h->args + off) + 1;
    }
    return WA_E_SUCCESS;
}

/* Monotonic time keeps going across restarts: the wall clock, never
 * allowed to go back (the last value is kept in the state block). */
uint64_t wa_wasi_monotonic(const wa_call *c)
{
    uint64_t now = c->h->now_wall_ns(c->h->ctx);
    if (now < c->st->mono_last)
        now = c->st->mono_last;
    c->st->mono_last = now;
    return now;
}

static int clock_time_get(const wa_call *c)
{
    uint32_t id = wa_arg32(c, 0);
    if (id > 3)
        return WA_E_INVAL;
    return wa_put64(c, wa_arg32(c, 2), id == 0 ? c->h->now_wall_ns(c->h->ctx) : wa_wasi_monotonic(c));
}

static int clock_res_get(const wa_call *c)
{
    return wa_arg32(c, 0) > 3 ? WA_E_INVAL : wa_put64(c, wa_arg32(c, 1), 1000);
}

static int random_get(const wa_call *c)
{
    uint8_t *p = wa_at(c, wa_arg32(c, 0), wa_arg32(c, 1));
    if (!p)
        return WA_E_FAULT;
    return c->h->random(c->h->ctx, p, wa_arg32(c, 1)) < 0 ? WA_E_IO : WA_E_SUCCESS;
}

/* ---- the console: descriptors 0, 1 and 2 ------------------------------------------------ */

static int console_write(const wa_call *c)
{
    uint32_t fd = wa_arg32(c, 0), n = wa_arg32(c, 2);
    if (fd == 0)
        return WA_E_BADF;
    uint8_t *iov = wa_iovecs(c, wa_arg32(c, 1), n);
    if (!iov)
        return WA_E_FAULT;
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        uint8_t *p = wa_iov_buf(c, iov, i, &len);
        if (len)
            c->h->write(c->h->ctx, (int)fd, p, len);
        total += len;
    }
    return wa_put32(c, wa_arg32(c, 3), (uint32_t)total);
}

/* Reads into the first buffer that has room: a short read, as POSIX
 * readv may make. */
static int console_read(const wa_call *c)
{
    uint32_t n = wa_arg32(c, 2);
    if (wa_arg32(c, 0) != 0)
        return WA_E_BADF;
    uint8_t *iov = wa_iovecs(c, wa_arg32(c, 1), n);
    if (!iov)
        return WA_E_FAULT;
    long got = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        uint8_t *p = wa_iov_buf(c, iov, i, &len);
        if (!len)
            continue;
        got = c->h->read(c->h->ctx, p, len);
        if (got == WA_READ_WAIT)
            return WASI_WAIT;
        if (got < 0)
            return WA_E_IO;
        break;
    }
    return wa_put32(c, wa_arg32(c, 3), (uint32_t)got);
}

static int console_fdstat(const wa_call *c)
{
    uint32_t fd = wa_arg32(c, 0);
    uint8_t *p = wa_at(c, wa_arg32(c, 1), 24);
    if (!p)
        return WA_E_FAULT;
    /* filetype: character device on a terminal (wasi-libc then buffers
     * by line), else unknown; rights: read for 0, write for 1 and 2. */
    memset(p, 0, 24);
    p[0] = c->h->is_tty(c->h->ctx, (int)fd) ? WA_FT_CHAR : WA_FT_UNKNOWN;
    uint64_t rights = fd == 0 ? UINT64_C(1) << 1 : UINT64_C(1) << 6;
    memcpy(p + 8, &rights, 8);
    return WA_E_SUCCESS;
}

static int console_filestat(const wa_call *c)
{
    uint8_t *p = wa_at(c, wa_arg32(c, 1), 64);
    if (!p)
        return WA_E_FAULT;
    memset(p, 0, 64);
    p[16] = c->h->is_tty(c->h->ctx, (int)wa_arg32(c, 0)) ? WA_FT_CHAR : WA_FT_UNKNOWN;
    return WA_E_SUCCESS;
}

/* A call on descriptor 0, 1 or 2. */
static int console_call(const wa_call *c, uint32_t fn)
{
    if (fn >= WA_WASI_PATH_OPEN && fn <= WA_WASI_PATH_FILESTAT_GET)
        return WA_E_NOTDIR;
    switch (fn) {
    case WA_WASI_FD_WRITE: return console_write(c);
    case WA_WASI_FD_READ: return console_read(c);
    case WA_WASI_FD_FDSTAT_GET: return console_fdstat(c);
    case WA_WASI_FD_FILESTAT_GET: return console_filestat(c);
    case WA_WASI_FD_CLOSE:
    case WA_WASI_FD_SYNC:
    case WA_WASI_FD_DATASYNC: return WA_E_SUCCESS;
    case WA_WASI_FD_SEEK:
    case WA_WASI_FD_TELL:
    case WA_WASI_FD_PREAD:
    case WA_WASI_FD_PWRITE: return WA_E_SPIPE;
    case WA_WASI_FD_FILESTAT_SET_SIZE: return WA_E_INVAL;
    case WA_WASI_FD_READDIR: return WA_E_NOTDIR;
    default: return WA_E_BADF;   /* fd_prestat_*: not a preopen */
    }
}

/* Calls whose first argument is a descriptor; the path calls take a directory's. */
static bool on_descriptor(uint32_t fn)
{
    return fn >= WA_WASI_FD_WRITE && fn != WA_WASI_SCHED_YIELD && fn != WA_WASI_POLL_ONEOFF;
}

/* The results: every WASI call but proc_exit returns one errno. */
static void finish(wa_call *c, const wa_ifunc *f, uint32_t errno_value)
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
    wa_call c = {.x = x, .h = h, .st = st, .args = x->stack + st->sp - f->np,
                 .memsz = (uint64_t)st->mem_pages * WA_PAGE};
    int rc = WA_E_NOSYS;
    switch (f->host) {
    case WA_WASI_UNKNOWN:
        st->host_pending = 0;
        st->status = WA_ST_TRAPPED;
        st->trap = WA_TRAP_IMPORT;
        st->trap_pc = st->pc - 1;   /* in the call: its trap site */
        return WA_X_TRAP;
    case WA_WASI_NOSYS: break;
    case WA_WASI_PROC_EXIT:
        st->host_pending = 0;
        st->status = WA_ST_EXITED;
        st->exit_code = wa_arg32(&c, 0) & 0xFF;
        return WA_X_DONE;
    case WA_WASI_ARGS_GET: rc = args_get(&c); break;
    case WA_WASI_ARGS_SIZES_GET: rc = args_sizes_get(&c); break;
    case WA_WASI_ENVIRON_GET: rc = WA_E_SUCCESS; break;
    case WA_WASI_ENVIRON_SIZES_GET:
        rc = wa_put32(&c, wa_arg32(&c, 0), 0);
        rc = rc ? rc : wa_put32(&c, wa_arg32(&c, 1), 0);
        break;
    case WA_WASI_CLOCK_TIME_GET: rc = clock_time_get(&c); break;
    case WA_WASI_CLOCK_RES_GET: rc = clock_res_get(&c); break;
    case WA_WASI_RANDOM_GET: rc = random_get(&c); break;
    case WA_WASI_SCHED_YIELD: rc = WA_E_SUCCESS; break;
    case WA_WASI_POLL_ONEOFF: rc = wa_wasi_poll(&c); break;
    default:
        HAL_ASSERT(on_descriptor(f->host));
        rc = wa_arg32(&c, 0) <= 2 ? console_call(&c, f->host) : wa_wasi_file_call(&c, f->host);
        break;
    }
    if (rc == WASI_WAIT)
        return WA_X_WAIT;
    finish(&c, f, (uint32_t)rc);
    return WA_X_AGAIN;
}
