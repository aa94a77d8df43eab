/*
 * hal.h - the hardware abstraction layer: the only interface to the host OS.
 *
 * Everything above this header (persistence engine, VM, tools) reaches the
 * host through these functions and nothing else, so a port to bare metal or
 * a microkernel (Genode, seL4) is a new implementation of this header only.
 * The Linux/POSIX implementation lives in src/hal/posix/.
 *
 * Conventions: functions that can fail return 0 on success and a negative
 * errno-style code (-ENOENT, -EIO, ...) on failure.  hal_strerror() turns a
 * code into text.
 */
#ifndef PHANTOM_HAL_H
#define PHANTOM_HAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HAL_PAGE_SIZE 4096u
#define HAL_PAGE_SHIFT 12

const char *hal_strerror(int code);

/* Invariant checks, as LMDB, SQLite and Lua make them: on in debug and
 * sanitizer builds (PHANTOM_DEBUG defined; `make test` builds its
 * sanitizer pass so), compiled out otherwise: the condition is then not
 * evaluated.  HAL_DEBUG guards checks too costly to be one expression.
 * A failed check prints file, line and condition and aborts; it is
 * async-signal-safe, so fault handlers may check too. */
#ifdef PHANTOM_DEBUG
#define HAL_DEBUG 1
#define HAL_ASSERT(c) ((c) ? (void)0 : hal_assert_fail(__FILE__, __LINE__, #c))
#else
#define HAL_DEBUG 0
#define HAL_ASSERT(c) ((void)sizeof((c) ? 1 : 0))
#endif
_Noreturn void hal_assert_fail(const char *file, int line, const char *cond);

/* ---- threads, locks, condition variables ------------------------------ */

typedef struct hal_thread hal_thread;
typedef struct hal_mutex { _Alignas(16) unsigned char opaque[64]; } hal_mutex;
typedef struct hal_cond { _Alignas(16) unsigned char opaque[64]; } hal_cond;

int hal_thread_start(hal_thread **out, void (*fn)(void *), void *arg, const char *name);
void hal_thread_join(hal_thread *t);
void hal_thread_yield(void);
/* The calling thread does background work: on a busy machine the other
 * threads (the program, its fault handler) get the CPU first. */
void hal_thread_background(void);

void hal_mutex_init(hal_mutex *m);
void hal_mutex_destroy(hal_mutex *m);
void hal_mutex_lock(hal_mutex *m);
void hal_mutex_unlock(hal_mutex *m);
bool hal_mutex_trylock(hal_mutex *m);

void hal_cond_init(hal_cond *c);
void hal_cond_destroy(hal_cond *c);
void hal_cond_wait(hal_cond *c, hal_mutex *m);
/* Waits until signalled or until the monotonic clock reaches deadline_ns.
 * Returns false on timeout. */
bool hal_cond_wait_until(hal_cond *c, hal_mutex *m, uint64_t deadline_ns);
void hal_cond_signal(hal_cond *c);
void hal_cond_broadcast(hal_cond *c);

/* ---- time ---------------------------------------------------------------- */

uint64_t hal_now_mono_ns(void); /* monotonic, arbitrary origin */
/* CPU time the calling thread has used: unlike the clocks, it does not
 * count time the host spent running other work. */
uint64_t hal_thread_cpu_ns(void);
uint64_t hal_now_wall_ns(void); /* nanoseconds since the Unix epoch */
uint64_t hal_process_cpu_ns(void); /* CPU time this process has used, all its threads */
void hal_sleep_ns(uint64_t ns);

/* ---- memory ---------------------------------------------------------------- */

/* Ordinary (non-persistent) memory for the runtime's own bookkeeping. */
void *hal_pages_alloc(size_t bytes); /* zeroed, page aligned, NULL on failure */
void hal_pages_free(void *p, size_t bytes);
/* Like hal_pages_alloc, for a large sparse table (the collector's mark
 * bitmaps, sized by the whole address space): the host counts its pages
 * against memory only once they are touched.  Free with hal_pages_free. */
void *hal_pages_reserve(size_t bytes);
/* The machine's physical memory in bytes (0 if unknown): with the free
 * disk space below, what a world's default memory limit is made from. */
uint64_t hal_physical_memory(void);

/* ---- tracked memory: the persistent address space's backing ------------ *
 *
 * A tracked region is a large reserved range at a fixed address whose pages
 * (1) are filled on first touch by a callback (lazy restore from the image),
 * (2) have their writes tracked, and
 * (3) can be frozen: with every writer stopped, the set of pages written
 *     since the previous freeze becomes the frozen set, and from then on the
 *     first write to a frozen page first saves its frozen content
 *     (copy-on-write), so the frozen instant can be read at leisure while
 *     programs keep running.
 * Strategies implement this with different host mechanisms (userfaultfd
 * write-protect, mprotect + SIGSEGV) and are chosen by name at run time.
 *
 * Invariant: a page is either not resident (its content is whatever fill()
 * returns), or resident clean (content equals the last durable snapshot's),
 * or resident dirty (written since the last freeze), or frozen (written
 * before the last freeze and not yet released by hal_tmem_thaw).
 *
 * The instant rule, which every strategy keeps: a page is writable by the
 * program only while it is marked dirty.  A strategy marks a page dirty
 * before the faulting thread can write it, never after; otherwise a freeze
 * that runs in between would leave out a page already written, and the
 * snapshot would hold that page as it was an instant earlier
 * (docs/ARCHITECTURE.md, "The snapshot instant").  uffd-async keeps it in
 * the form "marked dirty, or left unprotected by the kernel so that the
 * next harvest marks it" (tmem.c, snapshots without write faults).
 */

typedef struct hal_tmem hal_tmem;

/* Fill page pgno (4 KiB at dst).  Called from fault context: must not touch
 * the region itself.  Returns 0 or a negative error, which is fatal: the
 * strategy reports it through the fatal callback and stops the process. */
typedef int (*hal_fill_fn)(void *ctx, uint64_t pgno, void *dst);
/* Called once, with a message, when a fault cannot be served. Must not
 * return (the faulting access cannot proceed).  HAL_FATAL_FILL: fill()
 * failed (the image); HAL_FATAL_HOST: the host refused (a limit, memory). */
enum { HAL_FATAL_FILL = 1, HAL_FATAL_HOST = 2 };
typedef void (*hal_fatal_fn)(void *ctx, int kind, const char *msg);

/* For tests that force an interleaving: called by whichever thread served
 * a fault, once the faulting thread may go on (the page is mapped, or made
 * writable) and no lock of the region is held.  write: the page was made
 * writable.  With uffd it runs on the fault-serving thread, so it may hold
 * that thread back while the faulting thread runs on; with mprotect it runs
 * inside the faulting thread's own signal handler and must not block. */
typedef void (*hal_fault_hook_fn)(void *ctx, uint64_t pgno, bool write);

typedef struct hal_tmem_config {
    void *base;            /* fixed address, page aligned */
    uint64_t size;         /* bytes, multiple of HAL_PAGE_SIZE */
    hal_fill_fn fill;
    hal_fatal_fn fatal;
    void *ctx;
    uint64_t cow_limit;    /* bytes of copy-on-write copies before throttling */
    /* The caller bounds the region's memory (a budget it evicts to, or a
     * copy-on-write limit it counts on): an automatic choice (strategy
     * NULL) skips strategies that cannot keep such a bound. */
    bool bounded;
    hal_fault_hook_fn fault_hook; /* tests only; NULL normally */
    void *hook_ctx;
} hal_tmem_config;

typedef struct hal_tmem_stats {
    uint64_t resident_pages;
    uint64_t dirty_pages;      /* written since the last freeze */
    uint64_t fill_faults;
    uint64_t write_faults;
    uint64_t cow_copies;
    uint64_t cow_throttled;    /* writers that waited because COW memory was full */
    uint64_t evictions;
    uint64_t lock_waits;       /* page or COW-pool lock found held: the thread slept */
    uint64_t populated_pages;  /* made resident by hal_tmem_populate, without a fault */
    uint64_t preloaded_pages;  /* made resident by hal_tmem_preload (read-ahead) */
} hal_tmem_stats;

/* Strategy names, best first, NULL terminated. */
const char *const *hal_tmem_strategies(void);
/* 0 if usable on this host, else a negative code and a reason in why. */
int hal_tmem_probe(const char *strategy, char *why, size_t whylen);
/* strategy NULL: the first usable one of hal_tmem_strategies() (that keeps
 * memory bounded, if cfg->bounded).  uffd-async does not: hal_tmem_evict
 * drops nothing, and each snapshot holds a copy of every frozen page, so
 * its copy-on-write pool grows past cow_limit with the dirty set. */
int hal_tmem_open(const char *strategy, const hal_tmem_config *cfg, hal_tmem **out,
                  char *why, size_t whylen);
void hal_tmem_close(hal_tmem *t);
const char *hal_tmem_name(const hal_tmem *t);

/* Optional, while writers run, just before stopping them for a freeze:
 * write-protects the pages written so far, so that the freeze itself only
 * has to protect pages first written after this call.  This keeps the
 * pause short however large the dirty set is. */
int hal_tmem_prepare(hal_tmem *t);
/* With all writers stopped: the frozen set becomes the pages written since
 * the previous freeze; *pages receives them sorted ascending (owned by the
 * region, valid until hal_tmem_thaw).  Dirty tracking starts afresh. */
int hal_tmem_freeze(hal_tmem *t, const uint64_t **pages, size_t *npages);
/* Copy the frozen content of a frozen page into dst.  Each frozen page may
 * be read any number of times until thaw. */
void hal_tmem_read_frozen(hal_tmem *t, uint64_t pgno, void *dst);
/* End of a snapshot.  durable: the frozen content is now safe on disk.
 * !durable: the snapshot was abandoned; frozen pages count as dirty again. */
void hal_tmem_thaw(hal_tmem *t, bool durable);
/* Makes pages first .. first+n-1 resident and writable now, as if each had
 * just been written, for memory the caller is about to write (pages a heap
 * just handed out): it saves a fault per page, which with uffd is a round
 * trip to the fault-serving thread.  A page not resident is filled (fill())
 * and marked dirty before it becomes writable (the instant rule), in
 * batches; a resident page is left as it is (if clean, its first write
 * still faults).  Failures are fatal, as for a fault (the fatal callback). */
void hal_tmem_populate(hal_tmem *t, uint64_t first, uint64_t n);
/* Drop resident clean pages (content safe in a durable snapshot) until at
 * most target pages are resident or nothing more can be dropped. */
/* Read-ahead: of pages first..first+n-1, installs those not resident with
 * the content at src (n pages), clean: write-protected, exactly as a read
 * fault would have filled them.  Each page is decided under the lock a
 * fault on it would take: skipped if resident, or if still(ctx, pgno,
 * page) says the page at src is no longer what fill() would return (it
 * runs under that lock, like fill(), and must not touch the region).
 * Returns the pages installed.  Any thread but a fault handler. */
typedef bool (*hal_preload_check_fn)(void *ctx, uint64_t pgno, const void *page);
uint64_t hal_tmem_preload(hal_tmem *t, uint64_t first, uint64_t n, const void *src, hal_preload_check_fn still,
                          void *ctx);
void hal_tmem_evict(hal_tmem *t, uint64_t target_resident);
void hal_tmem_stats_get(hal_tmem *t, hal_tmem_stats *s);

/* ---- block devices: an image file, a raw device, or an NBD export -------- *
 *
 * Writes become durable only after flush() returns 0.  The engine performs
 * all image I/O through this table, so tests can substitute a device that
 * injects faults or simulates power loss.  hal_blockdev_open picks the back
 * end from the name: an NBD URI (nbd://HOST[:PORT]/EXPORT,
 * nbd+unix:///EXPORT?socket=PATH, ...) is an export on a block server,
 * anything else a path.  An export has a fixed size (grow beyond it:
 * -ENOSPC) and no lock (HAL_BD_EXCLUSIVE cannot be enforced); when its
 * server goes away, writes and flushes fail (-ENOTCONN, -EPIPE ...) and the
 * device reconnects by itself on later requests, saying so on stderr.
 */

typedef struct hal_blockdev hal_blockdev;
typedef struct hal_blockdev_ops {
    int (*read)(hal_blockdev *d, void *buf, size_t len, uint64_t off);
    int (*write)(hal_blockdev *d, const void *buf, size_t len, uint64_t off);
    int (*flush)(hal_blockdev *d);
    int (*size)(hal_blockdev *d, uint64_t *bytes);
    /* grow to at least bytes; -ENOSPC if it cannot (a raw device) */
    int (*grow)(hal_blockdev *d, uint64_t bytes);
    void (*close)(hal_blockdev *d);
    /* Optional (may be NULL): start writing a range to stable storage now,
     * without waiting, so a later flush has less left to do.  A hint only:
     * durability still comes from flush alone. */
    void (*writeback)(hal_blockdev *d, uint64_t off, uint64_t len);
    /* Optional (may be NULL): 0 while the device is still the one its name
     * leads to; -ENOENT once the file was deleted or another file put in
     * its place (writes then go where nobody will ever open them). */
    int (*check)(hal_blockdev *d);
    /* Optional (may be NULL: then write and flush): write, and return only
     * once these bytes are durable (NBD's FUA).  Says nothing of other
     * writes not yet flushed. */
    int (*write_durable)(hal_blockdev *d, const void *buf, size_t len, uint64_t off);
} hal_blockdev_ops;
struct hal_blockdev {
    const hal_blockdev_ops *ops;
    char name[256]; /* for messages: the path */
};

enum { HAL_BD_CREATE = 1, HAL_BD_READONLY = 2, HAL_BD_EXCLUSIVE = 4 };
/* Opens a file or block device.  HAL_BD_EXCLUSIVE takes an advisory lock;
 * -EBUSY if another process holds it. */
int hal_blockdev_open(const char *path, int flags, hal_blockdev **out);
/* After hal_blockdev_open(name) failed with rc in this thread: why, in
 * words (for an NBD URI, what the connection said), into buf. */
const char *hal_blockdev_open_why(const char *name, int rc, char *buf, size_t len);
/* write_durable, or write then flush where the device has no such op. */
int hal_blockdev_write_durable(hal_blockdev *d, const void *buf, size_t len, uint64_t off);
/* Whether this build can open NBD URIs (libnbd was found when it was
 * built); without it hal_blockdev_open of one is -EPROTONOSUPPORT. */
bool hal_blockdev_nbd_supported(void);
/* Whether name may name an existing device: a path that exists, or an NBD
 * URI (whether its export exists only a connection can tell). */
bool hal_blockdev_exists(const char *name);
bool hal_path_exists(const char *path);
/* Bytes free for this process on the file system that holds path (or, if
 * path does not exist yet, its directory); 0 if unknown (an NBD URI). */
uint64_t hal_free_disk_space(const char *path);
int hal_remove(const char *path);
/* Renames atomically, refusing to replace an existing file (-EEXIST), and
 * makes the rename durable (flushes the directory). */
int hal_rename_durable(const char *from, const char *to);

/* ---- console ------------------------------------------------------------- */

void hal_console_write(int stream, const char *buf, size_t len); /* 1 out, 2 err */
void hal_console_printf(int stream, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void hal_console_vprintf(int stream, const char *fmt, va_list ap);
bool hal_console_is_tty(int stream);
/* Reads one line from standard input into buf (NUL-terminated, newline
 * kept if it fit).  Returns its length, 0 at end of input, -errno on error. */
long hal_console_read_line(char *buf, size_t cap);
/* Reads one whole line of standard input, of any length up to max bytes,
 * into *line (malloc'd, NUL-terminated, newline kept if there was one; the
 * caller frees it).  Returns its length, 0 at end of input (*line NULL),
 * -E2BIG if the line is longer than max (it is read to its end and dropped:
 * the next call starts at the next line, *line NULL), -ENOMEM, -errno. */
long hal_console_read_whole_line(char **line, size_t max);
/* Waits up to timeout_ms for standard input to have something to read
 * (or its end): 1 ready, 0 not yet, or -errno. */
int hal_console_wait_input(int timeout_ms);

/* ---- line editing (lineedit.c): the interactive shell's editor --------------- *
 *
 * With libedit (PHANTOM_HAVE_LIBEDIT, found by pkg-config at build time):
 * emacs keys (rebindable in ~/.editrc), lines wider than the terminal,
 * history recall and search (Ctrl-R), Tab completion, and output of other
 * threads written above the line being typed, which is then drawn again.
 * Without it: the terminal's own line discipline (a plain read of a line:
 * Backspace, Ctrl-U, Ctrl-W), no recall, output written as it comes.
 * Standard input and output must be a terminal.  One editor at a time. */
typedef struct hal_lineedit hal_lineedit;

enum hal_lineedit_result {
    HAL_LE_LINE = 0,    /* *line holds the line (malloc'd, no newline) */
    HAL_LE_EOF = 1,     /* Ctrl-D on an empty line, or end of input */
    HAL_LE_CANCEL = 2,  /* Ctrl-C: the line was abandoned */
    HAL_LE_STOP = 3,    /* stop() said so */
};

/* Completion: `before` is the text before the cursor.  fn calls
 * add(actx, candidate) for every word that could replace its last `len`
 * bytes, and returns len (the word being completed). */
typedef size_t hal_lineedit_complete_fn(void *ctx, const char *before, void (*add)(void *actx, const char *cand),
                                        void *actx);

/* Whether this build edits lines (libedit), or reads them plainly. */
bool hal_lineedit_has_editing(void);
/* NULL if out of memory or the terminal cannot be set up. */
hal_lineedit *hal_lineedit_open(hal_lineedit_complete_fn *complete, void *complete_ctx);
/* Restores the terminal. */
void hal_lineedit_close(hal_lineedit *le);
/* Reads a line after prompt.  stop is polled (every 100 ms at most) while
 * waiting for keys; when it returns true the read ends with HAL_LE_STOP. */
int hal_lineedit_read(hal_lineedit *le, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx);
/* Adds an entry (a multi-line one too) to the history that Up and Ctrl-R
 * go through. */
void hal_lineedit_history_add(hal_lineedit *le, const char *entry);
/* Any thread: writes s to stream (1 out, 2 err).  While a line is read
 * it appears above that line, ended by a newline if it had none. */
void hal_lineedit_write(hal_lineedit *le, int stream, const char *s, size_t n);

/* An environment variable, or NULL. */
const char *hal_getenv(const char *name);

/* ---- whole files (programs, class files) ------------------------------------ */

/* Reads a whole regular file into a malloc'd buffer (NUL-terminated for
 * convenience, not counted in *len).  -EFBIG if larger than max bytes,
 * -EISDIR for a directory, else -errno. */
int hal_file_read_all(const char *path, size_t max, uint8_t **out, size_t *len);
/* Writes a whole file atomically (temporary file, flush, rename). */
int hal_file_write_all(const char *path, const void *buf, size_t len);
/* Appends buf to a file (created if missing) in one write, so appenders
 * do not interleave; not flushed to the disk. */
int hal_file_append(const char *path, const void *buf, size_t len);
/* Whether path is a regular file only its owner may read or write (a key
 * file): 0; -EACCES if its group or others have any access to it; -errno. */
int hal_file_private(const char *path);
/* Calls fn for every entry of a directory (not . and ..), sorted by name.
 * is_dir tells subdirectories. */
int hal_dir_list(const char *path, void (*fn)(void *ctx, const char *name, bool is_dir), void *ctx);
bool hal_is_dir(const char *path);
/* Creates a directory and any missing parents (mkdir -p); 0 if it already
 * is one, -ENOTDIR if the path (or a parent) is something else. */
int hal_make_dirs(const char *path);

/* ---- Unicode characters (unicode.c) ------------------------------------------
 * Classes and simple (one to one) case mapping of Unicode code points, from
 * the host C library's tables.  Thread-safe.  Code points below 128 follow
 * ASCII on any host; hal_unicode_tables() is false when the host has no
 * tables for the others (they then have no class and map to themselves,
 * except the decimal digits, which are always known). */
enum {
    HAL_CH_LETTER = 1,   /* alphabetic: Unicode's Alphabetic property (letters, letter numbers such as U+2167, some marks) */
    HAL_CH_DIGIT = 2,    /* a decimal digit of any script (general category Nd); never a letter */
    HAL_CH_SPACE = 4,    /* white space (not the no-break spaces U+00A0, U+2007, U+202F) */
    HAL_CH_UPPER = 8,    /* upper case (and title case) */
    HAL_CH_LOWER = 16,   /* lower case (and title case) */
};
unsigned hal_char_classes(uint32_t cp);   /* HAL_CH_* bits */
/* The value 0-9 of a decimal digit of any script, else -1. */
int hal_char_digit(uint32_t cp);
uint32_t hal_char_upper(uint32_t cp);    /* itself if it has no single upper case form ('ß') */
uint32_t hal_char_lower(uint32_t cp);
bool hal_unicode_tables(void);

/* ---- time zones (tzone.c) -------------------------------------------------------
 * The host's time zone database, read by the HAL itself: the TZif files
 * (RFC 8536) under hal_tz_dir(), including the POSIX TZ rule of their
 * footer for instants past their table.  Never the process's TZ setting
 * (localtime's), so threads may ask about any zones at once. */
#define HAL_TZ_NAME 256   /* longest zone name, with its NUL */
#define HAL_TZ_ABBR 16    /* longest abbreviation kept, with its NUL */
typedef struct hal_tz_local {
    int32_t utoff;            /* seconds east of UTC */
    bool dst;                 /* daylight saving time */
    char abbr[HAL_TZ_ABBR];   /* "CET", "EDT", "+0530" (cut to fit) */
} hal_tz_local;
/* The local time type of zone `name` ("Europe/Berlin") at t seconds since
 * 1970-01-01 UTC.  0; -EINVAL: not a zone name (empty, absolute, a "." or
 * ".." component, characters other than letters, digits, . _ + - /);
 * -ENOENT: the host has no such zone; -EILSEQ: its file is not TZif;
 * -ENOTSUP: a zone that counts leap seconds (right/...); else -errno. */
int hal_tz_local_at(const char *name, int64_t t, hal_tz_local *out);
/* Where zones are read from: $TZDIR if absolute, else /usr/share/zoneinfo. */
const char *hal_tz_dir(void);
/* The host's own zone's name: $TZ if it names a zone (":Europe/Berlin"
 * or "Europe/Berlin"), else the zone /etc/localtime links to.  0, or
 * -ENOENT (no such link, or one that names no zone), -EINVAL, -errno. */
int hal_tz_host_zone(char *name, size_t cap);
/* ---- network (net.c) -------------------------------------------------------
 *
 * Sockets are non-blocking host handles (hal_sock >= 0): an operation that
 * would wait returns -EAGAIN (connect: -EINPROGRESS), and a poller says
 * when to try again.  Addresses are numeric (IPv4 or IPv6); names become
 * addresses through hal_net_resolve, which blocks (call it on a helper
 * thread, never where a wait would stall others).  Errors are the HAL's
 * negative codes (-ECONNREFUSED, -ECONNRESET, -EADDRINUSE, ...), plus the
 * two below for name lookups; hal_strerror knows them all.  No call raises
 * SIGPIPE: a write to a connection the peer closed gives -EPIPE.
 */
typedef int hal_sock;
#define HAL_E_NONAME (-3001)     /* the name does not exist */
#define HAL_E_NAMEFAIL (-3002)   /* the lookup itself failed (no resolver reachable) */
typedef struct hal_netaddr {
    uint8_t family;              /* 4 or 6 */
    uint8_t pad;
    uint16_t port;               /* host byte order */
    uint8_t ip[16];              /* network order; 4 bytes for IPv4 */
} hal_netaddr;
#define HAL_NETADDR_TEXT 48      /* room for any address's text, with the port */

/* A numeric address: "127.0.0.1", "::1", "[::1]", or "" / "*" for every
 * local IPv4 address.  -EINVAL if host is not one. */
int hal_net_addr_parse(const char *host, uint16_t port, hal_netaddr *out);
/* The address without its port ("127.0.0.1", "::1"). */
void hal_net_addr_text(const hal_netaddr *a, char *buf, size_t cap);
/* Resolves name (a host name or a numeric address) into up to max
 * addresses, IPv4 first.  Returns how many (>= 1), HAL_E_NONAME,
 * HAL_E_NAMEFAIL or another code.  Blocks. */
int hal_net_resolve(const char *name, uint16_t port, hal_netaddr *out, int max);
/* A TCP socket listening on a (SO_REUSEADDR: a restarted process listens
 * again at once on the address its predecessor held). */
int hal_net_listen(const hal_netaddr *a, int backlog, hal_sock *out);
/* A waiting connection; -EAGAIN if none.  peer may be NULL. */
int hal_net_accept(hal_sock l, hal_sock *out, hal_netaddr *peer);
/* Starts a TCP connection: 0 (connected already), or -EINPROGRESS with
 * *out set (wait until writable, then ask hal_net_connect_status); any
 * other code leaves *out unset. */
int hal_net_connect(const hal_netaddr *a, hal_sock *out);
/* After a connect became writable: 0 if connected, else its error. */
int hal_net_connect_status(hal_sock s);
/* A UDP socket bound to a (port 0: any free port). */
int hal_net_udp_open(const hal_netaddr *a, hal_sock *out);
/* Bytes sent or received (recv: 0 at the end of the stream), -EAGAIN, or
 * another code. */
long hal_net_send(hal_sock s, const void *buf, size_t n);
long hal_net_recv(hal_sock s, void *buf, size_t n);
long hal_net_sendto(hal_sock s, const void *buf, size_t n, const hal_netaddr *to);
long hal_net_recvfrom(hal_sock s, void *buf, size_t n, hal_netaddr *from);
int hal_net_local_addr(hal_sock s, hal_netaddr *out);
int hal_net_peer_addr(hal_sock s, hal_netaddr *out);
/* Ends the sending side (the peer reads end of stream). */
int hal_net_shutdown_write(hal_sock s);
void hal_net_close(hal_sock s);
/* For helper threads that may block: waits up to timeout_ms for s to be
 * ready for events (HAL_POLL_IN / HAL_POLL_OUT).  Returns the events
 * ready (HAL_POLL_ERR included), 0 on timeout, or a code. */
int hal_net_wait(hal_sock s, uint32_t events, int timeout_ms);

/* A poller: waits for many sockets at once (epoll on Linux).  Each
 * registered socket carries a token that its events report.  Interest is
 * one-shot: once a socket's event is reported, it is disarmed until
 * hal_poller_set asks again (so a socket nobody reads cannot make the
 * waiter spin).  HAL_POLL_ERR (an error or hang-up) is reported with any
 * interest.  hal_poller_wake, from any thread, ends a wait early. */
typedef struct hal_poller hal_poller;
enum { HAL_POLL_IN = 1u, HAL_POLL_OUT = 2u, HAL_POLL_ERR = 4u };
typedef struct hal_poll_event {
    uint64_t token;
    uint32_t events;
} hal_poll_event;
int hal_poller_open(hal_poller **out);
void hal_poller_close(hal_poller *p);
/* Registers s (events 0: registered, disarmed), or arms it for events. */
int hal_poller_add(hal_poller *p, hal_sock s, uint32_t events, uint64_t token);
int hal_poller_set(hal_poller *p, hal_sock s, uint32_t events, uint64_t token);
void hal_poller_remove(hal_poller *p, hal_sock s);
/* Waits up to timeout_ms (negative: forever) for events; returns how many
 * it stored (0: timeout or woken), or a code. */
int hal_poller_wait(hal_poller *p, hal_poll_event *ev, int max, int timeout_ms);
void hal_poller_wake(hal_poller *p);

/* ---- local sockets (unixsock.c) --------------------------------------------
 *
 * Unix domain stream sockets named by a path, non-blocking like the
 * others (hal_net_accept, _send, _recv, _wait, _close work on them).
 */
/* Listens at path, owner-only (mode 0600).  A socket file left there by a
 * process that died (nothing answers a connect) is replaced; one a live
 * process serves gives -EADDRINUSE; a file that is not a socket -EEXIST;
 * a path too long for a socket -ENAMETOOLONG. */
int hal_unix_listen(const char *path, hal_sock *out);
/* Connects to path: 0, or -ENOENT (no socket), -ECONNREFUSED (nothing
 * listens: a stale file), -EACCES, -EAGAIN (the server's queue is full). */
int hal_unix_connect(const char *path, hal_sock *out);
/* The user id of the process at the other end of a connected socket. */
int hal_unix_peer_uid(hal_sock s, uint32_t *uid);
/* Removes the socket file at path (-EEXIST if it is not a socket). */
int hal_unix_remove(const char *path);
uint32_t hal_getuid(void);

/* ---- process ------------------------------------------------------------- */

uint64_t hal_random_u64(void);        /* from the host's entropy source */
/* n bytes from the host's cryptographic entropy source (never a weaker
 * fallback): 0, or -errno. */
int hal_random_bytes(void *buf, size_t n);
int hal_getpid(void);
_Noreturn void hal_exit(int code);
/* Calls fn(ctx) when the user interrupts the process (Ctrl-C: SIGINT) or
 * asks it to end (SIGTERM).  fn runs in a signal handler: it may only set
 * flags (atomics).  A second interrupt ends the process at once (status
 * 130).  NULL restores the default. */
void hal_on_interrupt(void (*fn)(void *ctx), void *ctx);
/* ---- crash evidence (signals.c) ------------------------------------------
 *
 * A note that outlives a crash of the process but not a clean end.
 * hal_crash_note_arm writes `text` to a new file at path (replacing one
 * there; not flushed to disk: it is evidence of the process dying, not the
 * machine) and keeps it open.  From then on a fatal fault of the process
 * (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) first appends the line
 * "crashed: signal N (what)" to it, then the process dies of that fault as
 * it would have (a handler installed before, such as a sanitizer's, still
 * runs).  kill -9 and a power cut add no line: that is how a reader tells
 * a crash from a kill.  One note per process; arming again replaces it.
 * 0 or -errno (the note is then not armed). */
int hal_crash_note_arm(const char *path, const char *text);
/* Stops noting crashes and removes the armed note's file. */
void hal_crash_note_remove(void);

/* Immediate exit without cleanup: safe from fault handlers and other
 * threads (no atexit handlers, no stdio flushing). */
_Noreturn void hal_exit_now(int code);
_Noreturn void hal_abort(void);       /* hal_exit_now(134) */

#endif
