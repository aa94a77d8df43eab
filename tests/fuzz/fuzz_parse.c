/*
 * fuzz_parse.c - feeds arbitrary bytes to the Phantom language front end:
 * lexer, parser (as a file and as shell input), diagnostics and AST dump,
 * then frees everything.  A crash, a sanitizer report, a leak or a hang is
 * a bug, and so is a broken invariant (FUZZ_ASSERT aborts): at most the
 * error cap of errors, a status that agrees with the error count, and the
 * same tree again when a clean input is parsed a second time.
 *
 * Built with -DPHANTOM_LIBFUZZER it is a libFuzzer target (`make fuzzers`
 * builds build/fuzz/fuzz_parse; seeds in tests/fuzz/corpus/parse, words in
 * tests/fuzz/parse.dict).  Built without, it is a plain program
 * (fuzz_main.h) that runs the files or directories named on its command
 * line, to replay a crash under gcc or a debugger.  By hand, from the
 * repository root (the globs keep these lines out of the block comment):
 */
// clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc tests/fuzz/fuzz_parse.c src/compiler/*.c -o /tmp/fp
// /tmp/fp -max_total_time=120 -dict=tests/fuzz/parse.dict /tmp/corp tests/fuzz/corpus/parse
// gcc -g -Isrc tests/fuzz/fuzz_parse.c src/compiler/*.c -o /tmp/fp-plain && /tmp/fp-plain CRASH-FILE
#include "../../src/compiler/parse.h"
#include "fuzz_main.h"

/* Counts output bytes, so the formatting code runs without the output going anywhere. */
static void sink(void *ctx, const char *text, size_t len)
{
    (void)text;
    *(size_t *)ctx += len;
}

/* Parses data one way, dumps and checks it; the dump's size if it parsed cleanly, else 0. */
static size_t run_one(const uint8_t *data, size_t size, int shell)
{
    size_t out = 0;
    pc_diag d;
    pc_diag_init(&d, sink, &out);
    const char *text = (const char *)data;
    pc_unit *u = shell ? pc_parse_expression_or_statement(text, size, "fuzz.ph", &d, NULL)
                       : pc_parse_unit(text, size, "fuzz.ph", &d, NULL);
    FUZZ_ASSERT(u != NULL); /* NULL only when out of memory */
    FUZZ_ASSERT(d.errors <= d.max_errors);
    FUZZ_ASSERT((u->status == PC_PARSE_OK) == (d.errors == 0));
    size_t dump = 0;
    pc_dump_unit(u, sink, &dump);
    int ok = u->status == PC_PARSE_OK;
    pc_unit_free(u);
    return ok ? dump : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t first = run_one(data, size, 0);
    if (first)
        FUZZ_ASSERT(run_one(data, size, 0) == first); /* deterministic */
    run_one(data, size, 1);
    return 0;
}
