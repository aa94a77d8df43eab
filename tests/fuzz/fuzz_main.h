/*
 * fuzz_main.h - the shared entry point of the fuzz targets when they are
 * built as plain programs (without -DPHANTOM_LIBFUZZER): runs
 * LLVMFuzzerTestOneInput on every file named on the command line, or on
 * every file in a directory named there, so a crash libFuzzer found can be
 * replayed under gcc, valgrind or a debugger.
 */
#ifndef PHANTOM_FUZZ_MAIN_H
#define PHANTOM_FUZZ_MAIN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond)                                                         \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                              \
        }                                                                         \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef PHANTOM_LIBFUZZER
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int fuzz_run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, n;
    do {
        if (len == cap && !(buf = realloc(buf, cap = cap ? 2 * cap : 65536))) {
            fclose(f);
            return 1;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int bad = 0, runs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        DIR *d;
        struct dirent *e;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) && (d = opendir(argv[i]))) {
            while ((e = readdir(d))) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
                if (e->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode))
                    bad |= fuzz_run_file(path), runs++;
            }
            closedir(d);
        } else {
            bad |= fuzz_run_file(argv[i]);
            runs++;
        }
    }
    printf("%d inputs run\n", runs);
    return bad;
}
#endif

#endif
