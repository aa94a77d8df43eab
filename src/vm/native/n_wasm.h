/*
 * n_wasm.h - shared by the two files of .internal.wasm: n_wasm.c (the
 * object, stepping, the console and sleeping) and n_wasm_fs.c (the
 * program's descriptors on the world's file system).
 */
#ifndef PHANTOM_VM_N_WASM_H
#define PHANTOM_VM_N_WASM_H

#include "../../wasm/wasm.h"
#include "native.h"

/* The object's words (binaries, but W_ARGC and W_FDS). */
enum { W_IMAGE, W_STATE, W_STACK, W_FRAMES, W_MEM, W_ARGS, W_ARGC, W_FDS, W_COUNT };
_Static_assert(W_COUNT <= PV_NATIVE_WORDS, "words of .internal.wasm");

/* The host side of one step: the ctx of every wa_host service. */
typedef struct wasm_ctx {
    pv_vm *vm;
    struct pv_native_obj *o;   /* the .internal.wasm being stepped */
    pv_value input;            /* what the last wait delivered (step's argument); PV_FALSE once used */
    bool parked;               /* the thread now waits (for input, or a sleep) */
    bool thrown;               /* ... or could not: an exception is raised */
} wasm_ctx;

/* The program's descriptors on the world's file system: W_FDS, an array
 * indexed by descriptor (3 and up) of open files (wfs.h), made on first
 * use with the root preopen as 3. */
extern const wa_files pv_wasm_files;

#endif
