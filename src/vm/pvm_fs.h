/*
 * pvm_fs.h - the world's file system (wfs.h) for tools: `phantom fs`
 * lists, reads and writes it with the world opened by pvm_open (read-only
 * calls work on a world opened only to look).  Paths are from the root
 * ("/a/b" or "a/b").  Every call returns 0 or a negative code that
 * pvm_fs_strerror names.
 */
#ifndef PHANTOM_PVM_FS_H
#define PHANTOM_PVM_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pv_vm pv_vm;

typedef struct pvm_fs_entry {
    const char *name;
    bool dir;
    uint64_t size;       /* files: bytes; directories: entries */
    uint64_t mtime_ns;
} pvm_fs_entry;

/* The entries of directory path in byte order of their names, or the
 * file path itself. */
int pvm_fs_list(pv_vm *vm, const char *path, void (*fn)(void *ctx, const pvm_fs_entry *e), void *ctx);
/* File path's bytes, malloc'd (the caller frees them). */
int pvm_fs_read(pv_vm *vm, const char *path, uint8_t **bytes, size_t *len);
/* Makes file path (or replaces its contents) with len bytes; with
 * append, adds them at its end instead. */
int pvm_fs_write(pv_vm *vm, const char *path, const void *bytes, size_t len, bool append);
/* Whether path is a directory (else a file). */
int pvm_fs_kind(pv_vm *vm, const char *path, bool *dir);
/* Removes a file or an empty directory. */
int pvm_fs_remove(pv_vm *vm, const char *path);
int pvm_fs_mkdir(pv_vm *vm, const char *path);
const char *pvm_fs_strerror(int rc);

#endif
