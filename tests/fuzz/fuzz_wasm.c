/*
 * fuzz_wasm.c - fuzz target for the WebAssembly loader: decoding,
 * validation and translation (src/wasm).  For any input, wa_load either
 * refuses it with a one-line message that names an offset, or yields an
 * image that wa_image_ok accepts and that instantiates and runs for a
 * bounded budget on fresh blocks without a crash (host calls answered
 * with empty services and no file system).  The same input loaded as a
 * library (wa_load_library) runs its start, then each export is called
 * with zero arguments for a bounded budget, recovering after traps.
 *
 * libFuzzer, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DPHANTOM_LIBFUZZER -Isrc \
 *       tests/fuzz/fuzz_wasm.c src/wasm/wa_*.c src/util/crc32c.c -o /tmp/fw
 *   /tmp/fw -max_total_time=300 tests/fuzz/corpus/wasm
 * A plain program that runs the files (or directories) given:
 *   gcc -g -Isrc tests/fuzz/fuzz_wasm.c src/wasm/wa_*.c src/util/crc32c.c -lm -o /tmp/fw
 *   /tmp/fw tests/fuzz/corpus/wasm
 */
#include "../../src/wasm/wasm.h"
#include "fuzz_main.h"

#include <string.h>

static void w_write(void *ctx, int fd, const uint8_t *p, size_t n) { (void)ctx; (void)fd; (void)p; (void)n; }
static long w_read(void *ctx, uint8_t *p, size_t n) { (void)ctx; (void)p; (void)n; return 0; }
static bool w_tty(void *ctx, int fd) { (void)ctx; (void)fd; return false; }
static uint64_t w_now(void *ctx) { (void)ctx; return 1; }
static int w_random(void *ctx, void *p, size_t n) { (void)ctx; memset(p, 4, n); return 0; }
static int w_sleep(void *ctx, uint64_t wall_ns) { (void)ctx; (void)wall_ns; return 0; }

/* At most n slices; the last wa_exec_run result. */
static int slices(wa_exec *x, const wa_host *h, int n)
{
    int r = WA_X_YIELD;
    for (int i = 0; i < n; i++) {
        r = wa_exec_run(x);
        if (r == WA_X_HOST)
            r = wa_wasi_call(x, h);
        if (r == WA_X_GROW_MEM)
            wa_mem_grow_failed(x);
        else if (r == WA_X_GROW_STACK || r == WA_X_DONE || r == WA_X_TRAP)
            break;
    }
    return r;
}

/* Runs the image a little: at most 64 slices, with the blocks grown as
 * asked up to small limits; a library's exports then 16 slices each. */
static void run_some(const uint8_t *image)
{
    size_t state_len = wa_state_bytes(image);
    uint64_t mem_len = wa_memory_bytes(image);
    if (mem_len > (16u << 20) || state_len > (16u << 20))
        return;
    wa_exec x = {.image = image, .state = calloc(1, state_len), .stack_slots = 4096,
                 .frames_cap = 256, .mem_bytes = mem_len, .budget = 1000};
    x.stack = calloc(x.stack_slots, 8);
    x.frames = calloc(x.frames_cap, WA_FRAME_BYTES);
    x.mem = calloc(1, mem_len ? mem_len : 1);
    wa_error err;
    static const char args[] = "fuzz";
    wa_host h = {.write = w_write, .read = w_read, .is_tty = w_tty, .now_wall_ns = w_now, .random = w_random,
                 .sleep_until = w_sleep, .args = args, .args_len = sizeof args, .argc = 1};
    FUZZ_ASSERT(x.state && x.stack && x.frames && x.mem);
    if (wa_instantiate(&x, &err) == 0) {
        slices(&x, &h, 64);
        static const uint64_t zeros[64];
        for (uint32_t i = 0; wa_image_is_library(image) && i < wa_export_count(image) && i < 8; i++) {
            wa_export e;
            wa_export_get(image, i, &e);
            if (e.np > 64 || !wa_exec_idle(&x) || wa_call_begin(&x, i, zeros, &err) < 0)
                break;
            if (slices(&x, &h, 16) == WA_X_TRAP)
                wa_call_recover(&x);
            if (wa_exec_idle(&x)) {
                int64_t called;
                wa_call_results(&x, &called);
                FUZZ_ASSERT(called == i);
            }
        }
        char msg[400];
        wa_trap_message(&x, msg, sizeof msg);
    }
    free(x.state);
    free(x.stack);
    free(x.frames);
    free(x.mem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *image;
    size_t len;
    wa_error err;
    memset(&err, 0, sizeof err);
    for (int library = 0; library < 2; library++) {
        int rc = library ? wa_load_library(data, size, &image, &len, &err) : wa_load(data, size, &image, &len, &err);
        if (rc < 0) {
            FUZZ_ASSERT(strstr(err.msg, "offset 0x") || strstr(err.msg, "out of host memory"));
            continue;
        }
        FUZZ_ASSERT(wa_image_ok(image, len) && wa_image_is_library(image) == (library == 1));
        run_some(image);
        free(image);
    }
    return 0;
}
