/*
 * ctl_attach.c - `phantom attach` on a terminal, with the line editor
 * (ctl.h; docs/SHELL.md, "Attaching to a running world").
 *
 * Two threads share the connection.  The reader takes the world's frames
 * as they come: output goes above the line being typed (sh_edit_write),
 * a prompt is kept for the next line, CTL_EXIT ends the session.  The
 * typist (the calling thread) waits for a prompt, reads a line in the
 * editor with it, and sends the line; Ctrl-D detaches (the write side is
 * shut, and the world answers with CTL_EXIT).
 *
 * Invariant: the world sends one prompt for each line it wants, so the
 * typist reads at most one line per prompt received; lines typed while an
 * evaluation runs would reach the world as typed-ahead input, which an
 * editor cannot show, so none are read then (Ctrl-C, sent as a
 * CTL_INTERRUPT line, is the only key that acts meanwhile).
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "shell.h"

#define SEND_TIMEOUT_MS 10000
#define PROMPT_MAX 256

typedef struct attach {
    hal_sock s;
    sh_edit *ed;
    hal_mutex lock;            /* guards prompt and prompted */
    char prompt[PROMPT_MAX];   /* the last prompt the world sent */
    bool prompted;             /* a prompt came that no line answered yet */
    atomic_int status;         /* TOOL_CTL_MORE while attached, then the exit status or TOOL_CTL_GONE */
    atomic_bool typist_done;   /* the reader may stop waiting */
} attach;

static atomic_bool interrupted;

static void on_interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&interrupted, true);
}

static void take_frame(void *ctx, int tag, const char *d, size_t len)
{
    attach *a = ctx;
    switch (tag) {
    case CTL_OUT: sh_edit_write(a->ed, 1, d, len); break;
    case CTL_ERR: sh_edit_write(a->ed, 2, d, len); break;
    case CTL_PROMPT:
        hal_mutex_lock(&a->lock);
        if (len >= sizeof a->prompt)
            len = sizeof a->prompt - 1;
        memcpy(a->prompt, d, len);
        a->prompt[len] = 0;
        a->prompted = true;
        hal_mutex_unlock(&a->lock);
        break;
    default: break;
    }
}

/* Until the world's CTL_EXIT (its status) or the connection's end (TOOL_CTL_GONE). */
static void reader(void *arg)
{
    attach *a = arg;
    tool_ctl_inbox in = {0};
    int status = TOOL_CTL_MORE;
    while (status == TOOL_CTL_MORE && !atomic_load(&a->typist_done))
        status = tool_ctl_receive(a->s, &in, 100, take_frame, a);
    tool_ctl_inbox_free(&in);
    atomic_store(&a->status, status == TOOL_CTL_MORE ? TOOL_CTL_GONE : status);
}

static bool session_over(void *ctx)
{
    attach *a = ctx;
    return atomic_load(&a->status) != TOOL_CTL_MORE;
}

/* Waits for the world's next prompt, passing Ctrl-C on meanwhile; false if
 * the session ended instead.  The prompt is copied to buf. */
static bool await_prompt(attach *a, char *buf)
{
    for (;;) {
        if (atomic_exchange(&interrupted, false)) {
            hal_on_interrupt(on_interrupt, NULL);   /* re-armed: a second Ctrl-C is not fatal */
            tool_ctl_send_all(a->s, (char[]){CTL_INTERRUPT, '\n'}, 2, SEND_TIMEOUT_MS);
        }
        hal_mutex_lock(&a->lock);
        bool ready = a->prompted;
        if (ready) {
            memcpy(buf, a->prompt, sizeof a->prompt);
            a->prompted = false;
        }
        hal_mutex_unlock(&a->lock);
        if (ready)
            return true;
        if (session_over(a))
            return false;
        hal_sleep_ns(10 * 1000000u);
    }
}

int tool_ctl_attach_edited(hal_sock s)
{
    char hist[1100];
    attach a = {.s = s, .status = TOOL_CTL_MORE};
    a.ed = sh_edit_new(sh_history_path(hist, sizeof hist), NULL, NULL);
    if (!a.ed) {
        hal_console_printf(2, "phantom attach: the terminal's line editor could not be set up\n");
        hal_net_close(s);
        return 2;
    }
    hal_mutex_init(&a.lock);
    hal_thread *t;
    if (hal_thread_start(&t, reader, &a, "attach-reader") != 0) {
        hal_console_printf(2, "phantom attach: cannot start a thread\n");
        sh_edit_free(a.ed);
        hal_mutex_destroy(&a.lock);
        hal_net_close(s);
        return 2;
    }
    hal_on_interrupt(on_interrupt, NULL);
    char prompt[PROMPT_MAX];
    bool detached = false;
    while (!detached && await_prompt(&a, prompt)) {
        for (;;) {
            char *line = NULL;
            int rc = sh_edit_read(a.ed, prompt, &line, session_over, &a);
            if (rc == SH_CANCEL)
                continue;   /* Ctrl-C abandons the line being typed; the world waits on */
            if (rc == SH_LINE) {
                sh_edit_history_add(a.ed, line);
                if (tool_ctl_send_all(s, line, strlen(line), SEND_TIMEOUT_MS) < 0 ||
                    tool_ctl_send_all(s, "\n", 1, SEND_TIMEOUT_MS) < 0)
                    detached = true;
            } else if (rc == SH_EOF) {
                hal_net_shutdown_write(s);   /* detach: the world answers with CTL_EXIT */
                detached = true;
            }
            free(line);
            break;
        }
    }
    while (detached && !session_over(&a))
        hal_sleep_ns(10 * 1000000u);
    atomic_store(&a.typist_done, true);
    hal_thread_join(t);
    hal_on_interrupt(NULL, NULL);
    sh_edit_free(a.ed);
    hal_mutex_destroy(&a.lock);
    hal_net_close(s);
    int status = atomic_load(&a.status);
    if (status < 0) {
        hal_console_printf(2, "phantom: the world's process went away\n");
        return 2;
    }
    return status;
}
