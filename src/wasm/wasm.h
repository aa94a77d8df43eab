/*
 * wasm.h - the WebAssembly front end and engine (docs/WASM.md).
 *
 * Three parts, none of which touches the host or the VM directly:
 *
 *  1. Loading (wa_load): decodes a binary module, validates it per the
 *     WebAssembly 1.0 specification plus sign extension, mutable globals,
 *     non-trapping float-to-int, bulk memory and multi-value, and
 *     translates every function into a pre-decoded internal form (branch
 *     targets resolved, immediates decoded, stack heights known).  The
 *     result is one flat, position-independent block: the *image*.  An
 *     invalid module is refused with "function N, offset 0xOFF: rule".
 *
 *  2. Execution (wa_exec_*): runs an image on state that the caller keeps
 *     in plain memory blocks it owns: the state block (registers,
 *     globals, table), the value stack, the call frames and the linear
 *     memory.  The VM keeps these blocks in the persistent world
 *     (src/vm/native/n_wasm.c), so a snapshot captures a running program
 *     whenever wa_exec_run has returned.  wa_exec_run returns to its
 *     caller to yield (budget spent or a stop requested), to have a block
 *     grown, for a host call, at the end and at a trap; the state is
 *     consistent at every return.
 *
 *  3. WASI preview 1 (wa_wasi_call): the host calls a command module
 *     imports, through the services in wa_host.
 *
 *  4. Libraries (wa_load_library, wa_call_begin): a module loaded as a
 *     library runs its start function and `_initialize`, then waits,
 *     IDLE; each call of one of its function exports runs like a
 *     program, in slices, until the instance is IDLE again with the
 *     results on the stack.
 *
 * Error model: loading fills a wa_error and returns -1; execution returns
 * a wa_exit code and keeps the trap in the state block.
 */
#ifndef PHANTOM_WASM_H
#define PHANTOM_WASM_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WA_PAGE 65536u
/* Linear memory is at most this many pages (1 GiB, the size of the VM's
 * largest binary), whatever the module declares. */
#define WA_MAX_PAGES 16384u
/* Limits that keep a hostile module from asking for absurd memory. */
#define WA_MAX_MODULE (8u << 20)
#define WA_MAX_STACK_SLOTS (1u << 22)   /* value stack: 32 MiB */
#define WA_MAX_FRAMES (1u << 18)        /* nested calls */

typedef struct wa_error {
    char msg[320];
} wa_error;

/* ---- loading ------------------------------------------------------------------ */

/* Decodes, validates and translates the module bytes[0, len).  0 with
 * *image (malloc'd, *image_len bytes), or -1 with err. */
int wa_load(const uint8_t *bytes, size_t len, uint8_t **image, size_t *image_len, wa_error *err);

/* The same for a library: no `_start` is needed; `_initialize`, if
 * exported, must be [] -> []. */
int wa_load_library(const uint8_t *bytes, size_t len, uint8_t **image, size_t *image_len, wa_error *err);

/* The image's own check before an image kept in the world is run by this
 * build: magic, version and size.  false if it is not one. */
bool wa_image_ok(const uint8_t *image, size_t len);
/* An image an older build translated (its internal form is one this
 * build does not run): its version; 0 if it is not one. */
uint32_t wa_image_older(const uint8_t *image, size_t len);
bool wa_image_is_library(const uint8_t *image);

/* Function exports: name (name_len bytes, NUL-terminated too), np
 * parameter then nr result types. */
typedef struct wa_export {
    const char *name;
    uint32_t name_len, np, nr;
    const uint8_t *types;          /* the binary's value type codes: 0x7F i32, 0x7E i64, 0x7D f32, 0x7C f64 */
} wa_export;
enum { WA_T_I32 = 0x7F, WA_T_I64 = 0x7E, WA_T_F32 = 0x7D, WA_T_F64 = 0x7C };
uint32_t wa_export_count(const uint8_t *image);
void wa_export_get(const uint8_t *image, uint32_t i, wa_export *out);
/* The export's index, or -1. */
int64_t wa_export_find(const uint8_t *image, const char *name, size_t len);

/* ---- the state blocks ------------------------------------------------------------ */

/* Sizes of the blocks an image needs to start: the state block and the
 * linear memory (its initial pages), in bytes. */
size_t wa_state_bytes(const uint8_t *image);
uint64_t wa_memory_bytes(const uint8_t *image);
#define WA_STACK_INITIAL_SLOTS 16384u
#define WA_FRAMES_INITIAL 256u
#define WA_FRAME_BYTES 8u

/* What wa_exec_run works on.  The caller fills it from its blocks before
 * every run (the blocks may have moved since). */
typedef struct wa_exec {
    const uint8_t *image;
    uint8_t *state;                /* wa_state_bytes(image), zeroed before wa_instantiate */
    uint64_t *stack;
    uint32_t stack_slots;
    uint32_t *frames;              /* WA_FRAME_BYTES each */
    uint32_t frames_cap;
    uint8_t *mem;
    uint64_t mem_bytes;            /* the block's size: at least the memory's current size */
    const atomic_int *stop;        /* nonzero: return at the next safepoint */
    uint32_t budget;               /* safepoints (loop iterations, calls) before yielding */
} wa_exec;

/* Sets up a new instance: globals, table, data and element segments, and
 * the call of the start function then `_start`.  -1 with err when a
 * segment does not fit (the instance must not run). */
int wa_instantiate(wa_exec *x, wa_error *err);

enum wa_exit {
    WA_X_YIELD = 0,      /* budget spent or stop requested: call again */
    WA_X_DONE = 1,       /* ended: wa_exit_code() */
    WA_X_TRAP = 2,       /* trapped: wa_trap_message() */
    WA_X_HOST = 3,       /* a call of an import: wa_wasi_call, then run again */
    WA_X_GROW_STACK = 4, /* grow the stack to wa_want_stack_slots() and the frames to wa_want_frames() */
    WA_X_GROW_MEM = 5,   /* grow the memory block to wa_want_mem_bytes(), or wa_mem_grow_failed() */
    WA_X_AGAIN = 6,      /* wa_wasi_call: the call is answered, run again now */
    WA_X_WAIT = 7,       /* wa_wasi_call: the host parked the program (input, a sleep) */
};
int wa_exec_run(wa_exec *x);
/* A library instance waits for a call (wa_exec_finished is also true). */
bool wa_exec_idle(const wa_exec *x);
/* Starts a call of export i of an IDLE library instance with its np
 * arguments (i32 zero-extended, f32 and f64 as their bits); run it with
 * wa_exec_run until it is IDLE again (WA_X_DONE), then its nr results
 * are wa_call_results()[0 .. nr).  -1 with err if the instance is not
 * IDLE or its stack cannot hold the arguments. */
int wa_call_begin(wa_exec *x, uint32_t i, const uint64_t *args, wa_error *err);
/* ... and *export_index is the export called (-1: no call has begun). */
const uint64_t *wa_call_results(const wa_exec *x, int64_t *export_index);
/* A library call trapped (its message is wa_trap_message): the instance
 * is IDLE again, its memory and globals as the trap left them. */
void wa_call_recover(wa_exec *x);
bool wa_exec_trapped(const wa_exec *x);
/* The linear memory's current size in bytes. */
uint64_t wa_memory_size(const wa_exec *x);
/* The program has ended (exited or trapped): nothing more to run. */
bool wa_exec_finished(const wa_exec *x);
/* The most the memory block may grow to: the module's maximum, in bytes. */
uint64_t wa_max_memory_bytes(const uint8_t *image);

int wa_exit_code(const wa_exec *x);
uint32_t wa_want_stack_slots(const wa_exec *x);
uint32_t wa_want_frames(const wa_exec *x);
uint64_t wa_want_mem_bytes(const wa_exec *x);
/* The memory block could not grow: the pending memory.grow returns -1. */
void wa_mem_grow_failed(wa_exec *x);
/* "integer divide by zero in function 12 'main' at offset 0x1a3" */
void wa_trap_message(const wa_exec *x, char *buf, size_t len);

/* ---- WASI ---------------------------------------------------------------------------- */

/* WASI errno values (wasi_snapshot_preview1), the results of WASI calls
 * and of the host's file system (wa_files). */
enum wa_errno {
    WA_E_SUCCESS = 0, WA_E_BADF = 8, WA_E_BUSY = 10, WA_E_EXIST = 20, WA_E_FAULT = 21, WA_E_FBIG = 22,
    WA_E_INVAL = 28, WA_E_IO = 29, WA_E_ISDIR = 31, WA_E_MFILE = 33, WA_E_NAMETOOLONG = 37, WA_E_NOENT = 44,
    WA_E_NOMEM = 48, WA_E_NOSYS = 52, WA_E_NOTDIR = 54, WA_E_NOTEMPTY = 55, WA_E_SPIPE = 70,
};

/* WASI flags the host's file system reads. */
#define WA_OFLAG_CREAT 1u
#define WA_OFLAG_DIRECTORY 2u
#define WA_OFLAG_EXCL 4u
#define WA_OFLAG_TRUNC 8u
#define WA_FDFLAG_APPEND 1u
#define WA_RIGHT_FD_READ (UINT64_C(1) << 1)
#define WA_RIGHT_FD_WRITE (UINT64_C(1) << 6)
#define WA_RIGHTS_ALL ((UINT64_C(1) << 29) - 1)

/* What a file descriptor is (WASI's filetype values). */
enum { WA_FT_UNKNOWN = 0, WA_FT_CHAR = 2, WA_FT_DIR = 3, WA_FT_FILE = 4 };

typedef struct wa_filestat {
    uint8_t filetype;
    uint64_t ino, nlink, size, mtim_ns;
} wa_filestat;

/* One directory entry for fd_readdir: false stops the listing. */
typedef bool wa_dirent_fn(void *arg, uint64_t next, uint64_t ino, uint8_t filetype, const char *name, size_t len);

/* Files (descriptors 3 and up): the host's file system.  Paths are bytes
 * (not NUL-terminated) relative to directory descriptor fd.  Flags are
 * WASI's (oflags, fdflags, rights).  Every call returns a WASI errno. */
typedef struct wa_files {
    /* The name of preopened directory fd, or WASI EBADF when fd is not one. */
    int (*prestat)(void *ctx, uint32_t fd, const char **name);
    int (*open)(void *ctx, uint32_t fd, const char *path, size_t len, uint32_t oflags, uint64_t rights,
                uint32_t fdflags, uint32_t *opened);
    int (*close)(void *ctx, uint32_t fd);
    /* at < 0: at the descriptor's position, advancing it. */
    int (*read)(void *ctx, uint32_t fd, uint8_t *p, size_t n, int64_t at, size_t *got);
    int (*write)(void *ctx, uint32_t fd, const uint8_t *p, size_t n, int64_t at);
    int (*seek)(void *ctx, uint32_t fd, int64_t delta, uint32_t whence, uint64_t *pos);
    int (*fdstat)(void *ctx, uint32_t fd, uint8_t *filetype, uint16_t *fdflags, uint64_t *rights);
    int (*filestat)(void *ctx, uint32_t fd, wa_filestat *st);
    int (*set_size)(void *ctx, uint32_t fd, uint64_t size);
    /* Entries from position cookie on, each with the cookie of the next. */
    int (*readdir)(void *ctx, uint32_t fd, uint64_t cookie, wa_dirent_fn *emit, void *arg);
    int (*path_stat)(void *ctx, uint32_t fd, const char *path, size_t len, wa_filestat *st);
    int (*mkdir)(void *ctx, uint32_t fd, const char *path, size_t len);
    int (*unlink)(void *ctx, uint32_t fd, const char *path, size_t len);
    int (*rmdir)(void *ctx, uint32_t fd, const char *path, size_t len);
    int (*rename)(void *ctx, uint32_t fd, const char *path, size_t len, uint32_t fd2, const char *path2,
                  size_t len2);
} wa_files;

/* The host services WASI calls use.  write/read are the console (fd 1
 * and 2, fd 0): read returns a count, 0 at end of input, a negative
 * error, or WA_READ_WAIT: the host has started the read and parked the
 * program (wa_wasi_call returns WA_X_WAIT), and the call is made again
 * when the host runs the program next, when the input has come. */
#define WA_READ_WAIT (-100000L)
typedef struct wa_host {
    void *ctx;
    void (*write)(void *ctx, int fd, const uint8_t *p, size_t n);
    long (*read)(void *ctx, uint8_t *p, size_t n);
    bool (*is_tty)(void *ctx, int fd);
    uint64_t (*now_wall_ns)(void *ctx);
    int (*random)(void *ctx, void *p, size_t n);
    /* Parks the program until wall-clock time wall_ns (poll_oneoff's
     * sleep; wa_wasi_call then returns WA_X_WAIT): 0, or a WASI errno
     * (the sleep then fails with it). */
    int (*sleep_until)(void *ctx, uint64_t wall_ns);
    const wa_files *files;         /* NULL: no file system (every descriptor above 2 is EBADF) */
    const char *args;              /* argc NUL-terminated strings, back to back */
    uint32_t args_len, argc;
} wa_host;

/* Performs the host call wa_exec_run returned WA_X_HOST for: WA_X_AGAIN
 * (answered: run again), WA_X_WAIT (the host parked the program: still
 * pending, made again when the host runs it next), WA_X_DONE (proc_exit)
 * or WA_X_TRAP. */
int wa_wasi_call(wa_exec *x, const wa_host *h);

/* ---- the driver ------------------------------------------------------------------------- */

/* Phantom assembly (docs/BYTECODE.md) of the class that runs a module:
 * class `.wasm.mCRC` (CRC: of the module's bytes) whose static
 * main(args) instantiates the module (its bytes are a hex constant) with
 * the program name `name` (argv[0], also the source name) and args, and steps it until it ends.  A
 * malloc'd NUL-terminated text, or NULL out of memory; *cls is set to the
 * class name (static storage until the next call). */
char *wa_driver_source(const uint8_t *bytes, size_t len, const char *name, const char **cls);

#endif
