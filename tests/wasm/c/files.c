/* files.c - file I/O: create, write, read back, seek, pread/pwrite,
 * append, truncate, stat, readdir, rename, unlink, mkdir/rmdir, and the
 * errors (ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, EBADF).
 *
 * Relative paths only: the wasm program's are resolved in the world's
 * file system (its root preopen, "/", is also its working directory),
 * the native program's in the empty directory the test runs it in
 * (tests/unit/wasm_run.c), so both start from an empty directory.  Errors
 * print as names: errno values differ between wasi-libc and glibc. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *err_name(int e)
{
    switch (e) {
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    default: return "other";
    }
}

static void check(const char *what, int rc)
{
    if (rc < 0)
        printf("%s: -1 %s\n", what, err_name(errno));
    else
        printf("%s: %d\n", what, rc);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names in dir, sorted, without "." and "..". */
static void list(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("opendir %s: %s\n", dir, err_name(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void show(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("open %s: %s\n", path, err_name(errno));
        return;
    }
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    printf("%s (%zd bytes): ", path, n);
    for (ssize_t i = 0; i < n; i++)
        putchar(buf[i] ? buf[i] : '.');
    printf("\n");
    close(fd);
}

int main(void)
{
    FILE *f = fopen("notes.txt", "w");
    for (int i = 0; i < 5; i++)
        fprintf(f, "line %d of notes\n", i);
    fclose(f);
    f = fopen("notes.txt", "r");
    char line[100];
    while (fgets(line, sizeof line, f))
        printf("read: %s", line);
    fseek(f, 5, SEEK_SET);
    int ch = fgetc(f);
    printf("after seek 5: %c, tell %ld\n", ch, ftell(f));
    fseek(f, -6, SEEK_END);
    printf("6 from the end: %s", fgets(line, sizeof line, f));
    fclose(f);

    int fd = open("data.bin", O_RDWR | O_CREAT | O_EXCL, 0644);
    check("create data.bin", fd < 0 ? -1 : 0);
    check("create it again", open("data.bin", O_RDWR | O_CREAT | O_EXCL, 0644));
    check("pwrite at 10", (int)pwrite(fd, "XYZ", 3, 10));
    char buf[32] = {0};
    check("pread at 8", (int)pread(fd, buf, 8, 8));
    printf("bytes 8..: %d %d %c%c%c\n", buf[0], buf[1], buf[2], buf[3], buf[4]);
    check("lseek end", (int)lseek(fd, 0, SEEK_END));
    check("write", (int)write(fd, "tail", 4));
    check("ftruncate 12", ftruncate(fd, 12));
    struct stat st;
    check("fstat", fstat(fd, &st));
    printf("size %lld, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    check("lseek before the start", (int)lseek(fd, -1, SEEK_SET));
    close(fd);
    show("data.bin");
    check("read a closed descriptor", (int)read(fd, buf, 1));

    fd = open("notes.txt", O_WRONLY | O_APPEND);
    check("append", (int)write(fd, "appended\n", 9));
    check("read a write-only descriptor", (int)read(fd, buf, 1));
    close(fd);
    fd = open("notes.txt", O_RDONLY);
    check("write a read-only descriptor", (int)write(fd, "x", 1));
    close(fd);
    fd = open("notes.txt", O_WRONLY | O_TRUNC);
    check("truncate on open", (int)write(fd, "short\n", 6));
    close(fd);
    show("notes.txt");

    check("mkdir sub", mkdir("sub", 0755));
    check("mkdir sub again", mkdir("sub", 0755));
    check("mkdir sub/deeper", mkdir("sub/deeper", 0755));
    check("mkdir missing/x", mkdir("missing/x", 0755));
    check("mkdir notes.txt/x", mkdir("notes.txt/x", 0755));
    check("open sub for writing", open("sub", O_WRONLY));
    check("open notes.txt/", open("notes.txt/", O_RDONLY));
    check("rename notes.txt -> sub/deeper/notes", rename("notes.txt", "sub/deeper/notes"));
    check("rename data.bin -> sub/data", rename("data.bin", "sub/data"));
    check("rename missing", rename("missing", "x"));
    check("rename sub -> sub/deeper/in", rename("sub", "sub/deeper/in"));
    list(".");
    list("sub");
    list("sub/deeper");
    list("nothing");
    check("stat sub/deeper/notes", stat("sub/deeper/notes", &st));
    printf("size %lld\n", (long long)st.st_size);
    check("stat sub", stat("sub", &st));
    printf("directory %d\n", S_ISDIR(st.st_mode));
    check("stat sub/nothing", stat("sub/nothing", &st));
    check("rmdir sub (not empty)", rmdir("sub"));
    check("unlink sub (a directory)", unlink("sub"));
    check("rmdir sub/data (a file)", rmdir("sub/data"));
    check("unlink sub/data", unlink("sub/data"));
    check("unlink sub/data again", unlink("sub/data"));
    check("unlink sub/deeper/notes", unlink("sub/deeper/notes"));
    check("rmdir sub/deeper", rmdir("sub/deeper"));
    check("rename sub -> moved", rename("sub", "moved"));
    check("rmdir moved", rmdir("moved"));
    list(".");

    /* many files in one directory: readdir over several calls */
    mkdir("many", 0755);
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "many/file-with-a-long-name-%02d", i);
        FILE *m = fopen(name, "w");
        fprintf(m, "%d\n", i);
        fclose(m);
    }
    list("many");
    show("many/file-with-a-long-name-37");
    return 0;
}
