/*
 * fuzz_jvm.c - fuzz target for the Java front end (src/jvm): the class
 * file reader, the translator and the jar reader.  For any input:
 * jv_program either refuses it with a message naming the file, or yields
 * Phantom assembly that the assembler accepts (which verifies every
 * method): a translated class never fails the VM's verifier.  The same
 * bytes read as a jar are refused or give entries, never a crash.
 *
 * libFuzzer, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc \
 *       tests/fuzz/fuzz_jvm.c src/jvm/jv_*.c src/vm/asm.c src/vm/classfile.c src/vm/verify.c \
 *       src/vm/opcodes.c src/vm/disasm.c src/util/textbuf.c -lz -o /tmp/fj
 *   /tmp/fj -max_total_time=300 tests/fuzz/corpus/jvm
 * A plain program that runs the files (or directories) given:
 *   gcc -g -Isrc tests/fuzz/fuzz_jvm.c src/jvm/jv_*.c src/vm/asm.c src/vm/classfile.c \
 *       src/vm/verify.c src/vm/opcodes.c src/vm/disasm.c src/util/textbuf.c -lm -o /tmp/fj
 *   /tmp/fj tests/fuzz/corpus/jvm
 * The seed corpus is class files javac wrote for tests/java.
 */
#include "../../src/jvm/jvm.h"
#include "../../src/vm/asm.h"
#include "fuzz_main.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jv_input in = {.name = "fuzz.class", .bytes = (uint8_t *)data, .len = size};
    char *text = NULL, entry[1300];
    size_t len = 0;
    jv_error err;
    memset(&err, 0, sizeof err);
    if (jv_program(&in, 1, NULL, NULL, NULL, &text, &len, entry, sizeof entry, &err) < 0) {
        FUZZ_ASSERT(err.msg[0] && strlen(err.msg) < sizeof err.msg);
        FUZZ_ASSERT(strstr(err.msg, "fuzz.class") || strstr(err.msg, "main(String[])") ||
                    strstr(err.msg, "out of host memory"));
    } else {
        pv_cf *cfs = NULL;
        int n = 0;
        pv_cf_error aerr;
        int rc = pv_asm(text, len, "fuzz", &cfs, &n, &aerr);
        if (rc < 0)
            fprintf(stderr, "translation not accepted: %s\n", aerr.msg);
        FUZZ_ASSERT(rc == 0);
        for (int i = 0; i < n; i++)
            pv_cf_free(&cfs[i]);
        free(cfs);
        free(text);
    }
    jv_input *ins = NULL;
    int nin = 0;
    char main_class[256];
    if (jv_jar_read(data, size, "fuzz.jar", &ins, &nin, main_class, sizeof main_class, &err) == 0)
        jv_inputs_free(ins, nin);
    return 0;
}
