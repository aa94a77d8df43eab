/* libcalls.c - a library module (clang -mexec-model=reactor) whose
 * exports tests/wasm/kill/libcalls.ph calls from Phantom code: work(i)
 * changes the module's memory and returns a hash of it; calls() counts
 * the calls that ended.  Killed in the middle of a call and booted
 * again, the call goes on; the count always equals the Phantom
 * program's own. */
#include "libcalls.h"

static uint32_t heap[LIBCALLS_WORDS];
static int32_t ended;

__attribute__((export_name("work"))) int32_t work(int32_t i)
{
    uint32_t h = libcalls_step(heap, (uint32_t)i);
    ended++;
    return (int32_t)h;
}

__attribute__((export_name("calls"))) int32_t calls(void) { return ended; }
