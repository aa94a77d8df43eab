/*
 * vm.h - the VM's internal interface, shared by the interpreter, the loader
 * and the internal (native) classes under native/.  Tools and the compiler
 * use pvm.h instead.
 *
 * Threading model.  One host thread (the one that called pv_vm_open) runs
 * every VM thread: the scheduler switches between them at safepoints, so
 * the VM's own structures need no locks and a snapshot always finds every
 * VM thread at an instruction boundary.  Host calls that block (console
 * input) run on a helper thread while the VM thread waits in PV_TS_WAIT_IO.
 */
#ifndef PHANTOM_VM_VM_H
#define PHANTOM_VM_VM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "../persist/pw.h"
#include "object.h"
#include "value.h"

/* Classes the VM itself needs.  Looked up by name at every boot (never
 * stored by position in the world), created if a world lacks them. */
#define PV_BUILTINS(X) \
    X(OBJECT, ".internal.object") \
    X(STRING, ".internal.string") \
    X(INT, ".internal.int") \
    X(LONG, ".internal.long") \
    X(FLOAT, ".internal.float") \
    X(DOUBLE, ".internal.double") \
    X(BOOL, ".internal.bool") \
    X(CHAR, ".internal.char") \
    X(ARRAY, ".internal.container.array") \
    X(DIRECTORY, ".internal.directory") \
    X(BINARY, ".internal.binary") \
    X(CLASS, ".internal.class") \
    X(METHOD, ".internal.method") \
    X(THREAD, ".internal.thread") \
    X(MUTEX, ".internal.mutex") \
    X(COND, ".internal.cond") \
    X(SEMA, ".internal.sema") \
    X(TTY, ".internal.io.tty") \
    X(WORLD, ".internal.world") \
    X(BOOT, ".internal.boot") \
    X(EXCEPTION, ".phantom.Exception") \
    X(RUNTIME_EXC, ".phantom.RuntimeException") \
    X(NULL_EXC, ".phantom.NullReferenceException") \
    X(INDEX_EXC, ".phantom.IndexOutOfRangeException") \
    X(ARITH_EXC, ".phantom.ArithmeticException") \
    X(CAST_EXC, ".phantom.CastException") \
    X(ARITY_EXC, ".phantom.ArityException") \
    X(NOMETHOD_EXC, ".phantom.NoSuchMethodException") \
    X(TYPE_EXC, ".phantom.TypeException") \
    X(ARG_EXC, ".phantom.ArgumentException") \
    X(STATE_EXC, ".phantom.IllegalStateException") \
    X(STACK_EXC, ".phantom.StackOverflowException") \
    X(OOM_EXC, ".phantom.OutOfMemoryException")

enum pv_builtin {
#define PV_B_ENUM(id, name) PV_B_##id,
    PV_BUILTINS(PV_B_ENUM)
#undef PV_B_ENUM
    PV_B_COUNT
};

/* Instance slots of .phantom.Exception (its subclasses add after them). */
#define PV_EXC_SLOT_MESSAGE 0
#define PV_EXC_SLOT_TRACE 1
#define PV_EXC_NSLOTS 2

/* The persistent root object of a VM world (pw_root points at it). */
#define PV_ROOT_MAGIC 0x544f4f524d565050ull   /* "PPVMROOT" */
#define PV_ROOT_VERSION 2u   /* 2: the collectors' heap (gc/gc.h) */
struct pv_root {
    struct pv_obj h;
    uint64_t magic;
    uint32_t version, pad;
    uint64_t boots;                /* times this world was booted */
    uint64_t next_thread_id;
    struct pv_directory *classes;  /* full name -> class */
    struct pv_directory *names;    /* the published-objects directory */
    struct pv_array *threads;      /* every thread not yet done */
    struct pv_array *restart;      /* objects with a restart hook */
    struct pv_array *monitors;     /* object -> mutex pairs for synchronized */
    struct pv_waitq runq;          /* RUNNABLE threads, in turn order */
    struct pv_thread *main_thread; /* the program's first thread, or NULL */
    int32_t exit_code;             /* 0 at pvm_start, the program's setExitStatus, 1 if main ends by an exception */
    uint32_t nondaemon;            /* live threads that keep the VM running */
    uint32_t pad2;
    struct pv_gc *gc;              /* the heap and the collectors (gc/gc.h) */
};

/* Native method results. */
/* PV_NCALL: the native hands its call over to a bytecode method: *ret
 * holds the method, args[] its receiver and arguments (as many as the
 * native took), and the method's result becomes the call's. */
enum { PV_NOK = 0, PV_NTHROW = 1, PV_NBLOCK = 2, PV_NCALL = 3 };

typedef struct pv_native_method {
    const char *name;
    const char *desc;      /* "(*,*)*" style; sets the argument count */
    uint32_t ordinal;      /* PV_NO_ORDINAL: the next free one */
    uint32_t flags;        /* PV_MF_STATIC, PV_MF_CTOR */
    pv_native_fn fn;
} pv_native_method;

typedef struct pv_native_class {
    const char *name;
    const char *super;            /* NULL: .internal.object (or none for it) */
    uint32_t kind;                /* enum pv_kind */
    uint32_t flags;               /* PV_CF_* */
    const char *const *fields;    /* PV_K_INSTANCE classes: slot names, NULL-ended */
    const pv_native_method *methods;
    uint32_t nmethods;
} pv_native_class;

/* Every internal class, in no particular order (native/registry.c). */
extern const pv_native_class *const pv_native_classes[];
extern const size_t pv_native_class_count;

typedef struct pv_vm pv_vm;
struct pv_sched;
struct pv_hostio;
struct pv_gc;
struct pv_gc_host;
struct pv_serve;

#define PV_CALL_CACHE_SIZE 256u   /* a power of two */

struct pv_vm {
    pw_world *w;
    struct pv_root *root;
    struct pv_class *b[PV_B_COUNT];
    struct pv_thread *cur;         /* the VM thread running now */
    uint32_t run_live;             /* live non-daemon PV_TF_THIS_RUN threads */
    bool run_program_only;         /* pvm_run_program: wait for those only */
    struct pv_sched *sched;        /* host-side scheduler state */
    struct pv_hostio *io;          /* blocking host calls (hostio.c), or NULL */
    struct pv_instance *oom;       /* preallocated OutOfMemoryException */
    struct pv_gc *gc;              /* == root->gc */
    struct pv_gc_host *gch;        /* the collectors' host-side state */
    uint32_t alloc_sticky;         /* > 0: new objects are sticky (installing classes) */
    int verbose;
    uint32_t max_frames;           /* stack overflow limit */
    uint64_t memory_limit;         /* bytes the process may use (pvm_options) */
    uint64_t heap_limit;           /* bytes of it the object heap may hold */
    atomic_bool stop;              /* leave the scheduler (pvm_request_stop) */
    int exit_code;                 /* of the program: 0, or 1 after an uncaught exception */
    bool out_tty;                  /* standard output is a terminal */
    bool inspect;                  /* opened only to look (pvm_options.inspect) */
    bool paused;                   /* the world's threads are held (pvm_options.paused), until pvm_resume */
    bool view;                     /* an old generation looked at (pvm_options.view): paused for good */
    bool gc_held;                  /* the collectors are off because the boot was paused */
    bool reboot_requested;         /* boot.reboot(): snapshot and boot the world again (pvm_reboot_requested) */
    bool commit_output;            /* console output waits for durable state (pvm_options) */
    bool guard_armed;              /* this boot's crash note is armed (boot_guard.c) */
    bool guard_paused;             /* ... for a paused boot: it settles only at close */
    uint64_t guard_settle_at;      /* monotonic ns when the boot counts as come up; 0: not running yet */
    char guard_record[4096];       /* IMAGE.boot-errors: the boots that failed early, or "" */
    bool guard_failed;             /* this boot's failure is recorded (pv_boot_guard_uncaught) */
    uint32_t failed_boots;         /* boots before this one that failed early in a row (boot_guard.c) */
    char last_failure[600];        /* ... what ended the last of them */
    struct pv_serve *serve;        /* serving requests (serve.c), or NULL */
    struct pd_display *display;    /* the web display (src/display), or NULL */
    uint32_t win_pending;          /* windows with input waiting for their handler */
    /* Where the last four non-ASCII strings were indexed (n_string.c), so
     * that walking one by character index, forward or back, takes linear
     * time, even with a few others walked in the same loop.
     * Host memory: starts empty at every open.  Invariant: s is a live
     * string (the collector drops an entry when it frees its string, in
     * pv_str_forget), `byte` is the offset where character `ch` starts,
     * and chars is its character count or 0 if not counted yet. */
    struct pv_str_cursor { const struct pv_string *s; uint32_t ch, byte, chars; } str_cursor[4];
    /* The method a virtual call of interface method (or by-name call
     * constant) `key` on an object of class `cls` runs, for calls whose
     * constant's own cache (pv_cref) holds another class: a call site that
     * sees several classes, or one constant shared by several sites
     * (callcache.h).  Host memory: starts empty at every open.  Invariant:
     * every entry's class, key and callee are live and bound as when the
     * entry was made, because the collector empties the table when it
     * frees a class or method and an update empties it when it rebinds. */
    struct pv_call_cache { const struct pv_class *cls; const void *key; struct pv_method *callee; } call_cache[PV_CALL_CACHE_SIZE];
    void (*out_fn)(void *ctx, int stream, const char *s, size_t n);  /* console hook, or NULL */
    void *out_ctx;
    void (*tee_fn)(void *ctx, int stream, const char *s, size_t n);  /* a copy of console output, or NULL */
    void *tee_ctx;
    size_t outlen;
    char outbuf[8192];             /* program output not yet written */
};

/* A snapshot is waiting for this thread (cheap: one atomic load). */
static inline bool pv_stop_requested(pv_vm *vm)
{
    return atomic_load_explicit(&((struct pw_world_head *)(void *)vm->w)->stop_flag, memory_order_relaxed) != 0;
}

/* ---- the boot guard (boot_guard.c) ------------------------------------------
 * A boot whose predecessor crashed the VM is refused unless paused; the
 * evidence is a note beside the image that only a clean boot removes. */
/* Before boot() runs anything: 0, or PVM_E_LAST_BOOT_CRASHED with err. */
int pv_boot_guard_begin(pv_vm *vm, const char *image, bool paused, char *err, size_t errlen);
/* The scheduler runs threads: after PV_BOOT_SETTLE_NS of it (not when
 * paused) the boot has come up and its note goes. */
void pv_boot_guard_running(pv_vm *vm);
/* A clean end (or a boot that failed without crashing): the note goes. */
void pv_boot_guard_end(pv_vm *vm);
/* pvm_resume: the paused boot's threads run from now, so it is guarded
 * as a boot that was not paused, its settling time counted from now. */
void pv_boot_guard_resumed(pv_vm *vm);
/* A thread the world brought with it ended by an uncaught exception
 * (`what` says which and why): before the boot has come up, that makes
 * this boot one that failed early, recorded beside the image at once (a
 * kill -9 may follow).  A boot that comes up without one clears the
 * record: only failures in a row count (pvm_boot_info.failed_boots). */
void pv_boot_guard_uncaught(pv_vm *vm, const char *what);

/* ---- allocation (alloc.c) ------------------------------------------------- */
/* A zeroed object of class cls and `bytes` total size; NULL when the space
 * is full (callers raise OutOfMemoryException with pv_throw_oom).  Its
 * reference count is zero: it lives while a stack or a counted slot
 * refers to it (gc/gc.h).  Objects the VM's own structures point to
 * without counting are "sticky": those of kinds the VM links (threads,
 * classes, methods, mutexes, conditions, semaphores), and every object
 * made while vm->alloc_sticky is raised. */
void *pv_alloc_obj(pv_vm *vm, struct pv_class *cls, size_t bytes);
void *pv_alloc_sticky(pv_vm *vm, struct pv_class *cls, size_t bytes);
/* Frees an object that was never published (a constructor's failure path). */
void pv_free_obj(pv_vm *vm, void *o);
/* Raw memory for object internals (array items, directory entries). */
void *pv_alloc_raw(pv_vm *vm, size_t bytes);
void pv_free_raw(pv_vm *vm, void *p);
struct pv_instance *pv_new_instance(pv_vm *vm, struct pv_class *cls);
/* A new, empty object of any class that can have one made by `new`
 * (instances, arrays, directories, binaries, strings, mutexes, conditions,
 * semaphores, consoles); PV_NULL with *why set when the class cannot, or
 * when memory ran out (why = NULL). */
pv_value pv_new_object(pv_vm *vm, struct pv_class *cls, const char **why);
/* The class of any value; NULL for null.  Inline: every virtual call
 * asks it. */
static inline struct pv_class *pv_class_of(pv_vm *vm, pv_value v)
{
    if (pv_is_double(v))
        return vm->b[PV_B_DOUBLE];
    switch (pv_tag(v)) {
    case PV_TREF:
        return v == PV_NULL ? NULL : ((struct pv_obj *)pv_as_ptr(v))->cls;
    case PV_TINT: return vm->b[PV_B_INT];
    case PV_TLONG: return vm->b[PV_B_LONG];
    case PV_TFLOAT: return vm->b[PV_B_FLOAT];
    case PV_TBOOL: return vm->b[PV_B_BOOL];
    case PV_TCHAR: return vm->b[PV_B_CHAR];
    default: return NULL;
    }
}
bool pv_is_subclass(const struct pv_class *c, const struct pv_class *of);
bool pv_instance_of(pv_vm *vm, pv_value v, const struct pv_class *of);

/* ---- strings (string.c) --------------------------------------------------- */
struct pv_string *pv_str_new(pv_vm *vm, const char *s, size_t len);
struct pv_string *pv_str_cstr(pv_vm *vm, const char *s);
struct pv_string *pv_str_fmt(pv_vm *vm, const char *fmt, ...);
uint32_t pv_str_hash(struct pv_string *s);
bool pv_str_eq(const struct pv_string *a, const struct pv_string *b);
bool pv_is_string(pv_vm *vm, pv_value v);
/* Drops the VM's cursor on s (vm->str_cursor, native/n_string.c): the
 * collector calls it as it frees s. */
void pv_str_forget(pv_vm *vm, const struct pv_string *s);
/* Text of any value whose class has no Phantom-written toString: numbers,
 * strings, and "class@id" for other objects.  NULL on out of memory. */
struct pv_string *pv_tostring_native(pv_vm *vm, pv_value v);
/* Equality and hashing the way `==` and directories see them, for values
 * whose class has no Phantom-written equals/hashCode. */
bool pv_equals_native(pv_vm *vm, pv_value a, pv_value b);
uint32_t pv_hash_native(pv_vm *vm, pv_value v);

/* ---- numbers (number.c) ----------------------------------------------------- */
/* A long value: a 48-bit immediate when it fits, else a boxed object. */
pv_value pv_make_long(pv_vm *vm, int64_t l);   /* PV_NULL on out of memory */
bool pv_is_long(pv_vm *vm, pv_value v);
int64_t pv_long_of(pv_value v);                /* v must be pv_is_long */

/* ---- containers (array.c, directory.c) ----------------------------------- */
struct pv_array *pv_array_new(pv_vm *vm, uint32_t len);
/* Stores v at i, growing the array (new slots null) when i >= len.
 * Returns -1 on out of memory or an index beyond PV_ARRAY_MAX. */
int pv_array_set(pv_vm *vm, struct pv_array *a, uint32_t i, pv_value v);
int pv_array_push(pv_vm *vm, struct pv_array *a, pv_value v);
#define PV_ARRAY_MAX (1u << 28)

struct pv_directory *pv_dir_new(pv_vm *vm);
/* Keys are strings (compared by content).  get returns PV_NULL if absent
 * and sets *found when found != NULL. */
pv_value pv_dir_get(struct pv_directory *d, struct pv_string *key, bool *found);
pv_value pv_dir_get_cstr(struct pv_directory *d, const char *key);
/* A lookup of the key a ++ b without building it: h is pv_dir_hash2 of the
 * same pieces, computed once by a caller that looks in several directories. */
uint32_t pv_dir_hash2(const char *a, size_t alen, const char *b, size_t blen);
pv_value pv_dir_get2(struct pv_directory *d, const char *a, size_t alen, const char *b, size_t blen, uint32_t h);
int pv_dir_put(pv_vm *vm, struct pv_directory *d, struct pv_string *key, pv_value v);
bool pv_dir_remove(pv_vm *vm, struct pv_directory *d, struct pv_string *key);

/* ---- exceptions (throw.c) -------------------------------------------------- */
/* Raises a new exception of builtin class `which` with a formatted message
 * in the current thread; returns PV_NTHROW for natives to return. */
int pv_throw(pv_vm *vm, enum pv_builtin which, const char *fmt, ...);
int pv_throw_value(pv_vm *vm, pv_value exc);
int pv_throw_oom(pv_vm *vm);

/* ---- classes (install.c, native.c) ----------------------------------------- */
struct pv_class *pv_find_class(pv_vm *vm, const char *name);
struct pv_method *pv_find_method(struct pv_class *c, const char *name, int nargs);
struct pv_method *pv_find_method_desc(struct pv_class *c, const char *name, const char *desc);
/* Creates the internal classes of a new world, adds those a newer VM
 * brought, fills vm->b and binds every native method by name. */
int pv_native_bind_all(pv_vm *vm, bool new_world, char *err, size_t errlen);

#endif
