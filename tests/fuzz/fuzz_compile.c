/*
 * fuzz_compile.c - feeds arbitrary bytes to the whole Phantom language
 * compiler: parse, semantic analysis and code generation.  The input is
 * one source file, or several separated by a line "//--file--" (to fuzz
 * programs of several files, which see each other's classes).  A crash, a
 * sanitizer report, a leak or a hang is a bug, and so is a broken
 * invariant (FUZZ_ASSERT aborts):
 *   - the compiler never reports an internal error (a class it generated
 *     that the verifier or the class file reader refuses);
 *   - when it succeeds, every class passes pv_cf_verify, survives a write
 *     and read back unchanged, and the output is deterministic (a second
 *     compilation of the same input gives the same bytes);
 *   - it succeeds exactly when no error was reported.
 *
 * The internal classes come from the VM's table (src/vm/native_info.h)
 * when the VM's sources are linked in; built without them (the functions
 * are weak references), the target compiles against no internal classes,
 * which still exercises everything but the calls of internal methods.
 *
 * Built with -DPHANTOM_LIBFUZZER it is a libFuzzer target (`make fuzzers`
 * builds build/fuzz/fuzz_compile; seeds in tests/fuzz/corpus/compile,
 * words in tests/fuzz/compile.dict).  Built without, it is a plain program
 * (fuzz_main.h) that runs the files or directories named on its command
 * line.  By hand, from the repository root (the globs keep these lines
 * out of the block comment):
 */
// clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc tests/fuzz/fuzz_compile.c src/compiler/*.c src/vm/*.c src/vm/native/*.c src/persist/*.c src/hal/posix/*.c src/util/*.c -o /tmp/fc -lm
// /tmp/fc -max_total_time=120 -dict=tests/fuzz/compile.dict /tmp/corp tests/fuzz/corpus/compile
// gcc -g -Isrc tests/fuzz/fuzz_compile.c build/libphantom.a -o /tmp/fc-plain -lpthread -lm && /tmp/fc-plain CRASH-FILE
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "../../src/compiler/pc_compile.h"
#include "../../src/vm/native_info.h"
#include "fuzz_main.h"

/* Weak: present when the VM's sources are linked, NULL otherwise. */
extern size_t pv_native_info_count(void) __attribute__((weak));
extern int pv_native_info_class_at(size_t i, pv_native_info_class *out) __attribute__((weak));
extern int pv_native_info_method_at(size_t i, uint32_t m, pv_native_info_method *out) __attribute__((weak));

static void sink(void *ctx, const char *text, size_t len)
{
    (void)text;
    *(size_t *)ctx += len;
}

#define SEPARATOR "\n//--file--\n"
#define MAX_FILES 8

/* Compiles the input; returns the concatenated class files (malloc'd, *len) or NULL on failure. */
static uint8_t *compile(const uint8_t *data, size_t size, size_t *len)
{
    static const pc_natives vm = {NULL, NULL, NULL};
    pc_natives natives = vm;
    if (pv_native_info_count && pv_native_info_class_at && pv_native_info_method_at)
        natives = (pc_natives){pv_native_info_count, pv_native_info_class_at, pv_native_info_method_at};
    size_t out = 0;
    pc_diag d;
    pc_diag_init(&d, sink, &out);
    pc_options o = {.natives = natives.count ? &natives : NULL};
    pc_compiler *c = pc_compiler_new(&d, &o);
    FUZZ_ASSERT(c != NULL);
    static const char *const names[MAX_FILES] = {"a.ph", "b.ph", "c.ph", "d.ph", "e.ph", "f.ph", "g.ph", "h.ph"};
    const char *text = (const char *)data, *end = text + size;
    for (int i = 0; i < MAX_FILES; i++) {
        const char *sep = NULL;
        if (i + 1 < MAX_FILES)
            sep = memmem(text, (size_t)(end - text), SEPARATOR, strlen(SEPARATOR));
        const char *stop = sep ? sep : end;
        pc_compiler_add_source(c, text, (size_t)(stop - text), names[i]);
        if (!sep)
            break;
        text = sep + strlen(SEPARATOR);
    }
    pc_output res;
    int rc = pc_compiler_run(c, &res);
    FUZZ_ASSERT(!pc_compiler_internal_error(c));
    FUZZ_ASSERT((rc == 0) == (d.errors == 0));
    FUZZ_ASSERT(d.errors <= d.max_errors);
    pc_compiler_free(c);
    if (rc < 0)
        return NULL;
    uint8_t *all = NULL;
    size_t total = 0;
    for (int i = 0; i < res.n; i++) {
        pv_cf_error err;
        FUZZ_ASSERT(pv_cf_verify(res.classes[i], &err) == 0);
        size_t n;
        uint8_t *bytes = pv_cf_write(res.classes[i], &n);
        FUZZ_ASSERT(bytes != NULL);
        pv_cf back;
        FUZZ_ASSERT(pv_cf_read(bytes, n, NULL, &back, &err) == 0);
        FUZZ_ASSERT(pv_cf_verify(&back, &err) == 0);
        size_t n2;
        uint8_t *again = pv_cf_write(&back, &n2);
        FUZZ_ASSERT(again && n2 == n && memcmp(again, bytes, n) == 0);
        free(again);
        pv_cf_free(&back);
        uint8_t *grown = realloc(all, total + n);
        FUZZ_ASSERT(grown != NULL);
        all = grown;
        memcpy(all + total, bytes, n);
        total += n;
        free(bytes);
    }
    FUZZ_ASSERT(res.entry < res.n);
    pc_output_free(&res);
    *len = total;
    return all ? all : malloc(1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n1 = 0, n2 = 0;
    uint8_t *first = compile(data, size, &n1);
    if (first) {
        uint8_t *second = compile(data, size, &n2);
        FUZZ_ASSERT(second && n1 == n2 && memcmp(first, second, n1) == 0); /* deterministic */
        free(second);
    }
    free(first);
    return 0;
}
