/*
 * n_wasm.c - .internal.wasm: a WebAssembly instance whose whole state
 * lives in the world, run by the engine of src/wasm (docs/WASM.md).
 *
 * The object's words hold binaries: the translated image (immutable), the
 * state block (registers, globals, table), the value stack, the call
 * frames, the linear memory and the program's arguments.  Linear memory
 * is one binary, so its pages are directly addressable pages of the
 * persistent space; memory.grow grows it (doubling its capacity, so
 * growing page by page stays cheap).
 *
 * start(hex, name, args) validates, translates and instantiates a module;
 * step(w, input) runs it for a time slice and returns false, or true once
 * the program has ended (the exit status is then set, and a trap reported
 * on standard error).  Between two steps the engine's state is complete
 * in the world, which is where the driver class (src/wasm/wa_driver.c)
 * lets snapshots happen: its loop's backward jump.  A step that used its
 * slice puts the thread at the back of the run queue, so a wasm program
 * is preempted like any other thread.
 *
 * Libraries.  library(bytes) loads a module that need not be a command
 * (wasm.h, "Libraries"): it runs its start function and `_initialize`
 * when stepped, then is IDLE; call(w, name, args) starts a call of an
 * export, stepped the same way until step returns true, after which
 * trap(w) says whether it trapped (and makes the instance IDLE again)
 * and result(w) gives its results.  .phantom.wasm.module wraps this.
 * A library never sets the process's exit status nor prints its traps:
 * the Phantom code that called it gets them.  Its memory is reached
 * through copies (read, write), never as the binary itself, which a
 * program could resize under the engine.
 *
 * Waiting.  A program reading standard input or sleeping (poll_oneoff)
 * parks its thread: the read goes to the host I/O thread (hostio.h,
 * PV_IO_READBYTES), the sleep is a wall-clock deadline (PV_TS_SLEEPING),
 * and the call stays pending in the engine.  What the wait delivers (the
 * bytes read; null after a sleep) is step's result, which the driver
 * hands to the next step as `input`, where the pending call, made again,
 * takes it.  A snapshot taken meanwhile keeps the wait (the read is
 * issued again after a restart; the sleep keeps its deadline).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../hal/hal.h"
#include "../hostio.h"
#include "../interp.h"
#include "../sched.h"
#include "../serve.h"
#include "n_wasm.h"

/* Safepoints (loop iterations and calls) in one slice. */
#define WASM_SLICE 50000u

/* ---- host services for WASI ------------------------------------------------------- */

static void h_write(void *ctx, int fd, const uint8_t *p, size_t n)
{
    pv_vm *vm = ((wasm_ctx *)ctx)->vm;
    if (fd == 1) {
        pv_out_write(vm, (const char *)p, n);
        if (vm->out_tty && memchr(p, '\n', n))
            pv_out_flush(vm);
        return;
    }
    pv_out_flush(vm);
    pv_console_write(vm, 2, (const char *)p, n);
}

/* Standard input: the bytes the last wait delivered, or a read started
 * on the host I/O thread (the program parks until it answers). */
static long h_read(void *ctx, uint8_t *p, size_t n)
{
    wasm_ctx *c = ctx;
    pv_value in = c->input;
    c->input = PV_FALSE;
    if (pv_obj_kind(in) == PV_K_BINARY) {
        struct pv_binary *b = pv_as_ptr(in);
        size_t got = b->len < n ? b->len : n;
        if (got)   /* an empty binary (end of input) has no bytes */
            memcpy(p, b->bytes, got);
        return (long)got;
    }
    if (pv_is_int(in))
        return -EIO;
    if (pv_io_read_bytes(c->vm, c->vm->cur, n > PV_IO_READ_MAX ? PV_IO_READ_MAX : (uint32_t)n) < 0)
        return -ENOMEM;
    c->parked = true;
    return WA_READ_WAIT;
}

static int h_sleep_until(void *ctx, uint64_t wall_ns)
{
    wasm_ctx *c = ctx;
    int64_t at = wall_ns > (uint64_t)INT64_MAX / 2 ? INT64_MAX / 2 : (int64_t)wall_ns;
    if (pv_sched_block(c->vm, c->vm->cur, PV_TS_SLEEPING, at) == PV_NTHROW)
        c->thrown = true;
    else
        c->parked = true;
    return 0;
}

static bool h_is_tty(void *ctx, int fd)
{
    (void)ctx;
    return hal_console_is_tty(fd);
}

static uint64_t h_now(void *ctx)
{
    (void)ctx;
    return hal_now_wall_ns();
}

static int h_random(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return hal_random_bytes(p, n);
}

/* ---- the object ------------------------------------------------------------------------ */

static struct pv_binary *word_bin(struct pv_native_obj *o, int w)
{
    return pv_obj_kind(o->w[w]) == PV_K_BINARY ? pv_as_ptr(o->w[w]) : NULL;
}

/* The engine's view of the object's blocks; false if it was never
 * started (an object made by `new`). */
static bool view(struct pv_native_obj *o, wa_exec *x)
{
    struct pv_binary *img = word_bin(o, W_IMAGE), *st = word_bin(o, W_STATE), *stack = word_bin(o, W_STACK),
                     *frames = word_bin(o, W_FRAMES), *mem = word_bin(o, W_MEM);
    if (!img || !st || !stack || !frames || !mem || !wa_image_ok(img->bytes, img->len) ||
        st->len != wa_state_bytes(img->bytes))
        return false;
    *x = (wa_exec){.image = img->bytes, .state = st->bytes, .stack = (uint64_t *)(void *)stack->bytes,
                   .stack_slots = stack->len / 8, .frames = (uint32_t *)(void *)frames->bytes,
                   .frames_cap = frames->len / WA_FRAME_BYTES, .mem = mem->bytes, .mem_bytes = mem->len,
                   .budget = WASM_SLICE};
    return true;
}

/* A program an older build translated (wa_image_older): refused with the
 * reason, never run in a form this build would misread.  0 if not. */
static int refuse_older(pv_vm *vm, struct pv_native_obj *o, const char *fn)
{
    struct pv_binary *img = word_bin(o, W_IMAGE);
    uint32_t version = img ? wa_image_older(img->bytes, img->len) : 0;
    if (!version)
        return 0;
    return pv_throw(vm, PV_B_STATE_EXC,
                    "%s: this WebAssembly program was translated by an older Phantom build (internal form %u, "
                    "which this build does not run): finish it with that build, or run the module again",
                    fn, version);
}

static int set_word(pv_vm *vm, struct pv_native_obj *o, int w, void *obj)
{
    if (!obj)
        return -1;
    pv_gc_write(vm, &o->w[w], pv_from_ptr(obj));
    return 0;
}

static bool hex_digit(char c, uint8_t *v)
{
    if (c >= '0' && c <= '9') *v = (uint8_t)(c - '0');
    else if (c >= 'a' && c <= 'f') *v = (uint8_t)(c - 'a' + 10);
    else return false;
    return true;
}

/* The program's arguments: name, then args' strings, NUL-terminated. */
static struct pv_binary *args_block(pv_vm *vm, struct pv_string *name, pv_value args, uint32_t *argc)
{
    pv_buf b = {0};
    pv_buf_add(&b, name->bytes, name->len + 1);
    *argc = 1;
    if (pv_obj_kind(args) == PV_K_ARRAY) {
        struct pv_array *a = pv_as_ptr(args);
        for (uint32_t i = 0; i < a->len; i++) {
            struct pv_string *s = pv_tostring_native(vm, a->items[i]);
            if (!s) {
                pv_buf_free(&b);
                return NULL;
            }
            pv_buf_add(&b, s->bytes, s->len + 1);
            (*argc)++;
        }
    }
    struct pv_binary *bin = b.failed || b.len > UINT32_MAX ? NULL : pv_binary_of(vm, b.p, (uint32_t)b.len);
    pv_buf_free(&b);
    return bin;
}

/* A new instance of the module bytes[0, len) (a command, or a library),
 * ready to step, in *ret. */
static int instantiate(pv_vm *vm, const uint8_t *bytes, size_t len, bool library, struct pv_string *name,
                       pv_value argv, pv_value *ret)
{
    const char *fn = library ? "library" : "start";
    uint8_t *image;
    size_t image_len;
    wa_error err;
    int rc = library ? wa_load_library(bytes, len, &image, &image_len, &err) : wa_load(bytes, len, &image, &image_len, &err);
    if (rc < 0)
        return pv_throw(vm, PV_B_ARG_EXC, "%s: %s: invalid module: %s", fn, name->bytes, err.msg);
    struct pv_native_obj *o = pv_alloc_obj(vm, pv_find_class(vm, ".internal.wasm"), sizeof *o);
    uint32_t argc = 0;
    bool made = o && image_len <= PV_BINARY_MAX && wa_memory_bytes(image) <= PV_BINARY_MAX;
    if (made) {
        for (int i = 0; i < PV_NATIVE_WORDS; i++)
            o->w[i] = PV_NULL;
        made = set_word(vm, o, W_IMAGE, pv_binary_of(vm, image, (uint32_t)image_len)) == 0 &&
               set_word(vm, o, W_STATE, pv_binary_new(vm, (uint32_t)wa_state_bytes(image))) == 0 &&
               set_word(vm, o, W_STACK, pv_binary_new(vm, WA_STACK_INITIAL_SLOTS * 8u)) == 0 &&
               set_word(vm, o, W_FRAMES, pv_binary_new(vm, WA_FRAMES_INITIAL * WA_FRAME_BYTES)) == 0 &&
               set_word(vm, o, W_MEM, pv_binary_new(vm, (uint32_t)wa_memory_bytes(image))) == 0 &&
               set_word(vm, o, W_ARGS, args_block(vm, name, argv, &argc)) == 0;
    }
    free(image);
    if (!made)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &o->w[W_ARGC], pv_int((int32_t)argc));
    wa_exec x;
    bool viewed = view(o, &x);
    HAL_ASSERT(viewed);
    (void)viewed;
    if (wa_instantiate(&x, &err) < 0)
        return pv_throw(vm, PV_B_ARG_EXC, "%s: %s: cannot instantiate: %s", fn, name->bytes, err.msg);
    *ret = pv_from_ptr(o);
    return PV_NOK;
}

/* start(hex, name, args): a new instance of the command module, ready to step. */
static int w_start(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *hex = pv_arg_string(vm, args[0], "start", 1), *name = hex ? pv_arg_string(vm, args[1], "start", 2) : NULL;
    if (!name)
        return PV_NTHROW;
    size_t len = hex->len / 2;
    uint8_t *bytes = malloc(len ? len : 1);
    if (!bytes)
        return pv_throw_oom(vm);
    bool ok = hex->len % 2 == 0;
    for (size_t i = 0; ok && i < len; i++) {
        uint8_t hi = 0, lo = 0;
        ok = hex_digit(hex->bytes[2 * i], &hi) && hex_digit(hex->bytes[2 * i + 1], &lo);
        bytes[i] = (uint8_t)(hi << 4 | lo);
    }
    int rc = ok ? instantiate(vm, bytes, len, false, name, args[2], ret)
                : pv_throw(vm, PV_B_ARG_EXC, "start: the module's bytes must be lowercase hex");
    free(bytes);
    return rc;
}

/* Grows binary b to at least `want` bytes, doubling when it can. */
static bool grow_block(pv_vm *vm, struct pv_binary *b, uint64_t want, uint64_t max)
{
    uint64_t len = (uint64_t)b->len * 2;
    if (len < want)
        len = want;
    if (len > max)
        len = max;
    if (len >= want && pv_binary_resize(vm, b, (uint32_t)len) == 0)
        return true;
    return want <= max && pv_binary_resize(vm, b, (uint32_t)want) == 0;
}

/* The program ended: its status, and a trap's message. */
static void ended(pv_vm *vm, wa_exec *x, int r)
{
    if (r == WA_X_TRAP) {
        char msg[400];
        wa_trap_message(x, msg, sizeof msg);
        pv_out_flush(vm);
        pv_console_printf(vm, 2, "phantom: wasm trap: %s\n", msg);
        vm->root->exit_code = 1;
    } else {
        vm->root->exit_code = wa_exit_code(x);
    }
}

/* step(w, input): input is what the last wait delivered (step's result
 * then), or anything else. */
static int w_step(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_native_obj *o = pv_as_ptr(args[0]);
    struct pv_binary *argb = word_bin(o, W_ARGS);
    wa_exec x;
    if (refuse_older(vm, o, "step"))
        return PV_NTHROW;
    if (!view(o, &x) || !argb || !pv_is_int(o->w[W_ARGC]))
        return pv_throw(vm, PV_B_STATE_EXC, "step: this .internal.wasm was never started");
    wasm_ctx ctx = {.vm = vm, .o = o, .input = args[1]};
    wa_host host = {.ctx = &ctx, .write = h_write, .read = h_read, .is_tty = h_is_tty, .now_wall_ns = h_now,
                    .random = h_random, .sleep_until = h_sleep_until, .files = &pv_wasm_files,
                    .args = (const char *)argb->bytes, .args_len = argb->len,
                    .argc = (uint32_t)pv_as_int(o->w[W_ARGC])};
    x.stop = &((struct pw_world_head *)(void *)vm->w)->stop_flag;
    if (wa_exec_finished(&x)) {
        *ret = PV_TRUE;
        return PV_NOK;
    }
    for (;;) {
        int r = wa_exec_run(&x);
        if (r == WA_X_HOST)
            r = wa_wasi_call(&x, &host);
        switch (r) {
        case WA_X_AGAIN:
            continue;
        case WA_X_YIELD:
            pv_sched_ready(vm, vm->cur);
            *ret = PV_FALSE;
            return PV_NBLOCK;
        case WA_X_WAIT:
            HAL_ASSERT(ctx.parked || ctx.thrown);
            *ret = PV_NULL;
            return ctx.thrown ? PV_NTHROW : PV_NBLOCK;
        case WA_X_GROW_STACK: {
            struct pv_binary *stack = word_bin(o, W_STACK), *frames = word_bin(o, W_FRAMES);
            if (!grow_block(vm, stack, (uint64_t)wa_want_stack_slots(&x) * 8, (uint64_t)WA_MAX_STACK_SLOTS * 8) ||
                !grow_block(vm, frames, (uint64_t)wa_want_frames(&x) * WA_FRAME_BYTES,
                            (uint64_t)WA_MAX_FRAMES * WA_FRAME_BYTES))
                return pv_throw_oom(vm);
            view(o, &x);
            x.stop = &((struct pw_world_head *)(void *)vm->w)->stop_flag;
            continue;
        }
        case WA_X_GROW_MEM:
            if (!grow_block(vm, word_bin(o, W_MEM), wa_want_mem_bytes(&x), wa_max_memory_bytes(x.image)))
                wa_mem_grow_failed(&x);
            view(o, &x);
            x.stop = &((struct pw_world_head *)(void *)vm->w)->stop_flag;
            continue;
        default:
            if (!wa_image_is_library(x.image))
                ended(vm, &x, r);
            *ret = PV_TRUE;
            return PV_NOK;
        }
    }
}

/* ---- libraries ----------------------------------------------------------------------- */

/* library(bytes): a string or binary holding the module. */
static int w_library(pv_vm *vm, pv_value *args, pv_value *ret)
{
    const uint8_t *bytes;
    size_t len;
    if (!pv_arg_bytes(vm, args[0], "library", 1, &bytes, &len))
        return PV_NTHROW;
    /* The bytes are an object the allocations below may free or move:
     * they are copied first. */
    uint8_t *copy = malloc(len ? len : 1);
    if (copy && len)
        memcpy(copy, bytes, len);
    struct pv_string *name = copy ? pv_str_cstr(vm, "module") : NULL;
    if (!name) {
        free(copy);
        return pv_throw_oom(vm);
    }
    int rc = instantiate(vm, copy, len, true, name, PV_NULL, ret);
    free(copy);
    return rc;
}

/* The library instance w (an .internal.wasm: the methods' signatures
 * check that), viewed; NULL with an exception raised if it is not a
 * library. */
static struct pv_native_obj *library_view(pv_vm *vm, pv_value w, const char *fn, wa_exec *x)
{
    struct pv_native_obj *o = pv_as_ptr(w);
    if (refuse_older(vm, o, fn))
        return NULL;
    if (!view(o, x) || !wa_image_is_library(x->image)) {
        pv_throw(vm, PV_B_TYPE_EXC, "%s: not a WebAssembly library instance (.internal.wasm.library)", fn);
        return NULL;
    }
    return o;
}

/* One argument as the export's parameter type t. */
static bool to_wasm(pv_vm *vm, pv_value v, uint8_t t, const char *fn, int argno, uint64_t *out)
{
    if (t == WA_T_I32) {
        int32_t i;
        if (!pv_arg_int(vm, v, fn, argno, &i))
            return false;
        *out = (uint32_t)i;
    } else if (t == WA_T_I64) {
        int64_t l;
        if (!pv_arg_long(vm, v, fn, argno, &l))
            return false;
        *out = (uint64_t)l;
    } else {
        double d;
        if (!pv_arg_double(vm, v, fn, argno, &d))
            return false;
        if (t == WA_T_F32) {
            float f = (float)d;
            uint32_t bits;
            memcpy(&bits, &f, 4);
            *out = bits;
        } else {
            memcpy(out, &d, 8);
        }
    }
    return true;
}

static pv_value from_wasm(pv_vm *vm, uint64_t v, uint8_t t)
{
    if (t == WA_T_I32)
        return pv_int((int32_t)(uint32_t)v);
    if (t == WA_T_I64)
        return pv_make_long(vm, (int64_t)v);
    if (t == WA_T_F32) {
        float f;
        uint32_t bits = (uint32_t)v;
        memcpy(&f, &bits, 4);
        return pv_float(f);
    }
    double d;
    memcpy(&d, &v, 8);
    return pv_double(d);
}

/* call(w, name, args): starts a call of export `name` with the numbers of
 * the array args (null: none); step w until it returns true. */
static int w_call(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    struct pv_native_obj *o = library_view(vm, args[0], "call", &x);
    struct pv_string *name = o ? pv_arg_string(vm, args[1], "call", 2) : NULL;
    if (!name)
        return PV_NTHROW;
    int64_t i = wa_export_find(x.image, name->bytes, name->len);
    if (i < 0)
        return pv_throw(vm, PV_B_ARG_EXC, "call: the module exports no function '%s'", name->bytes);
    wa_export e;
    wa_export_get(x.image, (uint32_t)i, &e);
    struct pv_array *a = NULL;
    if (args[2] != PV_NULL && !(a = pv_arg_kind(vm, args[2], PV_K_ARRAY, "call", 3)))
        return PV_NTHROW;
    uint32_t n = a ? a->len : 0;
    if (n != e.np)
        return pv_throw(vm, PV_B_ARG_EXC, "call: '%s' takes %u argument%s, not %u", name->bytes, e.np,
                        e.np == 1 ? "" : "s", n);
    uint64_t *vals = malloc(((size_t)n + 1) * sizeof *vals);
    if (!vals)
        return pv_throw_oom(vm);
    for (uint32_t k = 0; k < n; k++)
        if (!to_wasm(vm, a->items[k], e.types[k], "call", (int)k + 1, &vals[k])) {
            free(vals);
            return PV_NTHROW;
        }
    wa_error err;
    int rc = wa_call_begin(&x, (uint32_t)i, vals, &err);
    free(vals);
    if (rc < 0)
        return pv_throw(vm, PV_B_STATE_EXC, "call: '%s': %s", name->bytes, err.msg);
    *ret = PV_NULL;
    return PV_NOK;
}

/* trap(w): null if the last call (or the start) ended normally; else
 * what stopped it, and the instance waits for calls again (a trap) or
 * stays ended (the module called proc_exit). */
static int w_trap(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    if (!library_view(vm, args[0], "trap", &x))
        return PV_NTHROW;
    char msg[400];
    if (wa_exec_idle(&x) || !wa_exec_finished(&x)) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    if (wa_exec_trapped(&x)) {
        wa_trap_message(&x, msg, sizeof msg);
        wa_call_recover(&x);
    } else {
        snprintf(msg, sizeof msg, "the module exited with status %d", wa_exit_code(&x));
    }
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, msg));
}

/* result(w): the last call's results: null (none), a number, or an array. */
static int w_result(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    if (!library_view(vm, args[0], "result", &x))
        return PV_NTHROW;
    int64_t i = -1;
    const uint64_t *vals = wa_exec_idle(&x) ? wa_call_results(&x, &i) : NULL;
    if (i < 0)
        return pv_throw(vm, PV_B_STATE_EXC, "result: no call has ended normally");
    wa_export e;
    wa_export_get(x.image, (uint32_t)i, &e);
    *ret = PV_NULL;
    if (e.nr == 1) {
        *ret = from_wasm(vm, vals[0], e.types[e.np]);
        return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
    }
    if (e.nr == 0)
        return PV_NOK;
    /* Several results: an array (the stack cannot move while it is made:
     * the values are copied first). */
    uint64_t *copy = malloc(e.nr * sizeof *copy);
    if (!copy)
        return pv_throw_oom(vm);
    memcpy(copy, vals, e.nr * sizeof *copy);
    struct pv_array *a = pv_array_new(vm, e.nr);
    for (uint32_t k = 0; a && k < e.nr; k++) {
        pv_value v = from_wasm(vm, copy[k], e.types[e.np + k]);
        if (v == PV_NULL)
            a = NULL;
        else
            pv_gc_write(vm, &a->items[k], v);
    }
    free(copy);
    return pv_ret_obj(vm, ret, a);
}

/* exports(w): the names of the function exports, in the module's order. */
static int w_exports(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    if (!library_view(vm, args[0], "exports", &x))
        return PV_NTHROW;
    uint32_t n = wa_export_count(x.image);
    struct pv_array *a = pv_array_new(vm, n);
    for (uint32_t k = 0; a && k < n; k++) {
        view(pv_as_ptr(args[0]), &x);   /* allocating may have moved the image */
        wa_export e;
        wa_export_get(x.image, k, &e);
        struct pv_string *s = pv_str_new(vm, e.name, e.name_len);
        if (!s)
            a = NULL;
        else
            pv_gc_write(vm, &a->items[k], pv_from_ptr(s));
    }
    return pv_ret_obj(vm, ret, a);
}

/* memorySize(w): the linear memory's size in bytes (a long). */
static int w_memory_size(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    if (!library_view(vm, args[0], "memorySize", &x))
        return PV_NTHROW;
    *ret = pv_make_long(vm, (int64_t)wa_memory_size(&x));
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

/* read(w, offset, n): a new binary holding n bytes of linear memory. */
static int w_read(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    int64_t off, n;
    if (!library_view(vm, args[0], "read", &x) || !pv_arg_long(vm, args[1], "read", 2, &off) ||
        !pv_arg_long(vm, args[2], "read", 3, &n) || !pv_check_range(vm, "read", off, n, wa_memory_size(&x)))
        return PV_NTHROW;
    struct pv_binary *b = pv_binary_new(vm, (uint32_t)n);
    if (b) {
        view(pv_as_ptr(args[0]), &x);   /* the allocation may have moved the memory */
        if (n)
            memcpy(b->bytes, x.mem + off, (size_t)n);
    }
    return pv_ret_obj(vm, ret, b);
}

/* write(w, offset, data): copies a string's or binary's bytes into
 * linear memory at offset. */
static int w_write(pv_vm *vm, pv_value *args, pv_value *ret)
{
    wa_exec x;
    int64_t off;
    const uint8_t *p;
    size_t n;
    if (!library_view(vm, args[0], "write", &x) || !pv_arg_long(vm, args[1], "write", 2, &off) ||
        !pv_arg_bytes(vm, args[2], "write", 3, &p, &n))
        return PV_NTHROW;
    if (!pv_check_range(vm, "write", off, (int64_t)n, wa_memory_size(&x)))
        return PV_NTHROW;
    if (n)
        memmove(x.mem + off, p, n);
    *ret = PV_NULL;
    return PV_NOK;
}

static const pv_native_method wasm_methods[] = {
    {"start", "(*,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_start},
    {"step", "(.internal.wasm,*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_step},
    {"library", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_library},
    {"call", "(.internal.wasm,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_call},
    {"trap", "(.internal.wasm)*", PV_NO_ORDINAL, PV_MF_STATIC, w_trap},
    {"result", "(.internal.wasm)*", PV_NO_ORDINAL, PV_MF_STATIC, w_result},
    {"exports", "(.internal.wasm)*", PV_NO_ORDINAL, PV_MF_STATIC, w_exports},
    {"memorySize", "(.internal.wasm)*", PV_NO_ORDINAL, PV_MF_STATIC, w_memory_size},
    {"read", "(.internal.wasm,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_read},
    {"write", "(.internal.wasm,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, w_write},
};

const pv_native_class pv_nc_wasm = {
    ".internal.wasm", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, wasm_methods, PV_COUNTOF(wasm_methods),
};
