/*
 * fork_pause.c - baseline for the snapshot pause: how long fork() stops a
 * process of the same resident size (the pause of fork-based snapshots,
 * as in Redis BGSAVE).
 *
 *   fork_pause RESIDENT_MIB N [thp]
 *
 * Maps RESIDENT_MIB of anonymous memory, writes every page, then N times:
 * dirties 1% of the pages, times fork() in the parent (the child calls
 * _exit(0) at once), and reaps the child.  By default the memory is
 * madvise(MADV_NOHUGEPAGE): 4 KiB pages, as Phantom's space uses; "thp"
 * asks for transparent huge pages instead (fork copies far fewer entries).
 *
 * Output: one "@pause | ... |" markdown row.
 */
#define _GNU_SOURCE
#include "bench_util.h"

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s RESIDENT_MIB N [thp]\n", argv[0]);
        return 2;
    }
    unsigned mib = (unsigned)atoi(argv[1]);
    size_t n = (size_t)atoi(argv[2]);
    bool thp = argc > 3 && !strcmp(argv[3], "thp");
    size_t bytes = (size_t)mib << 20;
    uint8_t *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        bu_die("mmap failed");
    madvise(m, bytes, thp ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    for (size_t i = 0; i < bytes; i += 4096)
        m[i] = 1;
    uint64_t *t = calloc(n + 1, sizeof *t);
    uint64_t rng = 0x1234567ull;
    size_t npages = bytes / 4096;
    for (size_t r = 0; r < n + 2; r++) {
        for (size_t i = 0; i < npages / 100; i++)
            m[(bu_rand(&rng) % npages) * 4096 + 8] = (uint8_t)r;
        uint64_t t0 = bu_now_ns();
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        uint64_t t1 = bu_now_ns();
        if (pid < 0)
            bu_die("fork failed");
        waitpid(pid, NULL, 0);
        if (r >= 2) /* two warm-up rounds */
            t[r - 2] = t1 - t0;
    }
    uint64_t p50 = bu_pct(t, n, 50), p99 = bu_pct(t, n, 99), mx = bu_pct(t, n, 100);
    printf("@pause | baseline: fork() %s | %u MiB | (1%% between forks) | %zu | %.3f | %.3f | %.3f | "
           "parent's fork() call, child _exit(0) |\n",
           thp ? "with THP (2 MiB pages)" : "(4 KiB pages)", mib, n, bu_ms(p50), bu_ms(p99),
           bu_ms(mx));
    return 0;
}
