/* journal.c - the file-writing program of tests/crash/wasm_killloop.c.
 * It appends JOURNAL_RECORDS fixed-size records to the file "journal"
 * (one open descriptor for the whole run), keeping in memory how many it
 * wrote and a running hash of them.  Every JOURNAL_CHECK_EVERY records it
 * reads the whole file back through a second descriptor and checks that
 * file and memory agree exactly (size, every record, the hash), printing
 * "check I" or "BAD ...".  Killed and resumed any number of times, the
 * file and the memory come back from the same snapshot, so they always
 * agree.  Ends with "done". */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"

static uint64_t hash_add(uint64_t h, const char *rec) { return journal_mix(h ^ journal_mix(rec[7] + 31 * (uint64_t)rec[12] + h)) + (uint64_t)rec[20]; }

static int check(uint32_t count, uint64_t hash)
{
    struct stat st;
    if (stat("journal", &st) != 0 || st.st_size != (off_t)count * JOURNAL_RECORD_BYTES) {
        printf("BAD after %u records the file has %lld bytes\n", count, (long long)st.st_size);
        return -1;
    }
    int fd = open("journal", O_RDONLY);
    uint64_t h = 0;
    char rec[JOURNAL_RECORD_BYTES], want[JOURNAL_RECORD_BYTES + 1];
    for (uint32_t i = 0; i < count; i++) {
        if (read(fd, rec, sizeof rec) != (ssize_t)sizeof rec) {
            printf("BAD record %u is short\n", i);
            close(fd);
            return -1;
        }
        journal_record(i, want);
        if (memcmp(rec, want, sizeof rec)) {
            printf("BAD record %u differs\n", i);
            close(fd);
            return -1;
        }
        h = hash_add(h, rec);
    }
    close(fd);
    if (h != hash) {
        printf("BAD the file's hash differs from memory's\n");
        return -1;
    }
    return 0;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    int fd = open("journal", O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd < 0) {
        printf("BAD cannot create the journal\n");
        return 1;
    }
    uint64_t hash = 0;
    for (uint32_t i = 0; i < JOURNAL_RECORDS; i++) {
        char rec[JOURNAL_RECORD_BYTES + 1];
        journal_record(i, rec);
        if (write(fd, rec, JOURNAL_RECORD_BYTES) != JOURNAL_RECORD_BYTES) {
            printf("BAD write %u failed\n", i);
            return 1;
        }
        hash = hash_add(hash, rec);
        if ((i + 1) % JOURNAL_CHECK_EVERY == 0) {
            if (check(i + 1, hash) != 0)
                return 1;
            printf("check %u\n", (i + 1) / JOURNAL_CHECK_EVERY - 1);
        }
    }
    close(fd);
    printf("done\n");
    return 0;
}
