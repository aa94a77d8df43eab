/*
 * vm.c - opening a world as a VM (pvm.h): the root object, boot, and
 * starting programs.
 *
 * Boot order: open the image; if the world is new, create the root and
 * the internal classes, else check the root is a VM root of a version we
 * read; bind native code by name; preallocate what raising OutOfMemory
 * needs; rebuild host-side scheduler state.  Nothing here runs bytecode.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "hostio.h"
#include "gc/gc.h"
#include "install.h"
#include "interp.h"
#include "pvm.h"
#include "sched.h"

#define PV_MAX_FRAMES 100000u

/* Internal objects holding host state (a console's colours, later network
 * connections) listed themselves in root->restart; each rebuilds its host
 * side through its native restart() method, looked up by name. */
static void run_restart_hooks(pv_vm *vm)
{
    struct pv_array *list = vm->root->restart;
    for (uint32_t i = 0; i < list->len; i++) {
        pv_value o = list->items[i];
        struct pv_class *c = pv_class_of(vm, o);
        struct pv_method *m = c ? pv_find_method(c, "restart", 0) : NULL;
        pv_value ret = PV_NULL;
        if (m && (m->flags & PV_MF_NATIVE) && m->native)
            m->native(vm, &o, &ret);
    }
}

static int boot(pv_vm *vm, bool is_new, char *err, size_t errlen)
{
    struct pv_root *root = pw_root(vm->w);
    if (pv_gc_init(vm, is_new || !root, err, errlen) < 0)
        return -1;
    /* A paused boot is a repair session: the collectors trace every
     * thread's stack, which may be what is damaged.  They pause too, like
     * PHANTOM_GC=off (a cycle the last run left unfinished starts over at
     * the next boot that collects: pv_gc_boot). */
    if (vm->paused && !vm->gch->disabled)
        vm->gch->disabled = vm->gc_held = true;
    if (is_new || !root) {
        /* The root is not a heap object: nothing refers to it but the
         * engine's root pointer, and no collector ever frees it. */
        if (!(root = pw_alloc(vm->w, sizeof *root))) {
            snprintf(err, errlen, "out of memory creating the world");
            return -1;
        }
        root->h.gc = PV_GC_STICKY;
        root->magic = PV_ROOT_MAGIC;
        root->version = PV_ROOT_VERSION;
        root->gc = vm->gc;
        vm->root = root;
        if (pv_native_bind_all(vm, true, err, errlen) < 0)
            return -1;
        pw_set_root(vm->w, root);
    } else {
        if (root->magic != PV_ROOT_MAGIC) {
            snprintf(err, errlen, "the image holds a persistent world, but not one made by the Phantom VM");
            return -1;
        }
        if (root->version != PV_ROOT_VERSION) {
            snprintf(err, errlen, "the world has VM format version %u; this Phantom reads version %u",
                     (unsigned)root->version, PV_ROOT_VERSION);
            return -1;
        }
        vm->root = root;
        vm->gc = root->gc;
        if (!vm->inspect)
            pv_gc_boot(vm);
        if (pv_native_bind_all(vm, false, err, errlen) < 0)
            return -1;
    }
    root->boots++;
    /* A paused boot runs no code of the world, native restart hooks
     * included: one of them may be what crashed the last boot. */
    if (!is_new && !vm->inspect && !vm->paused)
        run_restart_hooks(vm);
    /* The preallocated OutOfMemoryException: made anew at every boot
     * (the host holds it), so it is sticky only until the next boot's
     * complete collection finds the old one unreachable. */
    vm->alloc_sticky++;
    struct pv_string *msg = pv_str_fmt(vm, "out of memory: the world's memory limit is %llu MiB (--memory-limit)",
                                       (unsigned long long)(vm->memory_limit >> 20));
    vm->oom = msg ? pv_new_instance(vm, vm->b[PV_B_OOM_EXC]) : NULL;
    vm->alloc_sticky--;
    if (!vm->oom) {
        snprintf(err, errlen, "out of memory in the world");
        return -1;
    }
    pv_gc_write(vm, &vm->oom->slot[PV_EXC_SLOT_MESSAGE], pv_from_ptr(msg));
    if (!vm->inspect && pv_sched_init(vm) < 0) {
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    return 0;
}

/* The memory limit (docs/GC.md, "The memory limit").  By default a world
 * may use three quarters of the machine's physical memory (the rest is the
 * host's), and no more than its image can grow to: what the image holds
 * already plus half the free disk space, because the retained snapshots
 * may keep an old copy of every page that changes.  Of the limit, the
 * engine's copy-on-write pool gets an eighth (at most its usual 256 MiB),
 * the process's own memory (code, the engine's page maps and bitmaps, host
 * tables) PV_PROCESS_RESERVE, and the object heap the rest: so the process
 * stays within the limit however much its programs allocate. */
#define PV_PROCESS_RESERVE (16ull << 20)
#define PV_COW_MAX (256ull << 20)

static uint64_t default_memory_limit(const char *image, uint64_t image_bytes)
{
    uint64_t phys = hal_physical_memory(), disk = hal_free_disk_space(image);
    uint64_t limit = phys ? phys / 4 * 3 : PW_DEFAULT_SPACE_SIZE;
    if (disk && image_bytes + disk / 2 < limit)
        limit = image_bytes + disk / 2;
    return limit < PVM_MIN_MEMORY_LIMIT ? PVM_MIN_MEMORY_LIMIT : limit;
}

static uint64_t cow_share(uint64_t limit) { return limit / 8 < PV_COW_MAX ? limit / 8 : PV_COW_MAX; }

int pvm_open(const pvm_options *o, pv_vm **out, pvm_boot_info *info, char *err, size_t errlen)
{
    *out = NULL;
    if (o->memory_limit && o->memory_limit < PVM_MIN_MEMORY_LIMIT) {
        snprintf(err, errlen, "a memory limit of %llu bytes is too small: a world needs at least %llu MiB",
                 (unsigned long long)o->memory_limit, PVM_MIN_MEMORY_LIMIT >> 20);
        return -22;
    }
    pw_options po;
    pw_options_default(&po);
    po.create = o->create;
    /* The pool is sized before the image is open: from the default limit
     * of an empty image, which is never more than the final one. */
    po.cow_limit = cow_share(o->memory_limit ? o->memory_limit : default_memory_limit(o->image, 0));
    if (o->snapshot_interval_ms)
        po.snapshot_interval_ms = o->snapshot_interval_ms;
    po.strategy = o->strategy;
    po.replica = o->replica;
    po.keep = o->keep;
    po.replica_key = o->replica_key;
    po.replica_sync = o->replica_sync;
    if (o->inspect || o->view)
        po.view_generation = o->snapshot;
    else
        po.rollback_to = o->snapshot;
    if (o->inspect || o->view) {
        po.snapshot_interval_ms = 0;   /* never written: pvm_close(vm, false) drops everything */
        po.no_readahead = true;        /* it looks at a few objects, not the whole world */
    }
    po.log_level = o->verbose >= 2 ? PW_LOG_INFO : o->verbose ? PW_LOG_WARN : PW_LOG_ERROR;
    po.log = o->log;
    po.log_ctx = o->log_ctx;
    pw_world *w;
    pw_error pe;
    /* A process killed a moment ago may still hold the image's lock while
     * the kernel tears it down: a restart right after kill -9 waits for it
     * (up to 3 s) rather than failing. */
    int rc;
    for (int tries = 0; (rc = pw_open(o->image, &po, &w, &pe)) == -EBUSY && tries < 60; tries++)
        hal_sleep_ns(50000000);
    if (rc < 0) {
        snprintf(err, errlen, "%s", pe.msg);
        return rc;
    }
    if (((uint64_t)(uintptr_t)pw_base(w) + pw_size(w)) >> 48) {
        snprintf(err, errlen, "%s: the world's space lies above 2^48 and cannot hold VM references", o->image);
        pw_close(w, false);
        return -22;
    }
    pv_vm *vm = calloc(1, sizeof *vm);
    if (!vm) {
        snprintf(err, errlen, "out of host memory");
        pw_close(w, false);
        return -12;
    }
    vm->w = w;
    vm->verbose = o->verbose;
    vm->inspect = o->inspect;
    vm->view = o->view && !o->inspect;
    vm->paused = (o->paused || vm->view) && !o->inspect;
    vm->commit_output = o->commit_output && !o->inspect && !vm->view;
    vm->display = o->inspect || vm->view ? NULL : o->display;
    vm->max_frames = PV_MAX_FRAMES;
    vm->out_tty = hal_console_is_tty(1);
    pw_stats st;
    pw_stats_get(w, &st);
    vm->memory_limit = o->memory_limit ? o->memory_limit
                                       : default_memory_limit(o->image, st.pages_present * HAL_PAGE_SIZE);
    if (vm->memory_limit > pw_size(w))
        vm->memory_limit = pw_size(w);   /* the space itself is the hard limit */
    uint64_t reserve = po.cow_limit + PV_PROCESS_RESERVE;
    vm->heap_limit = vm->memory_limit > 2 * reserve ? vm->memory_limit - reserve : vm->memory_limit / 2;
    char why[400];
    if (!vm->inspect && !vm->view && (rc = pv_boot_guard_begin(vm, o->image, vm->paused, why, sizeof why)) < 0) {
        snprintf(err, errlen, "%s: %s", o->image, why);
        pv_gc_free_host(vm);
        pw_close(w, false);
        free(vm);
        return rc;
    }
    if (boot(vm, pw_is_new(w), why, sizeof why) < 0) {
        snprintf(err, errlen, "%s: %s", o->image, why);
        pv_boot_guard_end(vm);
        pv_sched_free(vm);
        pv_gc_free_host(vm);
        pw_close(w, false);
        free(vm);
        return -22;
    }
    if (info) {
        uint64_t now = hal_now_wall_ns();
        *info = (pvm_boot_info){
            .is_new = pw_is_new(w),
            .generation = st.resumed_generation,
            .snapshot_age_ms = st.resumed_wall_ns && now > st.resumed_wall_ns ? (now - st.resumed_wall_ns) / 1000000 : 0,
            .boots = vm->root->boots,
            .threads = vm->root->threads->len,
            .classes = vm->root->classes->count,
            .objects = vm->gc->c.live_objects,
            .memory_limit = vm->memory_limit,
            .failed_boots = vm->failed_boots,
        };
        snprintf(info->last_failure, sizeof info->last_failure, "%s", vm->last_failure);
    }
    *out = vm;
    return 0;
}

int pvm_close(pv_vm *vm, bool final)
{
    pv_out_flush(vm);
    if (final)   /* output held for its state (output commit) goes out before the end */
        pv_io_flush_output(vm);
    pv_sched_free(vm);
    pv_gc_free_host(vm);
    int rc = pw_close(vm->w, final);
    pv_boot_guard_end(vm);
    free(vm);
    return rc;
}

/* What the boot skipped because it was paused, in the boot's order: the
 * restart hooks, then the threads (timers, host calls, the run queue),
 * then the collectors. */
int pvm_resume(pv_vm *vm)
{
    if (vm->view)
        return PVM_E_VIEW;
    if (!vm->paused)
        return PVM_E_NOT_PAUSED;
    vm->paused = false;
    run_restart_hooks(vm);
    if (pv_sched_resume(vm) < 0)
        return -12;
    if (vm->gc_held)
        vm->gch->disabled = vm->gc_held = false;
    pv_boot_guard_resumed(vm);
    return 0;
}

void pvm_flush(pv_vm *vm)
{
    pv_out_flush(vm);
}

int pvm_install(pv_vm *vm, pv_cf **cfs, int n, bool *reused, char *err, size_t errlen)
{
    return pvm_install_renaming(vm, cfs, n, reused, NULL, 0, err, errlen);
}

int pvm_install_renaming(pv_vm *vm, pv_cf **cfs, int n, bool *reused, const char *const *renames, int nrenames,
                         char *err, size_t errlen)
{
    struct pv_class **out = calloc((size_t)n + 1, sizeof *out);
    if (!out) {
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    int rc = pv_install(vm, cfs, n, out, reused, renames, nrenames, err, errlen);
    free(out);
    return rc;
}

static struct pv_method *own(struct pv_class *c, const char *name, int nargs, bool is_static)
{
    struct pv_method *m = pv_find_method(c, name, nargs);
    return m && m->owner == c && !!(m->flags & PV_MF_STATIC) == is_static ? m : NULL;
}

static struct pv_method *ctor0(struct pv_class *c)
{
    for (uint32_t i = 0; i < c->nmethods; i++)
        if ((c->methods[i]->flags & PV_MF_CTOR) && c->methods[i]->nargs == 0)
            return c->methods[i];
    return NULL;
}

/* The program's arguments as a new array of strings. */
static struct pv_array *program_args(pv_vm *vm, const char *const *argv, int argc)
{
    struct pv_array *a = pv_array_new(vm, 0);
    for (int i = 0; a && i < argc; i++) {
        struct pv_string *s = pv_str_cstr(vm, argv[i]);
        if (!s || pv_array_push(vm, a, pv_from_ptr(s)) < 0)
            return NULL;
    }
    return a;
}

/* The thread of pvm_start and pvm_start_thread (tflags: PV_TF_MAIN or 0);
 * prog_argv becomes the array main(args) receives. */
/* The original boot convention: the method at ordinal 8 (by custom
 * `startup(var boot) [8]`) taking the boot object. */
static struct pv_method *boot_method(struct pv_class *c)
{
    struct pv_method *m = c->nvtable > 8 ? c->vtable[8] : NULL;
    return m && m->nargs == 1 && m->owner == c && !(m->flags & PV_MF_NATIVE) ? m : NULL;
}

static struct pv_thread *start_entry(pv_vm *vm, const char *cname, const char *const *inits, int n,
                                     const char *const *prog_argv, int prog_argc, uint32_t tflags, char *err,
                                     size_t errlen)
{
    struct pv_class *c = pv_find_class(vm, cname);
    if (!c) {
        snprintf(err, errlen, "class %s is not in the world", cname);
        return NULL;
    }
    struct pv_method *m;
    pv_value args[2];
    int argc;
    struct pv_method *ctor = NULL;
    if ((m = own(c, "main", 0, true))) {
        argc = 0;
    } else if ((m = own(c, "main", 1, true))) {
        struct pv_array *a = program_args(vm, prog_argv, prog_argc);
        if (!a)
            goto oom;
        args[0] = pv_from_ptr(a);
        argc = 1;
    } else {
        bool orig = false;
        if (!(m = own(c, "main", 0, false)) && !(m = pv_find_method(c, "run", 1)) && !(m = pv_find_method(c, "run", 0)) &&
            !(m = boot_method(c))) {
            snprintf(err, errlen, "class %s has no entry point: static void main(), main(var args : string[]), "
                     "void main(), the original run(var boot) or a method [8] taking the boot object", cname);
            return NULL;
        }
        orig = strcmp(m->name->bytes, "main") != 0;
        if ((m->flags & PV_MF_STATIC) || (c->flags & (PV_CF_ABSTRACT | PV_CF_INTERFACE)) || c->kind != PV_K_INSTANCE) {
            snprintf(err, errlen, "class %s: cannot make an instance to call %s on", cname, m->name->bytes);
            return NULL;
        }
        struct pv_instance *obj = pv_new_instance(vm, c);
        if (!obj)
            goto oom;
        args[0] = pv_from_ptr(obj);
        argc = 1;
        if (orig && m->nargs == 1) {
            const char *why;
            if ((args[1] = pv_new_object(vm, vm->b[PV_B_BOOT], &why)) == PV_NULL)
                goto oom;
            argc = 2;
        }
        ctor = ctor0(c);
    }
    struct pv_thread *t = pv_thread_start(vm, m, args, argc, tflags);
    if (!t || (ctor && pv_thread_push_entry(vm, t, ctor, args, 1) < 0))
        goto oom;
    for (int i = n; i-- > 0;) {
        struct pv_class *ic = pv_find_class(vm, inits[i]);
        struct pv_method *cl = ic ? own(ic, "<clinit>", 0, true) : NULL;
        if (cl && pv_thread_push_entry(vm, t, cl, NULL, 0) < 0)
            goto oom;
    }
    return t;
oom:
    snprintf(err, errlen, "out of memory in the world");
    return NULL;
}

int pvm_start(pv_vm *vm, const char *cname, const char *const *inits, int n, char *err, size_t errlen)
{
    return pvm_start_args(vm, cname, inits, n, NULL, 0, err, errlen);
}

int pvm_start_args(pv_vm *vm, const char *cname, const char *const *inits, int n, const char *const *argv,
                   int argc, char *err, size_t errlen)
{
    struct pv_thread *t = start_entry(vm, cname, inits, n, argv, argc, PV_TF_MAIN | PV_TF_THIS_RUN, err, errlen);
    if (!t)
        return -1;
    vm->root->main_thread = t;
    vm->root->exit_code = 0;
    return 0;
}

int pvm_start_thread(pv_vm *vm, const char *cname, const char *const *inits, int n, uint64_t *id, char *err,
                     size_t errlen)
{
    struct pv_thread *t = start_entry(vm, cname, inits, n, NULL, 0, 0, err, errlen);
    if (!t)
        return -1;
    *id = t->id;
    return 0;
}

int pvm_snapshot(pv_vm *vm)
{
    if (!vm->serve)   /* else the VM's thread flushes at the snapshot's safepoint */
        pv_out_flush(vm);
    return pw_snapshot(vm->w, true);
}

void pvm_request_stop(pv_vm *vm)
{
    atomic_store(&vm->stop, true);
}

bool pvm_reboot_requested(const pv_vm *vm)
{
    return vm->reboot_requested;
}

struct pw_world *pvm_world(pv_vm *vm)
{
    return vm->w;
}

uint32_t pvm_thread_count(pv_vm *vm)
{
    return vm->root->threads->len;
}

int pvm_run(pv_vm *vm)
{
    vm->run_program_only = false;
    return pv_sched_run(vm);
}

int pvm_run_program(pv_vm *vm)
{
    vm->run_program_only = true;
    return pv_sched_run(vm);
}
