/*
 * wa_internal.h - shared by the files of src/wasm/: the decoded module
 * (host memory, while loading), the image (the flat form the engine
 * runs), the state block, and the internal instruction set.
 */
#ifndef PHANTOM_WASM_INTERNAL_H
#define PHANTOM_WASM_INTERNAL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

/* Linear memory, images and state blocks hold little-endian values,
 * read and written with plain loads and stores. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the WebAssembly engine needs a little-endian host"
#endif

/* Value types (their binary encodings). */
enum { WA_I32 = 0x7F, WA_I64 = 0x7E, WA_F32 = 0x7D, WA_F64 = 0x7C, WA_FUNCREF = 0x70, WA_EXTERNREF = 0x6F };

/* ---- reading the binary (wa_read.c) ----------------------------------------------- */

typedef struct wa_reader {
    const uint8_t *base;   /* the module's first byte (offsets in messages count from it) */
    const uint8_t *p, *end;
    wa_error *err;
    int64_t func;          /* function index for messages, -1 outside code */
    bool failed;
} wa_reader;

/* Each fails (sets err once, returns 0) on truncated or malformed input. */
uint8_t wa_rd_u8(wa_reader *r);
uint32_t wa_rd_u32(wa_reader *r);
int32_t wa_rd_s32(wa_reader *r);
int64_t wa_rd_s64(wa_reader *r);
uint32_t wa_rd_fixed32(wa_reader *r);
uint64_t wa_rd_fixed64(wa_reader *r);
/* A name: valid UTF-8 of u32 length; *out points into the input. */
const uint8_t *wa_rd_name(wa_reader *r, uint32_t *len);
/* A count of items each at least min_bytes long: refused when the rest
 * of the input cannot hold that many (keeps allocations bounded). */
uint32_t wa_rd_count(wa_reader *r, uint32_t min_bytes);
size_t wa_rd_offset(const wa_reader *r);
/* Fails with "function N, offset 0xOFF: msg" (or "offset 0xOFF: msg");
 * returns 0 for convenience.  Only the first failure is kept. */
int wa_fail(wa_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int wa_fail_at(wa_reader *r, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *wa_type_name(uint8_t t);
bool wa_is_valtype(uint8_t t);

/* ---- the decoded module (wa_decode.c) ------------------------------------------------ */

typedef struct wa_functype {
    uint32_t np, nr;
    uint8_t t[];            /* np params then nr results */
} wa_functype;

typedef struct wa_fdecl {
    uint32_t type;
    bool imported;
    const uint8_t *imp_mod, *imp_name;
    uint32_t imp_mod_len, imp_name_len;
    const uint8_t *body;    /* code section: the body (locals + instructions) */
    uint32_t body_len;
    const uint8_t *name;    /* name section, or NULL */
    uint32_t name_len;
} wa_fdecl;

typedef struct wa_gdecl {
    uint8_t type, mut;
    uint64_t init;
} wa_gdecl;

enum { WA_SEG_ACTIVE = 0, WA_SEG_PASSIVE = 1, WA_SEG_DECLARATIVE = 2 };

typedef struct wa_edecl {
    uint8_t mode;
    uint32_t offset;        /* active: in the table */
    uint32_t n;
    uint32_t *funcs;        /* n function indices; UINT32_MAX: null */
} wa_edecl;

typedef struct wa_ddecl {
    uint8_t mode;
    uint32_t offset;        /* active: in memory */
    uint32_t len;
    const uint8_t *bytes;
} wa_ddecl;

/* A function export (other kinds are not kept). */
typedef struct wa_xdecl {
    const uint8_t *name;
    uint32_t len, func;
} wa_xdecl;

typedef struct wa_mod {
    const uint8_t *bytes;
    size_t len;
    uint32_t ntypes, nfuncs, nimports, nglobals, nelems, ndatas;
    wa_functype **types;
    uint32_t *canon;        /* type index -> index of the first equal type */
    wa_fdecl *funcs;
    wa_gdecl *globals;
    wa_edecl *elems;
    wa_ddecl *datas;
    bool has_table, has_mem, has_datacount;
    uint32_t table_min, table_max, mem_min, mem_max, datacount;
    uint32_t start;         /* UINT32_MAX: none */
    uint32_t entry;         /* the `_start` export */
    uint32_t initialize;    /* the `_initialize` export (a WASI reactor's), UINT32_MAX: none */
    uint32_t nexports;      /* function exports */
    wa_xdecl *exports;
    bool *declared;         /* functions that may be referenced (elements, exports) */
} wa_mod;

/* A command must export `_start` of type [] -> []; a library need not
 * (its exports are called by Phantom code: wa_call_begin). */
int wa_decode(wa_mod *m, const uint8_t *bytes, size_t len, bool library, wa_error *err);
void wa_mod_free(wa_mod *m);

/* ---- the internal instruction set ----------------------------------------------------
 *
 * A register form: code is an array of 32-bit words, an opcode then its
 * operands, and every operand is a slot index into the frame (the
 * function's locals, then one slot per operand stack height: the
 * translator knows every height, so a value's slot is known when the
 * code is made).  An opcode is the WebAssembly opcode where the meaning
 * is the same (0x00 to 0xC4), 0x100 + n for the 0xFC-prefixed
 * instruction n, and the internal ones below.  d: the destination slot;
 * a, b, c, s: source slots; k: an i32 immediate; base: the first of the
 * slots an instruction's operands (a call's arguments) occupy.  Targets
 * are word indices into the image's code.
 *
 *   binary numeric      op d a b          unary numeric   op d a
 *   loads 0x28..0x35    op d a offset     stores          op a s offset
 *   0x20 (move)         d s               0x41 / 0x42     d k / d low high
 *   0x23 global.get     d g               0x24 global.set g s
 *   0x3F memory.size    d                 0x40 memory.grow d s
 *   0x1B select         d a b c           0x03 loop       (the header: a safepoint)
 *   0x0C br             target            0x0D br_if      target c
 *   0x0E br_table       n i src, then n + 1 of (target, dst, arity): moves
 *                       arity values from src to dst when they differ
 *   0x0F return         n src             0x10 call       func base
 *   0x11 call_indirect  canonical-type base i
 *   0x108 memory.init, 0x10C table.init: seg base; 0x109, 0x10D: seg;
 *   0x10A, 0x10B, 0x10E: base (d, s or value, n in base .. base + 2)
 *
 * local.get and constants emit nothing: the translator hands the local's
 * slot (or the constant, in a K form) to the instruction that uses it;
 * local.set and local.tee after an instruction become its destination. */
enum {
    WA_OP_BR_DROP = 0xE0,      /* target dst src n: move n values, then branch */
    WA_OP_BR_IF_DROP = 0xE1,   /* target dst src n c */
    WA_OP_BR_UNLESS = 0xE2,    /* target c: branch when c is zero */
    WA_OP_EXIT = 0xE3,         /* the entry stub's end */
    WA_OP_IDLE = 0xE4,         /* a library's stubs' end: the instance waits for a call */
    /* d a k: an i32 binary instruction op (0x46..0x78) with a constant
     * second operand is WA_OP_K + (op - 0x46) (wa_fuse.c: which have one) */
    WA_OP_K = 0x120,
    /* target a b: i32.eq .. i32.ge_u (0x46..0x4F) then br_if; _K: target a k */
    WA_OP_BR_CMP = 0x160,
    WA_OP_BR_CMP_K = 0x170,      /* WA_OP_BR_CMP + 0x10 (so for i64) */
    /* a load (0x28..0x35) or store (0x36..0x3E) whose address is an
     * i32.add of two slots: d a b offset (loads), a b value offset */
    WA_OP_LOAD_ADD = 0x180,
    WA_OP_STORE_ADD = 0x190,
    /* the same with an i32.add of a slot and a constant: d a k offset,
     * a k value offset */
    WA_OP_LOAD_ADDK = 0x1A0,
    WA_OP_STORE_ADDK = 0x1B0,
    /* i64: an instruction op (0x51..0x8A) with a constant second operand
     * that fits in 32 bits (sign-extended) is WA_OP_K64 + (op - 0x51);
     * i64.eq .. i64.ge_u (0x51..0x5A) then br_if, as for i32 */
    WA_OP_K64 = 0x1C0,
    WA_OP_BR_CMP64 = 0x200,
    WA_OP_BR_CMP64_K = 0x210,
    /* a load or store at a constant address: d k offset, k value offset */
    WA_OP_LOAD_ABS = 0x220,
    WA_OP_STORE_ABS = 0x230,
    WA_OP_COUNT = 0x240,
};

/* ---- the image ------------------------------------------------------------------------ */

#define WA_IMAGE_MAGIC 0x4d494157u   /* "WAIM" */
/* 2: the exports table, library images.  A version 1 image (a command,
 * made by an older build and kept in a world) has the shorter header of
 * the fields up to `nexports`, and no exports.  3: the register form
 * (above); images of versions 1 and 2 hold the stack form this build no
 * longer runs, and are refused (wa_image_older). */
#define WA_IMAGE_VERSION 3u

typedef struct wa_ifunc {
    uint32_t pc;             /* first word of its code; imports: 0 */
    uint32_t np, nr, nlocals;/* nlocals counts the parameters */
    uint32_t max_height;     /* locals + deepest operand stack */
    uint32_t type;           /* canonical type index */
    uint32_t host;           /* imports: enum wa_wasi_fn; else 0 */
    uint32_t res0;           /* the first result's type, 0 if none */
    uint32_t name;           /* offset of its NUL-terminated name in the names area, or 0 */
    uint32_t wasm_off;       /* its body's offset in the module */
} wa_ifunc;

typedef struct wa_iglobal { uint32_t type, mut; uint64_t init; } wa_iglobal;
typedef struct wa_iseg { uint32_t mode, offset, n, at; } wa_iseg;   /* at: of funcs (u32) or bytes */
typedef struct wa_itrap { uint32_t pc, wasm_off; } wa_itrap;
/* A function export: its name and its np + nr value types (blob offsets),
 * and the stub that calls it then stops (call func; WA_OP_IDLE). */
typedef struct wa_iexport { uint32_t name, name_len, types, func, np, nr, stub_pc; } wa_iexport;
#define WA_IMG_LIBRARY 1u

typedef struct wa_img {
    uint32_t magic, version, size;
    uint32_t nfuncs, nimports, nglobals, nelems, ndatas, ntraps;
    uint32_t has_mem, mem_min, mem_max, table_size;
    uint32_t entry_pc, ncode;
    uint32_t funcs_at, globals_at, elems_at, datas_at, traps_at, code_at, names_at, blob_at;
    /* version 2 on: read through wa_img_nexports / wa_img_flags */
    uint32_t nexports, exports_at, flags;
} wa_img;
#define WA_IMG_V1_HEADER offsetof(wa_img, nexports)

static inline const wa_img *wa_img_of(const uint8_t *image) { return (const wa_img *)(const void *)image; }
static inline const wa_ifunc *wa_img_funcs(const wa_img *h) { return (const wa_ifunc *)(const void *)((const uint8_t *)h + h->funcs_at); }
static inline const wa_iglobal *wa_img_globals(const wa_img *h) { return (const wa_iglobal *)(const void *)((const uint8_t *)h + h->globals_at); }
static inline const wa_iseg *wa_img_elems(const wa_img *h) { return (const wa_iseg *)(const void *)((const uint8_t *)h + h->elems_at); }
static inline const wa_iseg *wa_img_datas(const wa_img *h) { return (const wa_iseg *)(const void *)((const uint8_t *)h + h->datas_at); }
static inline const wa_itrap *wa_img_traps(const wa_img *h) { return (const wa_itrap *)(const void *)((const uint8_t *)h + h->traps_at); }
static inline uint32_t wa_img_nexports(const wa_img *h) { return h->version >= 2 ? h->nexports : 0; }
static inline uint32_t wa_img_flags(const wa_img *h) { return h->version >= 2 ? h->flags : 0; }
static inline const wa_iexport *wa_img_exports(const wa_img *h) { return (const wa_iexport *)(const void *)((const uint8_t *)h + h->exports_at); }
static inline const uint32_t *wa_img_code(const wa_img *h) { return (const uint32_t *)(const void *)((const uint8_t *)h + h->code_at); }
static inline const uint8_t *wa_img_blob(const wa_img *h) { return (const uint8_t *)h + h->blob_at; }

/* ---- translation (wa_valid.c, wa_image.c) ---------------------------------------------- */

/* A growable array of code words and trap sites. */
typedef struct wa_code {
    uint32_t *w;
    size_t n, cap;
    wa_itrap *traps;
    size_t ntraps, trapcap;
    bool oom;
} wa_code;

void wa_emit(wa_code *c, uint32_t word);
void wa_emit_trap_site(wa_code *c, size_t wasm_off);

/* Register-form opcodes (wa_fuse.c).  wa_k_form: the K form of an i32
 * or i64 binary instruction with a constant second operand, or 0;
 * wa_commutes: a op b == b op a; wa_cmp_negate: the comparison (i32 or
 * i64) that is true exactly when op is false; wa_cmp_branch: the
 * compare-and-branch of a comparison (kform: of its K form). */
uint32_t wa_k_form(uint32_t op);
bool wa_commutes(uint32_t op);
uint32_t wa_cmp_negate(uint32_t op);
uint32_t wa_cmp_branch(uint32_t op, bool kform);
static inline bool wa_is_i32_cmp(uint32_t op) { return op >= 0x46 && op <= 0x4F; }
static inline bool wa_is_i64_cmp(uint32_t op) { return op >= 0x51 && op <= 0x5A; }

/* Validates function fi's body and appends its translation to c; fills
 * *nlocals (parameters included) and *max_height (locals and the deepest
 * operand stack, in slots).  0, or -1 with the reader's error. */
int wa_translate_func(const wa_mod *m, uint32_t fi, wa_code *c, uint32_t *nlocals, uint32_t *max_height,
                      wa_error *err);

/* ---- the state block ---------------------------------------------------------------------- */

#define WA_STATE_MAGIC 0x54534157u   /* "WAST" */
/* A library instance is IDLE between calls (and after its start), and
 * comes back to IDLE after a trapped call (wa_call_recover). */
enum { WA_ST_RUNNING = 0, WA_ST_EXITED = 1, WA_ST_TRAPPED = 2, WA_ST_IDLE = 3 };

enum wa_trap {
    WA_TRAP_NONE = 0, WA_TRAP_UNREACHABLE, WA_TRAP_DIV_ZERO, WA_TRAP_INT_OVERFLOW, WA_TRAP_INVALID_CONV,
    WA_TRAP_MEM_OOB, WA_TRAP_TABLE_OOB, WA_TRAP_NULL_ELEM, WA_TRAP_SIG_MISMATCH, WA_TRAP_STACK,
    WA_TRAP_IMPORT, WA_TRAP_COUNT
};

typedef struct wa_state {
    uint32_t magic, status;
    uint32_t exit_code, trap;      /* enum wa_trap */
    uint32_t pc, sp, fp, nframes;  /* sp, fp: slot indices into the stack */
    uint32_t mem_pages, grow_failed;
    uint32_t trap_pc;
    uint32_t host_pending;         /* an import called and not yet answered: its index + 1 */
    uint64_t want_mem;             /* WA_X_GROW_MEM: bytes */
    uint32_t want_slots, want_frames;
    uint64_t mono_last;            /* the WASI monotonic clock never goes back */
    uint64_t poll_deadline;        /* poll_oneoff sleeping: its wall-clock deadline (ns); 0: none */
    uint32_t poll_sub;             /* ... and the clock subscription that set it */
    uint32_t call_export;          /* a library: the export last called, + 1; 0: none yet */
    /* then: globals (u64 each), table (u32 each, UINT32_MAX: null),
     * dropped element segments, dropped data segments (a byte each) */
} wa_state;

static inline uint64_t *wa_st_globals(uint8_t *state) { return (uint64_t *)(void *)(state + sizeof(wa_state)); }
static inline uint32_t *wa_st_table(uint8_t *state, const wa_img *h)
{
    return (uint32_t *)(void *)(state + sizeof(wa_state) + 8u * h->nglobals);
}
static inline uint8_t *wa_st_elem_dropped(uint8_t *state, const wa_img *h)
{
    return state + sizeof(wa_state) + 8u * h->nglobals + 4u * h->table_size;
}
static inline uint8_t *wa_st_data_dropped(uint8_t *state, const wa_img *h)
{
    return wa_st_elem_dropped(state, h) + h->nelems;
}

/* WASI functions the engine knows (wa_wasi.c); others get WA_WASI_NOSYS
 * (a WASI name) or WA_WASI_UNKNOWN (another module: a trap when called). */
enum wa_wasi_fn {
    WA_WASI_UNKNOWN = 0, WA_WASI_NOSYS, WA_WASI_ARGS_GET, WA_WASI_ARGS_SIZES_GET, WA_WASI_ENVIRON_GET,
    WA_WASI_ENVIRON_SIZES_GET, WA_WASI_CLOCK_TIME_GET, WA_WASI_CLOCK_RES_GET, WA_WASI_RANDOM_GET,
    WA_WASI_PROC_EXIT, WA_WASI_FD_WRITE, WA_WASI_FD_READ, WA_WASI_FD_FDSTAT_GET, WA_WASI_FD_PRESTAT_GET,
    WA_WASI_FD_PRESTAT_DIR_NAME, WA_WASI_FD_CLOSE, WA_WASI_FD_SEEK, WA_WASI_FD_TELL, WA_WASI_SCHED_YIELD,
    WA_WASI_FD_PREAD, WA_WASI_FD_PWRITE, WA_WASI_FD_FILESTAT_GET, WA_WASI_FD_FILESTAT_SET_SIZE,
    WA_WASI_FD_READDIR, WA_WASI_FD_SYNC, WA_WASI_FD_DATASYNC, WA_WASI_PATH_OPEN, WA_WASI_PATH_CREATE_DIRECTORY,
    WA_WASI_PATH_UNLINK_FILE, WA_WASI_PATH_REMOVE_DIRECTORY, WA_WASI_PATH_RENAME, WA_WASI_PATH_FILESTAT_GET,
    WA_WASI_POLL_ONEOFF, WA_WASI_COUNT
};
/* Binds an import by module and name (the signature is checked too:
 * a WASI name with another signature is WA_WASI_NOSYS). */
uint32_t wa_wasi_bind(const wa_mod *m, const wa_fdecl *f);

/* The function whose code holds pc (binary search), or UINT32_MAX. */
uint32_t wa_func_at(const wa_img *h, uint32_t pc);

#endif
