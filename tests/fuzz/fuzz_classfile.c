/*
 * fuzz_classfile.c - fuzz target for the class file reader and the
 * verifier.  For any input: pv_cf_read refuses it with a message or
 * yields a class that writes back to exactly the input; pv_cf_verify
 * never crashes; the canonical form of a class reads back and verifies
 * exactly when the class does.
 *
 * libFuzzer, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc \
 *       tests/fuzz/fuzz_classfile.c src/vm/classfile.c src/vm/verify.c src/vm/opcodes.c -o /tmp/fc
 *   /tmp/fc -max_total_time=300 tests/fuzz/corpus/classfile
 * A plain program that runs the files (or directories) given:
 *   gcc -g -Isrc tests/fuzz/fuzz_classfile.c src/vm/classfile.c src/vm/verify.c src/vm/opcodes.c -o /tmp/fc
 *   /tmp/fc tests/fuzz/corpus/classfile
 * The seed corpus is written by PHANTOM_WRITE_CORPUS=1 build/tests/unit/classfile.
 */
#include "../../src/vm/classfile.h"
#include "fuzz_main.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pv_cf cf, again;
    pv_cf_error err;
    size_t n, m;
    if (pv_cf_read(data, size, "fuzz", &cf, &err) < 0) {
        FUZZ_ASSERT(strncmp(err.msg, "fuzz: ", 6) == 0 && strlen(err.msg) < sizeof err.msg);
        return 0;
    }
    uint8_t *w = pv_cf_write(&cf, &n);
    FUZZ_ASSERT(w && n == size && memcmp(w, data, size) == 0);
    free(w);
    bool ok = pv_cf_verify(&cf, &err) == 0;
    FUZZ_ASSERT(ok || strncmp(err.msg, "class ", 6) == 0);

    FUZZ_ASSERT(pv_cf_canonicalize(&cf) == 0);
    w = pv_cf_write(&cf, &n);
    FUZZ_ASSERT(w);
    FUZZ_ASSERT(pv_cf_read(w, n, "canonical", &again, &err) == 0);
    FUZZ_ASSERT((pv_cf_verify(&again, &err) == 0) == ok);
    /* the canonical form is a fixed point */
    FUZZ_ASSERT(pv_cf_canonicalize(&again) == 0);
    uint8_t *w2 = pv_cf_write(&again, &m);
    FUZZ_ASSERT(w2 && m == n && memcmp(w, w2, n) == 0);
    free(w);
    free(w2);
    pv_cf_free(&again);
    pv_cf_free(&cf);
    return 0;
}
