/*
 * wa_exec.c - the engine: runs translated code (wa_internal.h) on the
 * caller's blocks.
 *
 * Registers.  pc and fp live in C locals while the loop runs (with the
 * memory's base and size); SAVE() writes them to the state block.  Invariant: every return from
 * wa_exec_run has run SAVE(), so the state block, the stack and the
 * frames describe an instruction boundary (the caller's snapshot sees a
 * consistent program).  Instructions that may return (calls, loop
 * headers, memory.grow) check everything before they change anything, so
 * running them again later is the same as running them once.
 *
 * Frames.  The stack holds each function's locals then its operands, as
 * 64-bit slots from fp; every instruction names the slots it reads and
 * writes (the register form, wa_internal.h), so there is no stack pointer.
 * A call's arguments are in the caller's slots from `base` on, and
 * become the callee's first locals (its fp is the caller's fp + base);
 * the results come back in the same slots.  A frame record (two words:
 * return pc, caller's fp) goes in the frames block at each call.  The
 * entry stub runs with no frame of its own.  st->sp is only written for
 * a host call (the end of its arguments, where wa_wasi_call finds them).
 *
 * Dispatch is threaded (a table of label addresses, GNU C), as in the
 * VM's interpreter: each instruction jumps straight to the next one's
 * code.
 */
#include "../hal/hal.h"
#include "wa_internal.h"
#include "wa_num.h"

#if !defined(__GNUC__)
#error "the WebAssembly engine's dispatch needs GNU C's labels as values (gcc or clang)"
#endif

static const char *const trap_text[WA_TRAP_COUNT] = {
    [WA_TRAP_NONE] = "no trap",
    [WA_TRAP_UNREACHABLE] = "unreachable executed",
    [WA_TRAP_DIV_ZERO] = "integer divide by zero",
    [WA_TRAP_INT_OVERFLOW] = "integer overflow",
    [WA_TRAP_INVALID_CONV] = "invalid conversion to integer",
    [WA_TRAP_MEM_OOB] = "out of bounds memory access",
    [WA_TRAP_TABLE_OOB] = "undefined element (out of bounds table access)",
    [WA_TRAP_NULL_ELEM] = "uninitialized element",
    [WA_TRAP_SIG_MISMATCH] = "indirect call type mismatch",
    [WA_TRAP_STACK] = "call stack exhausted",
    [WA_TRAP_IMPORT] = "call of an import this engine does not provide",
};

int wa_instantiate(wa_exec *x, wa_error *err)
{
    const wa_img *h = wa_img_of(x->image);
    wa_state *st = (wa_state *)(void *)x->state;
    st->magic = WA_STATE_MAGIC;
    st->status = WA_ST_RUNNING;
    st->mem_pages = h->has_mem ? h->mem_min : 0;
    st->pc = h->entry_pc;
    uint64_t *globals = wa_st_globals(x->state);
    for (uint32_t i = 0; i < h->nglobals; i++)
        globals[i] = wa_img_globals(h)[i].init;
    uint32_t *table = wa_st_table(x->state, h);
    for (uint32_t i = 0; i < h->table_size; i++)
        table[i] = UINT32_MAX;
    const uint8_t *blob = wa_img_blob(h);
    for (uint32_t i = 0; i < h->nelems; i++) {
        const wa_iseg *e = &wa_img_elems(h)[i];
        if (e->mode == WA_SEG_PASSIVE)
            continue;
        wa_st_elem_dropped(x->state, h)[i] = 1;
        if (e->mode != WA_SEG_ACTIVE)
            continue;
        if ((uint64_t)e->offset + e->n > h->table_size) {
            snprintf(err->msg, sizeof err->msg, "element segment %u does not fit in the table (out of bounds table access)", i);
            return -1;
        }
        memcpy(table + e->offset, blob + e->at, (size_t)e->n * 4);
    }
    for (uint32_t i = 0; i < h->ndatas; i++) {
        const wa_iseg *d = &wa_img_datas(h)[i];
        if (d->mode != WA_SEG_ACTIVE)
            continue;
        wa_st_data_dropped(x->state, h)[i] = 1;
        if ((uint64_t)d->offset + d->n > (uint64_t)st->mem_pages * WA_PAGE) {
            snprintf(err->msg, sizeof err->msg, "data segment %u does not fit in memory (out of bounds memory access)", i);
            return -1;
        }
        memcpy(x->mem + d->offset, blob + d->at, d->n);
    }
    return 0;
}

bool wa_exec_finished(const wa_exec *x)
{
    return ((const wa_state *)(const void *)x->state)->status != WA_ST_RUNNING;
}

bool wa_exec_idle(const wa_exec *x)
{
    return ((const wa_state *)(const void *)x->state)->status == WA_ST_IDLE;
}

bool wa_exec_trapped(const wa_exec *x)
{
    return ((const wa_state *)(const void *)x->state)->status == WA_ST_TRAPPED;
}

uint64_t wa_memory_size(const wa_exec *x)
{
    return (uint64_t)((const wa_state *)(const void *)x->state)->mem_pages * WA_PAGE;
}

/* Invariant: an IDLE instance has no frames and nothing pending, so a
 * call starts from an empty stack: its arguments are the stub's operands
 * at slots 0 .. np, and the results come back there. */
int wa_call_begin(wa_exec *x, uint32_t i, const uint64_t *args, wa_error *err)
{
    const wa_img *h = wa_img_of(x->image);
    wa_state *st = (wa_state *)(void *)x->state;
    if (st->status != WA_ST_IDLE) {
        snprintf(err->msg, sizeof err->msg, "%s",
                 st->status == WA_ST_RUNNING ? "the instance is running (a start function or another call)"
                                             : "the module has exited");
        return -1;
    }
    HAL_ASSERT(i < wa_img_nexports(h) && st->nframes == 0 && st->host_pending == 0);
    const wa_iexport *e = &wa_img_exports(h)[i];
    if (e->np > x->stack_slots) {
        snprintf(err->msg, sizeof err->msg, "the stack cannot hold %u arguments", e->np);
        return -1;
    }
    memcpy(x->stack, args, (size_t)e->np * sizeof *args);
    st->sp = e->np;
    st->fp = 0;
    st->pc = e->stub_pc;
    st->call_export = i + 1;
    st->status = WA_ST_RUNNING;
    return 0;
}

const uint64_t *wa_call_results(const wa_exec *x, int64_t *export_index)
{
    HAL_ASSERT(wa_exec_idle(x));
    *export_index = (int64_t)((const wa_state *)(const void *)x->state)->call_export - 1;
    return x->stack;
}

void wa_call_recover(wa_exec *x)
{
    wa_state *st = (wa_state *)(void *)x->state;
    HAL_ASSERT(st->status == WA_ST_TRAPPED && (wa_img_flags(wa_img_of(x->image)) & WA_IMG_LIBRARY));
    st->status = WA_ST_IDLE;
    st->trap = WA_TRAP_NONE;
    st->sp = st->fp = st->nframes = 0;
    st->host_pending = 0;
    st->poll_deadline = 0;
}

uint64_t wa_max_memory_bytes(const uint8_t *image)
{
    const wa_img *h = wa_img_of(image);
    return h->has_mem ? (uint64_t)h->mem_max * WA_PAGE : 0;
}

int wa_exit_code(const wa_exec *x) { return (int)((const wa_state *)(const void *)x->state)->exit_code; }
uint32_t wa_want_stack_slots(const wa_exec *x) { return ((const wa_state *)(const void *)x->state)->want_slots; }
uint32_t wa_want_frames(const wa_exec *x) { return ((const wa_state *)(const void *)x->state)->want_frames; }
uint64_t wa_want_mem_bytes(const wa_exec *x) { return ((const wa_state *)(const void *)x->state)->want_mem; }
void wa_mem_grow_failed(wa_exec *x) { ((wa_state *)(void *)x->state)->grow_failed = 1; }

void wa_trap_message(const wa_exec *x, char *buf, size_t len)
{
    const wa_img *h = wa_img_of(x->image);
    const wa_state *st = (const wa_state *)(const void *)x->state;
    uint32_t pc = st->trap_pc, fi = wa_func_at(h, pc);
    /* The trap site of the instruction at pc: the first site at or after it. */
    const wa_itrap *t = wa_img_traps(h);
    uint32_t lo = 0, hi = h->ntraps;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t[mid].pc < pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    const char *what = st->trap < WA_TRAP_COUNT ? trap_text[st->trap] : "trap";
    if (fi == UINT32_MAX) {
        snprintf(buf, len, "%s (at the module's start)", what);
        return;
    }
    const wa_ifunc *f = &wa_img_funcs(h)[fi];
    const char *name = f->name ? (const char *)wa_img_blob(h) + f->name : NULL;
    snprintf(buf, len, "%s in function %u%s%s%s at offset 0x%x", what, fi, name ? " '" : "", name ? name : "",
             name ? "'" : "", lo < h->ntraps ? t[lo].wasm_off : f->wasm_off);
}

int wa_exec_run(wa_exec *x)
{
    static const atomic_int never = 0;
    const wa_img *h = wa_img_of(x->image);
    const uint32_t *code = wa_img_code(h);
    const wa_ifunc *funcs = wa_img_funcs(h);
    wa_state *st = (wa_state *)(void *)x->state;
    uint64_t *globals = wa_st_globals(x->state);
    uint32_t *table = wa_st_table(x->state, h);
    uint64_t *stack = x->stack, *stack_end = x->stack + x->stack_slots;
    uint32_t *frames = x->frames, nframes = st->nframes;
    const atomic_int *stop = x->stop ? x->stop : &never;
    uint8_t *mem = x->mem;
    uint64_t memsz = (uint64_t)st->mem_pages * WA_PAGE;
    uint32_t budget = x->budget ? x->budget : 1;
    const uint32_t *pc = code + st->pc;
    uint64_t *fp = stack + st->fp;
    uint32_t trap, fi;
    const uint32_t *next;

    HAL_ASSERT(st->magic == WA_STATE_MAGIC && st->status == WA_ST_RUNNING);
    HAL_ASSERT(memsz <= x->mem_bytes);

#define SAVE()                                       \
    do {                                             \
        st->pc = (uint32_t)(pc - code);              \
        st->fp = (uint32_t)(fp - stack);             \
        st->nframes = nframes;                       \
    } while (0)
#define TRAP(code_)                                  \
    do {                                             \
        trap = (code_);                              \
        goto trapped;                                \
    } while (0)
#define NEXT goto *dispatch[*pc]
#define SAFEPOINT()                                  \
    do {                                             \
        if (--budget == 0 || atomic_load_explicit(stop, memory_order_relaxed)) { \
            SAVE();                                  \
            return WA_X_YIELD;                       \
        }                                            \
    } while (0)
/* Operands (wa_internal.h): d at pc[1], a at pc[2], b at pc[3] (a K
 * form's constant is pc[3] itself: KB32); a unary instruction's operand
 * is U at pc[2]; a compare-and-branch has its target at pc[1]. */
#define A32 ((uint32_t)fp[pc[2]])
#define B32 ((uint32_t)fp[pc[3]])
#define KB32 (pc[3])
#define KB64 ((uint64_t)(int64_t)(int32_t)pc[3])
#define A64 (fp[pc[2]])
#define B64 (fp[pc[3]])
#define U32 ((uint32_t)fp[pc[2]])
#define U64 (fp[pc[2]])
#define BIN(expr) { fp[pc[1]] = (uint64_t)(expr); pc += 4; NEXT; }
#define UN(expr) { fp[pc[1]] = (uint64_t)(expr); pc += 3; NEXT; }
#define FA32 wa_f32(fp[pc[2]])
#define FB32 wa_f32(fp[pc[3]])
#define FA64 wa_f64(fp[pc[2]])
#define FB64 wa_f64(fp[pc[3]])
#define FU32 wa_f32(fp[pc[2]])
#define FU64 wa_f64(fp[pc[2]])
#define FBIN32(expr) BIN(wa_of_f32(expr))
#define FBIN64(expr) BIN(wa_of_f64(expr))
#define FUN32(expr) UN(wa_of_f32(expr))
#define FUN64(expr) UN(wa_of_f64(expr))
/* A load: d, address slot, offset (LOADX: d, two slots whose sum is the
 * address, offset; LOADK: d, a slot and a constant); a store: address
 * slot, value slot, offset (STOREX: two address slots, value slot,
 * offset; STOREK: a slot and a constant, value slot, offset); LOADA and
 * STOREA: at a constant address.  The effective address is
 * checked against the memory's size in one comparison. */
#define LOAD_AT(ea_, n, ctype, conv, words)                      \
    {                                                            \
        uint64_t ea = (ea_);                                     \
        if (ea + (n) > memsz)                                    \
            TRAP(WA_TRAP_MEM_OOB);                               \
        ctype v_;                                                \
        memcpy(&v_, mem + ea, n);                                \
        fp[pc[1]] = conv;                                        \
        pc += (words);                                           \
        NEXT;                                                    \
    }
#define STORE_AT(ea_, n, ctype, value, words)                    \
    {                                                            \
        uint64_t ea = (ea_);                                     \
        if (ea + (n) > memsz)                                    \
            TRAP(WA_TRAP_MEM_OOB);                               \
        ctype v_ = (ctype)(value);                               \
        memcpy(mem + ea, &v_, n);                                \
        pc += (words);                                           \
        NEXT;                                                    \
    }
#define LOAD(n, ctype, conv) LOAD_AT((uint64_t)(uint32_t)fp[pc[2]] + pc[3], n, ctype, conv, 4)
#define LOADX(n, ctype, conv) LOAD_AT((uint64_t)(uint32_t)(fp[pc[2]] + fp[pc[3]]) + pc[4], n, ctype, conv, 5)
#define STORE(n, ctype) STORE_AT((uint64_t)(uint32_t)fp[pc[1]] + pc[3], n, ctype, fp[pc[2]], 4)
#define STOREX(n, ctype) STORE_AT((uint64_t)(uint32_t)(fp[pc[1]] + fp[pc[2]]) + pc[4], n, ctype, fp[pc[3]], 5)
#define LOADA(n, ctype, conv) LOAD_AT((uint64_t)pc[2] + pc[3], n, ctype, conv, 4)
#define STOREA(n, ctype) STORE_AT((uint64_t)pc[1] + pc[3], n, ctype, fp[pc[2]], 4)
#define LOADK(n, ctype, conv) LOAD_AT((uint64_t)(uint32_t)(fp[pc[2]] + pc[3]) + pc[4], n, ctype, conv, 5)
#define STOREK(n, ctype) STORE_AT((uint64_t)(uint32_t)(fp[pc[1]] + pc[2]) + pc[4], n, ctype, fp[pc[3]], 5)
/* name, opcode, bytes, C type, the value from v_ (loads) */
#define WA_LOADS(X)                                                          \
    X(i32_load, 0x28, 4, uint32_t, v_)                                       \
    X(i64_load, 0x29, 8, uint64_t, v_)                                       \
    X(f32_load, 0x2A, 4, uint32_t, v_)                                       \
    X(f64_load, 0x2B, 8, uint64_t, v_)                                       \
    X(i32_load8_s, 0x2C, 1, int8_t, (uint32_t)(int32_t)v_)                   \
    X(i32_load8_u, 0x2D, 1, uint8_t, v_)                                     \
    X(i32_load16_s, 0x2E, 2, int16_t, (uint32_t)(int32_t)v_)                 \
    X(i32_load16_u, 0x2F, 2, uint16_t, v_)                                   \
    X(i64_load8_s, 0x30, 1, int8_t, (uint64_t)(int64_t)v_)                   \
    X(i64_load8_u, 0x31, 1, uint8_t, v_)                                     \
    X(i64_load16_s, 0x32, 2, int16_t, (uint64_t)(int64_t)v_)                 \
    X(i64_load16_u, 0x33, 2, uint16_t, v_)                                   \
    X(i64_load32_s, 0x34, 4, int32_t, (uint64_t)(int64_t)v_)                 \
    X(i64_load32_u, 0x35, 4, uint32_t, v_)
#define WA_STORES(X)                                                         \
    X(i32_store, 0x36, 4, uint32_t)                                          \
    X(i64_store, 0x37, 8, uint64_t)                                          \
    X(f32_store, 0x38, 4, uint32_t)                                          \
    X(f64_store, 0x39, 8, uint64_t)                                          \
    X(i32_store8, 0x3A, 1, uint8_t)                                          \
    X(i32_store16, 0x3B, 2, uint16_t)                                        \
    X(i64_store8, 0x3C, 1, uint8_t)                                          \
    X(i64_store16, 0x3D, 2, uint16_t)                                        \
    X(i64_store32, 0x3E, 4, uint32_t)
#define TRUNC(d, lo, hi, ctype)                                  \
    {                                                            \
        double d_ = (d);                                         \
        int c_ = wa_conv_check(d_, lo, hi);                      \
        if (c_)                                                  \
            TRAP(c_ == WA_CONV_NAN ? WA_TRAP_INVALID_CONV : WA_TRAP_INT_OVERFLOW); \
        UN((uint64_t)(ctype)d_);                                 \
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#pragma GCC diagnostic ignored "-Wpedantic"
    static const void *const dispatch[WA_OP_COUNT] = {
        [0 ... WA_OP_COUNT - 1] = &&bad,
        [0x00] = &&op_unreachable, [0x03] = &&op_loop, [0x0C] = &&op_br, [0x0D] = &&op_br_if,
        [0x0E] = &&op_br_table, [0x0F] = &&op_return, [0x10] = &&op_call, [0x11] = &&op_call_indirect,
        [0x1B] = &&op_select, [0x20] = &&op_move,
        [0x23] = &&op_global_get, [0x24] = &&op_global_set,
#define LOAD_ENTRIES(name, op, n, ctype, conv) [op] = &&op_##name, [WA_OP_LOAD_ADD + (op) - 0x28] = &&op_##name##_x, \
                                               [WA_OP_LOAD_ADDK + (op) - 0x28] = &&op_##name##_k, \
                                               [WA_OP_LOAD_ABS + (op) - 0x28] = &&op_##name##_a,
#define STORE_ENTRIES(name, op, n, ctype) [op] = &&op_##name, [WA_OP_STORE_ADD + (op) - 0x36] = &&op_##name##_x, \
                                          [WA_OP_STORE_ADDK + (op) - 0x36] = &&op_##name##_k, \
                                          [WA_OP_STORE_ABS + (op) - 0x36] = &&op_##name##_a,
        WA_LOADS(LOAD_ENTRIES)
        WA_STORES(STORE_ENTRIES)
        [0x3F] = &&op_memory_size, [0x40] = &&op_memory_grow,
        [0x41] = &&op_const32, [0x42] = &&op_const64,
        [0x45] = &&op_i32_eqz, [0x46] = &&op_i32_eq, [0x47] = &&op_i32_ne, [0x48] = &&op_i32_lt_s,
        [0x49] = &&op_i32_lt_u, [0x4A] = &&op_i32_gt_s, [0x4B] = &&op_i32_gt_u, [0x4C] = &&op_i32_le_s,
        [0x4D] = &&op_i32_le_u, [0x4E] = &&op_i32_ge_s, [0x4F] = &&op_i32_ge_u,
        [0x50] = &&op_i64_eqz, [0x51] = &&op_i64_eq, [0x52] = &&op_i64_ne, [0x53] = &&op_i64_lt_s,
        [0x54] = &&op_i64_lt_u, [0x55] = &&op_i64_gt_s, [0x56] = &&op_i64_gt_u, [0x57] = &&op_i64_le_s,
        [0x58] = &&op_i64_le_u, [0x59] = &&op_i64_ge_s, [0x5A] = &&op_i64_ge_u,
        [0x5B] = &&op_f32_eq, [0x5C] = &&op_f32_ne, [0x5D] = &&op_f32_lt, [0x5E] = &&op_f32_gt,
        [0x5F] = &&op_f32_le, [0x60] = &&op_f32_ge,
        [0x61] = &&op_f64_eq, [0x62] = &&op_f64_ne, [0x63] = &&op_f64_lt, [0x64] = &&op_f64_gt,
        [0x65] = &&op_f64_le, [0x66] = &&op_f64_ge,
        [0x67] = &&op_i32_clz, [0x68] = &&op_i32_ctz, [0x69] = &&op_i32_popcnt, [0x6A] = &&op_i32_add,
        [0x6B] = &&op_i32_sub, [0x6C] = &&op_i32_mul, [0x6D] = &&op_i32_div_s, [0x6E] = &&op_i32_div_u,
        [0x6F] = &&op_i32_rem_s, [0x70] = &&op_i32_rem_u, [0x71] = &&op_i32_and, [0x72] = &&op_i32_or,
        [0x73] = &&op_i32_xor, [0x74] = &&op_i32_shl, [0x75] = &&op_i32_shr_s, [0x76] = &&op_i32_shr_u,
        [0x77] = &&op_i32_rotl, [0x78] = &&op_i32_rotr,
        [0x79] = &&op_i64_clz, [0x7A] = &&op_i64_ctz, [0x7B] = &&op_i64_popcnt, [0x7C] = &&op_i64_add,
        [0x7D] = &&op_i64_sub, [0x7E] = &&op_i64_mul, [0x7F] = &&op_i64_div_s, [0x80] = &&op_i64_div_u,
        [0x81] = &&op_i64_rem_s, [0x82] = &&op_i64_rem_u, [0x83] = &&op_i64_and, [0x84] = &&op_i64_or,
        [0x85] = &&op_i64_xor, [0x86] = &&op_i64_shl, [0x87] = &&op_i64_shr_s, [0x88] = &&op_i64_shr_u,
        [0x89] = &&op_i64_rotl, [0x8A] = &&op_i64_rotr,
        [0x8B] = &&op_f32_abs, [0x8C] = &&op_f32_neg, [0x8D] = &&op_f32_ceil, [0x8E] = &&op_f32_floor,
        [0x8F] = &&op_f32_trunc, [0x90] = &&op_f32_nearest, [0x91] = &&op_f32_sqrt, [0x92] = &&op_f32_add,
        [0x93] = &&op_f32_sub, [0x94] = &&op_f32_mul, [0x95] = &&op_f32_div, [0x96] = &&op_f32_min,
        [0x97] = &&op_f32_max, [0x98] = &&op_f32_copysign,
        [0x99] = &&op_f64_abs, [0x9A] = &&op_f64_neg, [0x9B] = &&op_f64_ceil, [0x9C] = &&op_f64_floor,
        [0x9D] = &&op_f64_trunc, [0x9E] = &&op_f64_nearest, [0x9F] = &&op_f64_sqrt, [0xA0] = &&op_f64_add,
        [0xA1] = &&op_f64_sub, [0xA2] = &&op_f64_mul, [0xA3] = &&op_f64_div, [0xA4] = &&op_f64_min,
        [0xA5] = &&op_f64_max, [0xA6] = &&op_f64_copysign,
        [0xA7] = &&op_i32_wrap_i64, [0xA8] = &&op_i32_trunc_f32_s, [0xA9] = &&op_i32_trunc_f32_u,
        [0xAA] = &&op_i32_trunc_f64_s, [0xAB] = &&op_i32_trunc_f64_u, [0xAC] = &&op_i64_extend_i32_s,
        [0xAD] = &&op_i64_extend_i32_u, [0xAE] = &&op_i64_trunc_f32_s, [0xAF] = &&op_i64_trunc_f32_u,
        [0xB0] = &&op_i64_trunc_f64_s, [0xB1] = &&op_i64_trunc_f64_u, [0xB2] = &&op_f32_convert_i32_s,
        [0xB3] = &&op_f32_convert_i32_u, [0xB4] = &&op_f32_convert_i64_s, [0xB5] = &&op_f32_convert_i64_u,
        [0xB6] = &&op_f32_demote_f64, [0xB7] = &&op_f64_convert_i32_s, [0xB8] = &&op_f64_convert_i32_u,
        [0xB9] = &&op_f64_convert_i64_s, [0xBA] = &&op_f64_convert_i64_u, [0xBB] = &&op_f64_promote_f32,
        [0xC0] = &&op_i32_extend8_s, [0xC1] = &&op_i32_extend16_s, [0xC2] = &&op_i64_extend8_s,
        [0xC3] = &&op_i64_extend16_s, [0xC4] = &&op_i64_extend32_s,
        [WA_OP_BR_DROP] = &&op_br_drop, [WA_OP_BR_IF_DROP] = &&op_br_if_drop, [WA_OP_BR_UNLESS] = &&op_br_unless,
        [WA_OP_EXIT] = &&op_exit,
        [WA_OP_IDLE] = &&op_idle,
/* The K and compare-and-branch forms' entries (wa_internal.h): by the
 * i32 opcode; i64 comparisons have the same index, i64 arithmetic an
 * index 7 higher (its opcodes start 0x12 later, its K forms 0xB later). */
#define CMP_NAMES(X, s, k, first)                                                                  \
    X(eq, 0x46, s, k, first) X(ne, 0x47, s, k, first) X(lt_s, 0x48, s, k, first)                   \
    X(lt_u, 0x49, s, k, first) X(gt_s, 0x4A, s, k, first) X(gt_u, 0x4B, s, k, first)               \
    X(le_s, 0x4C, s, k, first) X(le_u, 0x4D, s, k, first) X(ge_s, 0x4E, s, k, first)               \
    X(ge_u, 0x4F, s, k, first)
#define ARITH_NAMES(X, s, k, first)                                                                \
    X(add, 0x6A, s, k, first) X(sub, 0x6B, s, k, first) X(mul, 0x6C, s, k, first)                  \
    X(and, 0x71, s, k, first) X(or, 0x72, s, k, first) X(xor, 0x73, s, k, first)                   \
    X(shl, 0x74, s, k, first) X(shr_s, 0x75, s, k, first) X(shr_u, 0x76, s, k, first)              \
    X(rotl, 0x77, s, k, first) X(rotr, 0x78, s, k, first)
#define K_ENTRY(name, op, s, k, first) [k + (op) - (first)] = &&op_k##s##_##name,
#define BR_ENTRIES(name, op, s, br, first) [br + (op) - 0x46] = &&op_br##s##_##name, \
                                           [br + 0x10 + (op) - 0x46] = &&op_br##s##_k_##name,
        CMP_NAMES(K_ENTRY, , WA_OP_K, 0x46)
        ARITH_NAMES(K_ENTRY, , WA_OP_K, 0x46)
        CMP_NAMES(BR_ENTRIES, , WA_OP_BR_CMP, 0x46)
        CMP_NAMES(K_ENTRY, 64, WA_OP_K64, 0x46)
        ARITH_NAMES(K_ENTRY, 64, WA_OP_K64, 0x3F)
        CMP_NAMES(BR_ENTRIES, 64, WA_OP_BR_CMP64, 0x46)
        [0x100] = &&op_i32_trunc_sat_f32_s, [0x101] = &&op_i32_trunc_sat_f32_u, [0x102] = &&op_i32_trunc_sat_f64_s,
        [0x103] = &&op_i32_trunc_sat_f64_u, [0x104] = &&op_i64_trunc_sat_f32_s, [0x105] = &&op_i64_trunc_sat_f32_u,
        [0x106] = &&op_i64_trunc_sat_f64_s, [0x107] = &&op_i64_trunc_sat_f64_u,
        [0x108] = &&op_memory_init, [0x109] = &&op_data_drop, [0x10A] = &&op_memory_copy,
        [0x10B] = &&op_memory_fill, [0x10C] = &&op_table_init, [0x10D] = &&op_elem_drop, [0x10E] = &&op_table_copy,
    };
#pragma GCC diagnostic pop

    if (st->host_pending)   /* a host call a restart interrupted: issue it again */
        return WA_X_HOST;
    NEXT;

bad:
    HAL_ASSERT(!"the engine met an opcode its translator never emits");
    TRAP(WA_TRAP_UNREACHABLE);
op_unreachable:
    TRAP(WA_TRAP_UNREACHABLE);
op_loop:
    SAFEPOINT();
    pc++;
    NEXT;
op_br:
    pc = code + pc[1];
    NEXT;
op_br_if:
    pc = (uint32_t)fp[pc[2]] ? code + pc[1] : pc + 3;
    NEXT;
op_br_unless:
    pc = (uint32_t)fp[pc[2]] ? pc + 3 : code + pc[1];
    NEXT;
/* The i32 and i64 comparisons and the instructions with a K form
 * (wa_k_form), each as a value (op_i32_NAME: d a b), with a constant
 * (op_k_NAME: d a k; i64: k sign-extended) and for the comparisons fused
 * with br_if (op_br_NAME: target a b, op_br_k_NAME: target a k); i64:
 * op_i64_NAME, op_k64_NAME, op_br64_NAME, op_br64_k_NAME. */
/* Over operands a and b of unsigned type U (signed: S; shift counts
 * masked with m; rotations rol_, ror_). */
#define COMPARISONS(X, a, b, S)                                  \
    X(eq, a == b)                                                \
    X(ne, a != b)                                                \
    X(lt_s, (S)a < (S)b)                                         \
    X(lt_u, a < b)                                               \
    X(gt_s, (S)a > (S)b)                                         \
    X(gt_u, a > b)                                               \
    X(le_s, (S)a <= (S)b)                                        \
    X(le_u, a <= b)                                              \
    X(ge_s, (S)a >= (S)b)                                        \
    X(ge_u, a >= b)
#define ARITHMETIC(X, a, b, U, S, m, rol_, ror_)                 \
    X(add, a + b)                                                \
    X(sub, a - b)                                                \
    X(mul, a * b)                                                \
    X(and, a & b)                                                \
    X(or, a | b)                                                 \
    X(xor, a ^ b)                                                \
    X(shl, a << (b & m))                                         \
    X(shr_s, (U)((S)a >> (b & m)))                               \
    X(shr_u, a >> (b & m))                                       \
    X(rotl, rol_(a, b))                                          \
    X(rotr, ror_(a, b))
#define I32_COMPARISONS(X, B) COMPARISONS(X, A32, B, int32_t)
#define I32_ARITHMETIC(X, B) ARITHMETIC(X, A32, B, uint32_t, int32_t, 31, wa_rotl32, wa_rotr32)
#define I64_COMPARISONS(X, B) COMPARISONS(X, A64, B, int64_t)
#define I64_ARITHMETIC(X, B) ARITHMETIC(X, A64, B, uint64_t, int64_t, 63, wa_rotl64, wa_rotr64)
#define BR_CMP(cond)                                             \
    {                                                            \
        pc = (cond) ? code + pc[1] : pc + 4;                     \
        NEXT;                                                    \
    }
#define AS_VALUE(name, expr) op_i32_##name: BIN(expr)
#define AS_K(name, expr) op_k_##name: BIN(expr)
#define AS_BRANCH(name, cond) op_br_##name: BR_CMP(cond)
#define AS_BRANCH_K(name, cond) op_br_k_##name: BR_CMP(cond)
    I32_COMPARISONS(AS_VALUE, B32)
    I32_COMPARISONS(AS_K, KB32)
    I32_COMPARISONS(AS_BRANCH, B32)
    I32_COMPARISONS(AS_BRANCH_K, KB32)
    I32_ARITHMETIC(AS_VALUE, B32)
    I32_ARITHMETIC(AS_K, KB32)
#define AS_VALUE64(name, expr) op_i64_##name: BIN(expr)
#define AS_K64(name, expr) op_k64_##name: BIN(expr)
#define AS_BRANCH64(name, cond) op_br64_##name: BR_CMP(cond)
#define AS_BRANCH64_K(name, cond) op_br64_k_##name: BR_CMP(cond)
    I64_COMPARISONS(AS_VALUE64, B64)
    I64_COMPARISONS(AS_K64, KB64)
    I64_COMPARISONS(AS_BRANCH64, B64)
    I64_COMPARISONS(AS_BRANCH64_K, KB64)
    I64_ARITHMETIC(AS_VALUE64, B64)
    I64_ARITHMETIC(AS_K64, KB64)
op_br_if_drop:
    if (!(uint32_t)fp[pc[5]]) {
        pc += 6;
        NEXT;
    }
    /* fall through to the move */
op_br_drop:
    memmove(fp + pc[2], fp + pc[3], (size_t)pc[4] * 8);
    pc = code + pc[1];
    NEXT;
op_br_table: {
    uint32_t n = pc[1], i = (uint32_t)fp[pc[2]];
    const uint32_t *e = pc + 4 + 3 * (size_t)(i < n ? i : n);
    if (e[1] != pc[3])
        memmove(fp + e[1], fp + pc[3], (size_t)e[2] * 8);
    pc = code + e[0];
    NEXT;
}
op_return: {
    uint32_t n = pc[1];
    const uint64_t *src = fp + pc[2];
    for (uint32_t i = 0; i < n; i++)   /* src >= fp: a forward copy */
        fp[i] = src[i];
    nframes--;
    pc = code + frames[2 * nframes];
    fp = stack + frames[2 * nframes + 1];
    NEXT;
}
op_call:
    fi = pc[1];
    next = pc + 3;
    goto call;
op_call_indirect: {
    uint32_t i = (uint32_t)fp[pc[3]];
    if (i >= h->table_size)
        TRAP(WA_TRAP_TABLE_OOB);
    fi = table[i];
    if (fi == UINT32_MAX)
        TRAP(WA_TRAP_NULL_ELEM);
    if (funcs[fi].type != pc[1])
        TRAP(WA_TRAP_SIG_MISMATCH);
    next = pc + 4;
    goto call;
}
call: {
    /* Everything that may return first, so the instruction can run again. */
    SAFEPOINT();
    const wa_ifunc *f = &funcs[fi];
    uint64_t *nfp = fp + pc[2];
    if (fi < h->nimports) {
        pc = next;
        st->host_pending = fi + 1;
        st->sp = (uint32_t)(nfp - stack) + f->np;
        SAVE();
        return WA_X_HOST;
    }
    if (nfp + f->max_height + 1 > stack_end || nframes >= x->frames_cap) {
        uint64_t need = (uint64_t)(nfp - stack) + f->max_height + 1;
        if (need > WA_MAX_STACK_SLOTS || nframes >= WA_MAX_FRAMES)
            TRAP(WA_TRAP_STACK);
        st->want_slots = (uint32_t)need;
        st->want_frames = nframes + 1;
        SAVE();
        return WA_X_GROW_STACK;
    }
    frames[2 * nframes] = (uint32_t)(next - code);
    frames[2 * nframes + 1] = (uint32_t)(fp - stack);
    nframes++;
    fp = nfp;
    memset(fp + f->np, 0, (size_t)(f->nlocals - f->np) * 8);
    pc = code + f->pc;
    NEXT;
}
op_exit:
    st->status = WA_ST_EXITED;
    st->exit_code = 0;
    SAVE();
    return WA_X_DONE;
op_idle:
    st->status = WA_ST_IDLE;
    SAVE();
    return WA_X_DONE;
op_select:
    fp[pc[1]] = (uint32_t)fp[pc[4]] ? fp[pc[2]] : fp[pc[3]];
    pc += 5;
    NEXT;
op_move:
    fp[pc[1]] = fp[pc[2]];
    pc += 3;
    NEXT;
op_global_get:
    fp[pc[1]] = globals[pc[2]];
    pc += 3;
    NEXT;
op_global_set:
    globals[pc[1]] = fp[pc[2]];
    pc += 3;
    NEXT;
/* Each load and store as it is (op_NAME), with its address the sum of
 * two slots (op_NAME_x), of a slot and a constant (op_NAME_k), and a
 * constant (op_NAME_a). */
#define AS_LOAD(name, op, n, ctype, conv)                                                         \
    op_##name: LOAD(n, ctype, conv) op_##name##_x: LOADX(n, ctype, conv) op_##name##_k: LOADK(n, ctype, conv) \
    op_##name##_a: LOADA(n, ctype, conv)
#define AS_STORE(name, op, n, ctype) \
    op_##name: STORE(n, ctype) op_##name##_x: STOREX(n, ctype) op_##name##_k: STOREK(n, ctype) op_##name##_a: STOREA(n, ctype)
    WA_LOADS(AS_LOAD)
    WA_STORES(AS_STORE)
op_memory_size:
    fp[pc[1]] = st->mem_pages;
    pc += 2;
    NEXT;
op_memory_grow: {
    uint32_t old = st->mem_pages;
    uint64_t want = (uint64_t)old + (uint32_t)fp[pc[2]];
    if (st->grow_failed) {
        st->grow_failed = 0;
        fp[pc[1]] = UINT32_MAX;
    } else if (!h->has_mem || want > h->mem_max) {
        fp[pc[1]] = UINT32_MAX;
    } else if (want * WA_PAGE > x->mem_bytes) {
        st->want_mem = want * WA_PAGE;
        SAVE();
        return WA_X_GROW_MEM;
    } else {
        st->mem_pages = (uint32_t)want;
        memsz = want * WA_PAGE;
        fp[pc[1]] = old;
    }
    pc += 3;
    NEXT;
}
op_const32:
    fp[pc[1]] = pc[2];
    pc += 3;
    NEXT;
op_const64:
    fp[pc[1]] = (uint64_t)pc[2] | (uint64_t)pc[3] << 32;
    pc += 4;
    NEXT;

op_i32_eqz: UN(U32 == 0)
op_i64_eqz: UN(U64 == 0)
op_f32_eq: BIN(FA32 == FB32)
op_f32_ne: BIN(FA32 != FB32)
op_f32_lt: BIN(FA32 < FB32)
op_f32_gt: BIN(FA32 > FB32)
op_f32_le: BIN(FA32 <= FB32)
op_f32_ge: BIN(FA32 >= FB32)
op_f64_eq: BIN(FA64 == FB64)
op_f64_ne: BIN(FA64 != FB64)
op_f64_lt: BIN(FA64 < FB64)
op_f64_gt: BIN(FA64 > FB64)
op_f64_le: BIN(FA64 <= FB64)
op_f64_ge: BIN(FA64 >= FB64)

op_i32_clz: UN(U32 ? (uint32_t)__builtin_clz(U32) : 32u)
op_i32_ctz: UN(U32 ? (uint32_t)__builtin_ctz(U32) : 32u)
op_i32_popcnt: UN((uint32_t)__builtin_popcount(U32))
op_i32_div_s:
    if (B32 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    if (A32 == 0x80000000u && B32 == UINT32_MAX)
        TRAP(WA_TRAP_INT_OVERFLOW);
    BIN((uint32_t)((int32_t)A32 / (int32_t)B32))
op_i32_div_u:
    if (B32 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(A32 / B32)
op_i32_rem_s:
    if (B32 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(B32 == UINT32_MAX ? 0u : (uint32_t)((int32_t)A32 % (int32_t)B32))
op_i32_rem_u:
    if (B32 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(A32 % B32)
op_i64_clz: UN(U64 ? (uint64_t)__builtin_clzll(U64) : 64u)
op_i64_ctz: UN(U64 ? (uint64_t)__builtin_ctzll(U64) : 64u)
op_i64_popcnt: UN((uint64_t)__builtin_popcountll(U64))
op_i64_div_s:
    if (B64 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    if (A64 == 0x8000000000000000u && B64 == UINT64_MAX)
        TRAP(WA_TRAP_INT_OVERFLOW);
    BIN((uint64_t)((int64_t)A64 / (int64_t)B64))
op_i64_div_u:
    if (B64 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(A64 / B64)
op_i64_rem_s:
    if (B64 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(B64 == UINT64_MAX ? 0u : (uint64_t)((int64_t)A64 % (int64_t)B64))
op_i64_rem_u:
    if (B64 == 0)
        TRAP(WA_TRAP_DIV_ZERO);
    BIN(A64 % B64)

op_f32_abs: UN(U32 & 0x7FFFFFFFu)
op_f32_neg: UN(U32 ^ 0x80000000u)
op_f32_ceil: FUN32(ceilf(FU32))
op_f32_floor: FUN32(floorf(FU32))
op_f32_trunc: FUN32(truncf(FU32))
op_f32_nearest: FUN32(nearbyintf(FU32))
op_f32_sqrt: FUN32(sqrtf(FU32))
op_f32_add: FBIN32(FA32 + FB32)
op_f32_sub: FBIN32(FA32 - FB32)
op_f32_mul: FBIN32(FA32 * FB32)
op_f32_div: FBIN32(FA32 / FB32)
op_f32_min: FBIN32(wa_fmin32(FA32, FB32))
op_f32_max: FBIN32(wa_fmax32(FA32, FB32))
op_f32_copysign: BIN((A32 & 0x7FFFFFFFu) | (B32 & 0x80000000u))
op_f64_abs: UN(U64 & 0x7FFFFFFFFFFFFFFFu)
op_f64_neg: UN(U64 ^ 0x8000000000000000u)
op_f64_ceil: FUN64(ceil(FU64))
op_f64_floor: FUN64(floor(FU64))
op_f64_trunc: FUN64(trunc(FU64))
op_f64_nearest: FUN64(nearbyint(FU64))
op_f64_sqrt: FUN64(sqrt(FU64))
op_f64_add: FBIN64(FA64 + FB64)
op_f64_sub: FBIN64(FA64 - FB64)
op_f64_mul: FBIN64(FA64 * FB64)
op_f64_div: FBIN64(FA64 / FB64)
op_f64_min: FBIN64(wa_fmin64(FA64, FB64))
op_f64_max: FBIN64(wa_fmax64(FA64, FB64))
op_f64_copysign: BIN((A64 & 0x7FFFFFFFFFFFFFFFu) | (B64 & 0x8000000000000000u))

op_i32_wrap_i64: UN((uint32_t)U64)
op_i32_trunc_f32_s: TRUNC(FU32, WA_I32_LO, WA_I32_HI, int32_t)
op_i32_trunc_f32_u: TRUNC(FU32, WA_U32_LO, WA_U32_HI, uint32_t)
op_i32_trunc_f64_s: TRUNC(FU64, WA_I32_LO, WA_I32_HI, int32_t)
op_i32_trunc_f64_u: TRUNC(FU64, WA_U32_LO, WA_U32_HI, uint32_t)
op_i64_extend_i32_s: UN((uint64_t)(int64_t)(int32_t)U32)
op_i64_extend_i32_u: UN((uint64_t)U32)
op_i64_trunc_f32_s: TRUNC(FU32, WA_I64_LO, WA_I64_HI, int64_t)
op_i64_trunc_f32_u: TRUNC(FU32, WA_U32_LO, WA_U64_HI, uint64_t)
op_i64_trunc_f64_s: TRUNC(FU64, WA_I64_LO, WA_I64_HI, int64_t)
op_i64_trunc_f64_u: TRUNC(FU64, WA_U32_LO, WA_U64_HI, uint64_t)
op_f32_convert_i32_s: FUN32((float)(int32_t)U32)
op_f32_convert_i32_u: FUN32((float)U32)
op_f32_convert_i64_s: FUN32((float)(int64_t)U64)
op_f32_convert_i64_u: FUN32((float)U64)
op_f32_demote_f64: FUN32((float)FU64)
op_f64_convert_i32_s: FUN64((double)(int32_t)U32)
op_f64_convert_i32_u: FUN64((double)U32)
op_f64_convert_i64_s: FUN64((double)(int64_t)U64)
op_f64_convert_i64_u: FUN64((double)U64)
op_f64_promote_f32: FUN64((double)FU32)
op_i32_extend8_s: UN((uint32_t)(int32_t)(int8_t)U32)
op_i32_extend16_s: UN((uint32_t)(int32_t)(int16_t)U32)
op_i64_extend8_s: UN((uint64_t)(int64_t)(int8_t)U64)
op_i64_extend16_s: UN((uint64_t)(int64_t)(int16_t)U64)
op_i64_extend32_s: UN((uint64_t)(int64_t)(int32_t)U64)
op_i32_trunc_sat_f32_s: UN((uint32_t)wa_sat_i32(FU32))
op_i32_trunc_sat_f32_u: UN(wa_sat_u32(FU32))
op_i32_trunc_sat_f64_s: UN((uint32_t)wa_sat_i32(FU64))
op_i32_trunc_sat_f64_u: UN(wa_sat_u32(FU64))
op_i64_trunc_sat_f32_s: UN((uint64_t)wa_sat_i64(FU32))
op_i64_trunc_sat_f32_u: UN(wa_sat_u64(FU32))
op_i64_trunc_sat_f64_s: UN((uint64_t)wa_sat_i64(FU64))
op_i64_trunc_sat_f64_u: UN(wa_sat_u64(FU64))

/* Bulk memory: d s n (or d value n) in three slots from base. */
op_memory_init: {
    const wa_iseg *seg = &wa_img_datas(h)[pc[1]];
    const uint64_t *o = fp + pc[2];
    uint64_t d = (uint32_t)o[0], s = (uint32_t)o[1], n = (uint32_t)o[2];
    uint64_t len = wa_st_data_dropped(x->state, h)[pc[1]] ? 0 : seg->n;
    if (s + n > len || d + n > memsz)
        TRAP(WA_TRAP_MEM_OOB);
    memcpy(mem + d, wa_img_blob(h) + seg->at + s, n);
    pc += 3;
    NEXT;
}
op_data_drop:
    wa_st_data_dropped(x->state, h)[pc[1]] = 1;
    pc += 2;
    NEXT;
op_memory_copy: {
    const uint64_t *o = fp + pc[1];
    uint64_t d = (uint32_t)o[0], s = (uint32_t)o[1], n = (uint32_t)o[2];
    if (s + n > memsz || d + n > memsz)
        TRAP(WA_TRAP_MEM_OOB);
    memmove(mem + d, mem + s, n);
    pc += 2;
    NEXT;
}
op_memory_fill: {
    const uint64_t *o = fp + pc[1];
    uint64_t d = (uint32_t)o[0], n = (uint32_t)o[2];
    if (d + n > memsz)
        TRAP(WA_TRAP_MEM_OOB);
    memset(mem + d, (uint8_t)o[1], n);
    pc += 2;
    NEXT;
}
op_table_init: {
    const wa_iseg *seg = &wa_img_elems(h)[pc[1]];
    const uint64_t *o = fp + pc[2];
    uint64_t d = (uint32_t)o[0], s = (uint32_t)o[1], n = (uint32_t)o[2];
    uint64_t len = wa_st_elem_dropped(x->state, h)[pc[1]] ? 0 : seg->n;
    if (s + n > len || d + n > h->table_size)
        TRAP(WA_TRAP_TABLE_OOB);
    memcpy(table + d, wa_img_blob(h) + seg->at + 4 * s, n * 4);
    pc += 3;
    NEXT;
}
op_elem_drop:
    wa_st_elem_dropped(x->state, h)[pc[1]] = 1;
    pc += 2;
    NEXT;
op_table_copy: {
    const uint64_t *o = fp + pc[1];
    uint64_t d = (uint32_t)o[0], s = (uint32_t)o[1], n = (uint32_t)o[2];
    if (s + n > h->table_size || d + n > h->table_size)
        TRAP(WA_TRAP_TABLE_OOB);
    memmove(table + d, table + s, n * 4);
    pc += 2;
    NEXT;
}

trapped:
    SAVE();
    st->status = WA_ST_TRAPPED;
    st->trap = trap;
    st->trap_pc = (uint32_t)(pc - code);
    return WA_X_TRAP;
}
