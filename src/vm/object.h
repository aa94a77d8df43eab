/*
 * object.h - the layout of every object the VM keeps in the persistent
 * space (docs/VM.md explains it).
 *
 * Every heap object starts with struct pv_obj: its class and a word for
 * the collectors.  What follows depends on the class's kind: an instance
 * of a class written in Phantom has value slots; internal classes (string,
 * array, directory, thread, ...) have native layouts that bytecode can
 * never address (it reaches them only through their native methods).
 *
 * Invariants:
 *  - every pointer stored in these structs points into the persistent
 *    space or is NULL; host state (file descriptors, C function pointers)
 *    is never trusted across a restart: native method pointers are bound
 *    again by name at every boot (pv_native_bind_all);
 *  - classes, methods and their code are immutable once installed, except
 *    the caches in pv_cref (which only ever move to a correct answer);
 *  - a string's bytes never change; strings are UTF-8, NUL-terminated
 *    after len bytes for the convenience of C code.
 */
#ifndef PHANTOM_VM_OBJECT_H
#define PHANTOM_VM_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

struct pv_class;
struct pv_vm;

struct pv_obj {
    struct pv_class *cls;
    uint32_t gc;      /* reserved for the collectors */
    uint32_t flags;   /* PV_OF_* */
};
#define PV_OF_IMMUTABLE 1u
/* Strings only, set on first need (like the cached hash): the bytes were
 * scanned, and were all ASCII, so code point indices are byte indices.
 * Strings written before these flags existed read as "not scanned yet". */
#define PV_OF_STR_SCANNED 2u
#define PV_OF_STR_ASCII 4u
/* Weak references (gc/weak.c): a weak reference listed in the world's
 * registry (its word 0 is not traced nor counted), and an object some
 * weak reference has named. */
#define PV_OF_WEAKREF 8u
#define PV_OF_WEAK_TARGET 16u

/* The kinds of objects; a class's kind says how its instances are laid
 * out.  Stored in class objects, so values are part of the format. */
enum pv_kind {
    PV_K_INSTANCE = 0,  /* value slots (classes written in Phantom) */
    PV_K_STRING = 1,
    PV_K_ARRAY = 2,
    PV_K_DIRECTORY = 3,
    PV_K_BINARY = 4,
    PV_K_LONGBOX = 5,
    PV_K_CLASS = 6,
    PV_K_METHOD = 7,
    PV_K_THREAD = 8,
    PV_K_MUTEX = 9,
    PV_K_COND = 10,
    PV_K_SEMA = 11,
    PV_K_NATIVE = 12,   /* no bytecode-visible state (tty, world, boot) */
    PV_K_VALUE = 13,    /* the classes of immediates: int, bool, ... */
    PV_K_COUNT
};

struct pv_instance {
    struct pv_obj h;
    uint32_t nslots;
    uint32_t pad;
    pv_value slot[];
};

struct pv_string {
    struct pv_obj h;
    uint32_t len;      /* bytes, excluding the terminating NUL */
    uint32_t hash;     /* 0: not computed yet */
    char bytes[];
};

struct pv_array {
    struct pv_obj h;
    uint32_t len, cap;
    pv_value *items;   /* cap slots, NULL when cap == 0 */
};

struct pv_binary {
    struct pv_obj h;
    uint32_t len, cap;
    uint8_t *bytes;
};

struct pv_longbox {
    struct pv_obj h;
    int64_t v;
};

/* Open addressing, string keys; a slot with key PV_NULL is empty, with
 * key PV_FALSE a tombstone.  cap is 0 or a power of two; count + tombs
 * stays under 3/4 of cap. */
struct pv_dir_entry { pv_value key, val; };
struct pv_directory {
    struct pv_obj h;
    uint32_t count, tombs, cap, pad;
    struct pv_dir_entry *e;
};

/* Method flags (class file and runtime). */
#define PV_MF_STATIC       0x01u
#define PV_MF_ABSTRACT     0x02u
#define PV_MF_CTOR         0x04u
#define PV_MF_SYNCHRONIZED 0x08u
#define PV_MF_NATIVE       0x10u   /* runtime only: implemented in C */
#define PV_MF_KNOWN        0x1Fu

#define PV_NO_ORDINAL 0xFFFFFFFFu
#define PV_MAX_ORDINAL 4095u

struct pv_handler { uint32_t start, end, target, cls_const; };  /* [start,end) */
struct pv_line { uint32_t pc, line; };

typedef int (*pv_native_fn)(struct pv_vm *vm, pv_value *args, pv_value *ret);

struct pv_method {
    struct pv_obj h;
    struct pv_class *owner;
    struct pv_string *name;
    struct pv_string *desc;      /* "(T,T)R" - see docs/BYTECODE.md */
    uint32_t flags;
    uint32_t ordinal;            /* vtable slot, PV_NO_ORDINAL if none */
    uint16_t nargs;              /* excluding the receiver */
    uint16_t nlocals;            /* including the receiver and arguments */
    uint16_t max_stack;
    /* Native methods only, set at every boot from the registry's
     * descriptor: bit i says argument i (0 = the first after the
     * receiver) is declared with a class, which the call checks before
     * the native runs (pv_native_call_ok).  0 for bytecode methods. */
    uint16_t typed_args;
    uint32_t code_len;
    uint8_t *code;
    uint32_t nhandlers, nlines;
    struct pv_handler *handlers;
    struct pv_line *lines;
    pv_native_fn native;         /* bound by name at every boot */
};

/* A resolved constant-pool entry.  Numbers and strings resolve to a value
 * (kval); classes, fields and methods to a pv_cref. */
struct pv_cref {
    void *p;          /* CLASS: the class; FIELD: the owning class;
                         METHOD: the method (static/special calls) */
    uint32_t a;       /* FIELD: slot or static index; METHOD: vtable slot */
    uint32_t b;       /* METHOD: nargs */
    struct pv_class *cache_cls;    /* by-name / interface call cache */
    struct pv_method *cache_m;
};

#define PV_CF_INTERFACE 0x01u
#define PV_CF_ABSTRACT  0x02u
#define PV_CF_FINAL     0x04u
#define PV_CF_NATIVE    0x08u   /* runtime only: an internal class */
#define PV_CF_KNOWN     0x07u

struct pv_class {
    struct pv_obj h;
    struct pv_string *name;          /* full dotted name, ".internal.string" */
    struct pv_class *super;          /* NULL only for .internal.object */
    uint32_t kind;                   /* enum pv_kind of instances */
    uint32_t flags;                  /* PV_CF_* */
    uint32_t depth;                  /* 0 for .internal.object */
    uint32_t ninterfaces;            /* every interface, transitively */
    struct pv_class **display;       /* ancestors: display[depth] == this */
    struct pv_class **interfaces;
    uint32_t nfields;                /* instance slots, inherited included */
    uint32_t nstatics;
    struct pv_string **field_names;  /* nfields */
    struct pv_string **static_names; /* nstatics */
    pv_value *statics;
    uint32_t nvtable, nmethods;
    struct pv_method **vtable;       /* by ordinal; NULL holes */
    struct pv_method **methods;      /* declared here, statics and ctors too */
    struct pv_directory *lookup;     /* "name(desc)" and "name/N" -> method */
    uint32_t nconsts;
    uint32_t cf_crc;                 /* crc32c of the class file it came from,
                                        never 0; 0: unknown (internal, or
                                        installed by an older build) */
    uint8_t *ckind;                  /* class-file constant kinds */
    pv_value *kval;
    struct pv_cref *kref;
    struct pv_string *source;        /* source file name or NULL */
    /* 1 for the first class of its name in the world, one more at each
     * update that replaces it (update.c); 0 in classes made before
     * versions were kept, which read as 1.  Added at the end: a class
     * object's slot (192 bytes) had room, zeroed, in older worlds. */
    uint32_t version;
    uint32_t pad;
};

struct pv_thread;
struct pv_waitq { struct pv_thread *head, *tail; };

/* Threads.  Frames and the value stack are separate arrays in the space;
 * a frame refers to the stack by index, so both can grow by moving. */
struct pv_frame {
    struct pv_method *m;
    uint32_t pc;      /* of the next instruction to run */
    uint32_t base;    /* locals start here; the operand stack follows */
    uint32_t sp;      /* saved operand stack top (absolute index) */
    uint32_t flags;   /* PV_FR_* */
};
#define PV_FR_DISCARD 1u   /* discard the returned value (entry frames) */
#define PV_FR_NEGATE  2u   /* negate the returned value's truth (NE via equals) */
#define PV_FR_TRUTH   4u   /* turn the returned value into a bool (EQ via equals) */
#define PV_FR_STRING 16u   /* make the returned value a string (tostring via toString) */
#define PV_FR_SYNC    8u   /* a synchronized method: holds the monitor of
                              its receiver (static: of its class) */

enum pv_thread_state {
    PV_TS_RUNNABLE = 0,
    PV_TS_SLEEPING = 1,   /* until wake_wall_ns */
    PV_TS_WAIT_MUTEX = 2,
    PV_TS_WAIT_COND = 3,
    PV_TS_WAIT_SEMA = 4,
    PV_TS_WAIT_IO = 5,    /* a host call; reissued after a restart */
    PV_TS_DONE = 6,
    PV_TS_WAIT_JOIN = 7,  /* in another thread's joiners */
};

struct pv_thread {
    struct pv_obj h;
    uint64_t id;
    uint32_t state;
    uint32_t tflags;              /* PV_TF_* */
    pv_value *stack;
    uint32_t stack_cap, nframes, frames_cap;
    uint32_t index;               /* position in root->threads */
    struct pv_frame *frames;
    pv_value exc;                 /* exception being thrown, or PV_NULL */
    pv_value trace;               /* its stack trace (a string) */
    pv_value target;              /* the object the thread was started on */
    pv_value name;
    int64_t wake_wall_ns;         /* SLEEPING / timed waits: wall clock */
    pv_value wait_on;             /* mutex, cond, sema being waited for */
    pv_value wait_mutex;          /* cond wait: the mutex to take again */
    uint32_t io_op;               /* WAIT_IO: which host call */
    uint32_t wait_depth;          /* mutex depth to restore when granted */
    struct pv_thread *next, *prev;  /* run queue or a wait queue */
    struct pv_waitq joiners;      /* threads in join() */
};
#define PV_TF_DAEMON 1u
#define PV_TF_MAIN   2u    /* the program's first thread: its fate is the exit code */
/* Started by this process's pvm_start, or by a thread that has the flag:
 * the threads pvm_run_program waits for.  Meaningful within one process
 * only: pv_sched_init clears it at every open. */
#define PV_TF_THIS_RUN 4u
#define PV_TF_PAUSED 16u   /* thread.pause(): not scheduled until unpause() (kept in the world) */
#define PV_TF_PARKED 32u   /* paused and taken off the run queue while RUNNABLE: unpause queues it */
#define PV_TF_HELD   8u    /* held by a paused boot: never scheduled.  Set or
                              cleared on every thread at every boot, so what a
                              snapshot kept of it means nothing */

/* Objects of PV_K_NATIVE classes (console, world, boot): a few words of
 * native state, never visible to bytecode. */
#define PV_NATIVE_WORDS 8
struct pv_native_obj {
    struct pv_obj h;
    pv_value w[PV_NATIVE_WORDS];
};

struct pv_mutex {
    struct pv_obj h;
    struct pv_thread *owner;
    uint32_t depth, pad;    /* recursive */
    struct pv_waitq q;
};

struct pv_cond {
    struct pv_obj h;
    struct pv_waitq q;
};

struct pv_sema {
    struct pv_obj h;
    int64_t count;
    struct pv_waitq q;
};

#endif
