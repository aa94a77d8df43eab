/*
 * fuzz_asm.c - fuzz target for the assembler and the disassembler.
 *
 * Text input: pv_asm refuses it with "file:line: error: ..." or yields
 * classes the reader accepts, which write and read back identically; each
 * one that verifies disassembles to text that assembles to the same bytes.
 * Input starting with the class file magic: a class the reader accepts
 * disassembles without crashing, and if it verifies, its disassembly
 * assembles to exactly its canonical form.
 *
 * libFuzzer, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc \
 *       tests/fuzz/fuzz_asm.c src/vm/asm.c src/vm/disasm.c src/vm/classfile.c \
 *       src/vm/verify.c src/vm/opcodes.c -lm -o /tmp/fa
 *   /tmp/fa -max_total_time=300 -dict=tests/fuzz/asm.dict tests/fuzz/corpus/asm
 * A plain program that runs the files (or directories) given: the same
 * with gcc and without -fsanitize=fuzzer and -DPHANTOM_LIBFUZZER.
 */
#include "../../src/vm/asm.h"
#include "fuzz_main.h"

#include <string.h>

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void add_line(void *ctx, const char *line)
{
    text *t = ctx;
    size_t n = strlen(line);
    if (t->len + n + 2 > t->cap) {
        t->cap = (t->len + n + 2) * 2;
        t->p = realloc(t->p, t->cap);
        FUZZ_ASSERT(t->p);
    }
    memcpy(t->p + t->len, line, n);
    t->len += n;
    t->p[t->len++] = '\n';
    t->p[t->len] = 0;
}

/* Assembles cf's disassembly: one class, written as `bytes` (n of them). */
static void check_disasm(const pv_cf *cf, const uint8_t *bytes, size_t n)
{
    text t = {0};
    pv_cf *back;
    int nback;
    pv_cf_error err;
    size_t m;
    pv_disasm(cf, add_line, &t);
    if (pv_asm(t.p, t.len, "disasm", &back, &nback, &err) != 0) {
        fprintf(stderr, "%s\n%s", err.msg, t.p);
        FUZZ_ASSERT(!"the disassembly assembles");
    }
    FUZZ_ASSERT(nback == 1);
    uint8_t *w = pv_cf_write(&back[0], &m);
    FUZZ_ASSERT(w && m == n && memcmp(w, bytes, n) == 0);
    free(w);
    free(t.p);
    pv_asm_free(back, nback);
}

static void check_class(const pv_cf *cf)
{
    pv_cf rd;
    pv_cf_error err;
    size_t n, m;
    uint8_t *b = pv_cf_write(cf, &n);
    FUZZ_ASSERT(b);
    FUZZ_ASSERT(pv_cf_read(b, n, NULL, &rd, &err) == 0);
    uint8_t *b2 = pv_cf_write(&rd, &m);
    FUZZ_ASSERT(b2 && m == n && memcmp(b, b2, n) == 0);
    if (pv_cf_verify(cf, &err) == 0)
        check_disasm(cf, b, n);
    free(b);
    free(b2);
    pv_cf_free(&rd);
}

static void check_binary(const uint8_t *data, size_t size)
{
    pv_cf cf;
    pv_cf_error err;
    text t = {0};
    size_t n;
    if (pv_cf_read(data, size, "fuzz", &cf, &err) < 0)
        return;
    pv_disasm(&cf, add_line, &t);   /* whatever the class holds */
    free(t.p);
    if (pv_cf_verify(&cf, &err) == 0) {
        FUZZ_ASSERT(pv_cf_canonicalize(&cf) == 0);
        uint8_t *b = pv_cf_write(&cf, &n);
        FUZZ_ASSERT(b);
        check_disasm(&cf, b, n);
        free(b);
    }
    pv_cf_free(&cf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pv_cf *cfs;
    int n;
    pv_cf_error err;
    if (size >= 4 && memcmp(data, PV_CF_MAGIC, 4) == 0) {
        check_binary(data, size);
        return 0;
    }
    if (pv_asm((const char *)data, size, "fuzz.pasm", &cfs, &n, &err) < 0) {
        FUZZ_ASSERT(strncmp(err.msg, "fuzz.pasm:", 10) == 0 && strstr(err.msg, ": error: "));
        return 0;
    }
    for (int i = 0; i < n; i++)
        check_class(&cfs[i]);
    pv_asm_free(cfs, n);
    return 0;
}
