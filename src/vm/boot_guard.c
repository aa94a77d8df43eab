/*
 * boot_guard.c - "the last boot of this world did not come up": the
 * evidence that a resumed world crashed the VM, and the refusal to resume
 * its threads blindly again (docs/VM.md, "A world that crashes the VM").
 *
 * Every boot that may run threads writes a note beside the image
 * (IMAGE.boot) and arms the HAL's crash note on it: a fatal fault of the
 * process (a segfault, an abort) appends a "crashed:" line before the
 * process dies.  The note goes away once the boot has come up (its
 * threads ran for PV_BOOT_SETTLE_NS) or the world is closed cleanly.  So
 * at the next boot:
 *  - no note: the last boot came up (or never ran threads);
 *  - a note without a "crashed:" line: that boot was killed (kill -9, a
 *    power cut) in its first moments; that says nothing about the world,
 *    and the boot goes on (kill loops do exactly this);
 *  - a note with a "crashed:" line: the world's threads crashed the VM
 *    within moments of resuming.  Boot refuses, unless paused: a paused
 *    boot resumes no thread, so it cannot crash the same way, and its
 *    clean end clears the evidence.  The evidence is kept meanwhile, so a
 *    paused session that is itself killed leaves the refusal in place.
 * The note is not in the world because a crash takes back everything
 * after the last snapshot; the file is the one thing that survives it.
 *
 * Failures that do not crash the VM are recorded the same way, beside the
 * image, in IMAGE.boot-errors: a boot in which a thread the world brought
 * with it ends by an uncaught exception before the boot has come up adds
 * a line (what ended it), at once; a boot that comes up (or ends cleanly)
 * without one removes the file.  So the file's lines are the boots that
 * failed early in a row, newest last, and `phantom boot` warns once they
 * are PVM_FAILED_BOOTS_WARN or more.  Only a line is kept per boot, the
 * last RECORD_LINES of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pvm.h"
#include "vm.h"

/* How long a boot's threads must run before the boot counts as come up. */
#define PV_BOOT_SETTLE_NS (3ull * 1000000000ull)
#define CRASH_LINE "crashed: "
#define RECORD_LINES 8

/* The record's lines (text ends with a newline): how many, and where the
 * last one starts. */
static uint32_t record_lines(const char *text, const char **last)
{
    uint32_t n = 0;
    *last = text;
    for (const char *l = text; *l; n++) {
        *last = l;
        const char *nl = strchr(l, '\n');
        l = nl ? nl + 1 : l + strlen(l);
    }
    return n;
}

static void read_record(pv_vm *vm, const char *image)
{
    vm->failed_boots = 0;
    vm->last_failure[0] = 0;
    if ((size_t)snprintf(vm->guard_record, sizeof vm->guard_record, "%s.boot-errors", image) >=
        sizeof vm->guard_record) {
        vm->guard_record[0] = 0;
        return;
    }
    uint8_t *text = NULL;
    size_t n = 0;
    if (hal_file_read_all(vm->guard_record, 1u << 16, &text, &n) < 0)
        return;
    const char *last;
    vm->failed_boots = record_lines((const char *)text, &last);
    snprintf(vm->last_failure, sizeof vm->last_failure, "%.*s", (int)strcspn(last, "\n"), last);
    free(text);
}

void pv_boot_guard_uncaught(pv_vm *vm, const char *what)
{
    uint64_t now = hal_now_mono_ns();
    if (vm->guard_paused || vm->guard_failed || !vm->guard_record[0] || (vm->guard_settle_at && now >= vm->guard_settle_at))
        return;
    vm->guard_failed = true;
    uint8_t *old = NULL;
    size_t n = 0;
    const char *keep = "";
    if (hal_file_read_all(vm->guard_record, 1u << 16, &old, &n) == 0) {
        keep = (const char *)old;
        const char *last;
        for (uint32_t lines = record_lines(keep, &last); lines >= RECORD_LINES; lines--)
            keep = strchr(keep, '\n') + 1;
    }
    size_t kl = strlen(keep), wl = strcspn(what, "\n");
    char *text = malloc(kl + wl + 2);
    if (text) {
        memcpy(text, keep, kl);
        memcpy(text + kl, what, wl);
        text[kl + wl] = '\n';
        int rc = hal_file_write_all(vm->guard_record, text, kl + wl + 1);
        if (rc < 0 && vm->verbose)
            hal_console_printf(2, "phantom: %s: cannot record the failed boot (%s)\n", vm->guard_record, hal_strerror(rc));
    }
    free(text);
    free(old);
}

int pv_boot_guard_begin(pv_vm *vm, const char *image, bool paused, char *err, size_t errlen)
{
    HAL_ASSERT(!vm->inspect);   /* a world opened only to look runs nothing: no evidence to keep */
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s.boot", image) >= sizeof path)
        return 0;   /* no room for the note's name: boot unguarded */
    uint8_t *old = NULL;
    size_t n = 0;
    const char *crash = NULL;
    if (hal_file_read_all(path, 1u << 16, &old, &n) == 0)
        crash = strstr((const char *)old, CRASH_LINE);
    if (crash && !paused) {
        const char *what = crash + strlen(CRASH_LINE);
        int len = (int)strcspn(what, "\n");
        snprintf(err, errlen, "the last boot of this world crashed the VM with %.*s within %llu s of resuming "
                 "its threads; they are not resumed again blindly", len, what, PV_BOOT_SETTLE_NS / 1000000000ull);
        free(old);
        return PVM_E_LAST_BOOT_CRASHED;
    }
    char head[200];
    snprintf(head, sizeof head, "phantom boot note: process %d began %s boot at %llu (unix ns)\n", hal_getpid(),
             paused ? "a paused" : "a", (unsigned long long)hal_now_wall_ns());
    /* A paused boot keeps the evidence it was allowed past. */
    size_t keep = crash ? n : 0, hl = strlen(head);
    char *text = malloc(keep + hl + 1);
    int rc = -12;
    if (text) {
        if (keep)
            memcpy(text, old, keep);
        memcpy(text + keep, head, hl + 1);
        rc = hal_crash_note_arm(path, text);
    }
    free(text);
    free(old);
    if (rc < 0 && vm->verbose)
        hal_console_printf(2, "phantom: %s: cannot write the boot note (%s): a crash of this boot will not be "
                           "recognised at the next\n", path, hal_strerror(rc));
    vm->guard_armed = rc == 0;
    vm->guard_paused = paused;
    read_record(vm, image);
    return 0;
}

void pv_boot_guard_running(pv_vm *vm)
{
    uint64_t now = hal_now_mono_ns();
    if (!vm->guard_settle_at)
        vm->guard_settle_at = now + PV_BOOT_SETTLE_NS;
    else if (now >= vm->guard_settle_at && !vm->guard_paused)
        pv_boot_guard_end(vm);
}

void pv_boot_guard_end(pv_vm *vm)
{
    /* the threads ran and none failed early: the run of failures is over */
    if (vm->guard_armed && vm->guard_settle_at && !vm->guard_failed && !vm->guard_paused && vm->guard_record[0])
        hal_remove(vm->guard_record);
    if (vm->guard_armed)
        hal_crash_note_remove();
    vm->guard_armed = false;
}

void pv_boot_guard_resumed(pv_vm *vm)
{
    vm->guard_paused = false;
    vm->guard_settle_at = 0;
}
