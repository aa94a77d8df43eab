/* Writes a version-1 image with the engine before history (main branch). */
#include "src/persist/pw.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    unlink(argv[1]);
    pw_options o;
    pw_options_default(&o);
    o.create = true;
    o.space_size = 4u << 20;
    o.snapshot_interval_ms = 0;
    pw_world *w;
    pw_error err;
    if (pw_open(argv[1], &o, &w, &err)) { fprintf(stderr, "%s\n", err.msg); return 1; }
    uint64_t *t = pw_alloc(w, 18 * 8);
    t[0] = 0x31563158454d4954ull;
    for (int i = 0; i < 16; i++) t[2 + i] = (uint64_t)(uintptr_t)pw_alloc_pages(w, 1);
    pw_set_root(w, t);
    for (uint64_t g = 2; g <= 6; g++) {
        for (uint64_t i = 0; i < 16; i++) {
            if (g != 2 && i % (g - 1) != 0) continue;
            uint64_t *p = (uint64_t *)(uintptr_t)t[2 + i];
            for (int j = 0; j < 512; j++) p[j] = i << 32 | g;
        }
        t[1] = g;
        if (pw_snapshot(w, true)) return 1;
    }
    pw_stats st; pw_stats_get(w, &st);
    printf("generation %llu\n", (unsigned long long)st.generation);
    pw_close(w, false);
    return 0;
}
