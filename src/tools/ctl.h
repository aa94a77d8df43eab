/*
 * ctl.h - the control socket of a running world (docs/SHELL.md,
 * "Attaching to a running world").
 *
 * `phantom run`, `boot` and the shell listen on IMAGE.ctl, a Unix socket
 * beside the image, owner-only; a connection from another user is
 * refused.  A client sends one request line, and for `update` the class
 * files; the server answers with frames: a tag byte, a 4-byte big-endian
 * length, the bytes.  Tags: CTL_OUT and CTL_ERR (text for the client's
 * standard output and error), CTL_PROMPT (a prompt, shown on a terminal),
 * CTL_EXIT (one byte: the client's exit status; the last frame).
 *   attach\n                the persistent shell, inside the world: the
 *                           client then sends input lines (a line of one
 *                           CTL_INTERRUPT byte: Ctrl-C); its end of input
 *                           (Ctrl-D) detaches, the world goes on
 *   snapshot\n              a snapshot, answered when durable
 *   stop\n                  the world stops and is saved, as by Ctrl-C
 *   update N [OLD=NEW]...\n then N class files, each as a 4-byte length
 *                           and its bytes: phantom update on the running
 *                           world (renames as --rename), answered once a
 *                           snapshot holding it is durable
 */
#ifndef PHANTOM_TOOLS_CTL_H
#define PHANTOM_TOOLS_CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../hal/hal.h"
#include "../vm/pvm.h"

enum { CTL_OUT = '1', CTL_ERR = '2', CTL_PROMPT = 'p', CTL_EXIT = 'x' };
#define CTL_INTERRUPT '\003'
#define CTL_MAX_FRAME (64u << 20)

/* IMAGE.ctl. */
void tool_ctl_path(const char *image, char *buf, size_t len);

/* ---- the server (ctl_server.c) --------------------------------------------- */
typedef struct tool_ctl tool_ctl;
/* Listens beside image for the world vm, which is served (pvm_serve_start,
 * or in place: pvm_requests_open) while the server runs.  stop(ctx) asks
 * the process to stop and save the world (any thread).  NULL, with why in
 * err, when the socket cannot be made: then the world runs unreachable. */
tool_ctl *tool_ctl_start(pv_vm *vm, const char *image, void (*stop)(void *ctx), void *stop_ctx, char *err,
                         size_t errlen);
/* Ends every attached session and removes the socket.  Call while the
 * world is still served, or after pvm_requests_close. */
void tool_ctl_stop(tool_ctl *c);
/* Output of the world's threads, to every attached session (any thread). */
void tool_ctl_broadcast(int stream, const char *s, size_t n);
/* The same as a pvm_set_output_copy hook: stack traces name the shell's
 * inputs, as the shell shows them. */
void tool_ctl_output_copy(void *ctx, int stream, const char *s, size_t n);

/* ---- the client (ctl_client.c) ---------------------------------------------- */
/* Writes all n bytes to s, waiting up to timeout_ms each time it cannot:
 * 0, or -1 (the peer went away, or read nothing for that long). */
int tool_ctl_send_all(hal_sock s, const void *p, size_t n, int timeout_ms);
/* Connects to the control socket of image: 0 with *s; -ENOENT or
 * -ECONNREFUSED when no process runs the world; another code. */
int tool_ctl_connect(const char *image, hal_sock *s);
/* Sends the request (and body, when not NULL), then shows the answer's
 * frames until CTL_EXIT; attach: relays standard input meanwhile.
 * Returns the exit status the server sent (2 if the connection broke). */
int tool_ctl_request(hal_sock s, const char *line, const void *body, size_t body_len, bool attach);
/* The answer's frames as they arrive: tool_ctl_receive waits up to
 * timeout_ms for bytes on s, keeps a partial frame in `in`, and passes
 * every whole frame but CTL_EXIT to take.  Returns CTL_EXIT's status,
 * TOOL_CTL_MORE (nothing ended: call again) or TOOL_CTL_GONE (the
 * connection ended, or no memory for a frame). */
typedef struct tool_ctl_inbox { unsigned char *p; size_t n, cap; } tool_ctl_inbox;
typedef void tool_ctl_take_fn(void *ctx, int tag, const char *data, size_t len);
enum { TOOL_CTL_MORE = -1, TOOL_CTL_GONE = -2 };
int tool_ctl_receive(hal_sock s, tool_ctl_inbox *in, int timeout_ms, tool_ctl_take_fn *take, void *ctx);
void tool_ctl_inbox_free(tool_ctl_inbox *in);

/* ---- attach on a terminal, with the line editor (ctl_attach.c) --------------- */
/* After the attach request was sent on s: lines are typed in the HAL's line
 * editor (history shared with the shell's file, output of the world drawn
 * above the line), each sent when entered, until the world sends CTL_EXIT
 * or the connection ends.  Closes s; returns the exit status. */
int tool_ctl_attach_edited(hal_sock s);

#endif
