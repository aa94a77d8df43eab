/*
 * n_tty.c - .internal.io.tty: a text console on standard output and
 * input, plus the print/println every program uses.
 *
 * The console's host state (colours, window title) is kept in the object
 * and re-applied by its restart hook when the world resumes, because the
 * terminal a resumed world runs in knows nothing of it.  Escape sequences
 * are written only when standard output is a terminal.
 *
 * When a display is on (--display), the console is also a text window, as
 * in the original: putws, gotoxy, clear, setTitle, setbgcolor and
 * moveWindow draw and move a .internal.window
 * kept in the console object (so it comes back after a restart with its
 * text); the text still goes to standard output too.
 *
 * Reading runs on a helper host thread (hostio.c): the reading VM thread
 * waits, the others run.  A snapshot taken while it waits resumes by
 * issuing the read again.
 */
#include <stdarg.h>
#include <stdio.h>

#include "../hostio.h"
#include "../interp.h"
#include "../serve.h"
#include "n_window.h"
#include "native.h"

enum { TTY_FG, TTY_BG, TTY_TITLE, TTY_REGISTERED, TTY_WINDOW };

static struct pv_native_obj *tty(pv_value v) { return pv_as_ptr(v); }

static void esc(pv_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void esc(pv_vm *vm, const char *fmt, ...)
{
    if (!vm->out_tty)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pv_out_write(vm, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
    pv_out_flush(vm);
}

/* The object now holds host state: make sure it is restored at boot. */
static int keep(pv_vm *vm, pv_value self)
{
    struct pv_native_obj *t = tty(self);
    if (t->w[TTY_REGISTERED] == PV_TRUE)
        return PV_NOK;
    if (pv_array_push(vm, vm->root->restart, self) < 0)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &t->w[TTY_REGISTERED], PV_TRUE);
    return PV_NOK;
}

pv_value pv_tty_window(pv_vm *vm, pv_value self)
{
    if (!vm->display)
        return PV_NULL;
    struct pv_native_obj *t = tty(self);
    if (t->w[TTY_WINDOW] != PV_NULL)
        return t->w[TTY_WINDOW];
    struct pv_class *wc = pv_find_class(vm, ".internal.window");
    const char *why;
    pv_value w = wc ? pv_new_object(vm, wc, &why) : PV_NULL;
    if (w == PV_NULL)
        return PV_NULL;
    pv_gc_write(vm, &t->w[TTY_WINDOW], w);
    if (!pv_win_ensure(vm, w, "VM TTY Window"))
        return PV_NULL;
    keep(vm, self);
    return w;
}

/* The text to the console's window at its pen, scrolling at the bottom. */
static void window_text(pv_vm *vm, pv_value self, const char *s, size_t n)
{
    pv_value w = pv_tty_window(vm, self);
    if (w == PV_NULL)
        return;
    pu_raster r = pv_win_raster(w);
    uint32_t fg = (uint32_t)pv_win_get(w, WS_FG), bg = (uint32_t)pv_win_get(w, WS_BG);
    int32_t top = r.h - 16 > 0 ? r.h - 16 : 0;
    if (pv_win_get(w, WS_PENY) > top)
        pv_win_put(w, WS_PENY, top);
    pu_pen pen = {pv_win_get(w, WS_PENX), pv_win_get(w, WS_PENY), 0, fg, bg, fg, bg, true};
    pv_win_drawn(vm, w, pu_text(&r, &pen, s, n < 1024 ? n : 1024), false);
    pv_win_put(w, WS_PENX, (int32_t)pen.x);
    pv_win_put(w, WS_PENY, (int32_t)pen.y);
    pv_win_show(vm, w);
}

static int write_value(pv_vm *vm, pv_value v, bool newline, int stream)
{
    struct pv_string *s = pv_tostring_native(vm, v);
    if (!s)
        return pv_throw_oom(vm);
    if (stream == 1) {
        pv_out_write(vm, s->bytes, s->len);
        if (newline)
            pv_out_write(vm, "\n", 1);
    } else {
        pv_out_flush(vm);
        pv_console_printf(vm, stream, "%s%s", s->bytes, newline ? "\n" : "");
    }
    return PV_NOK;
}

static int t_print(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return write_value(vm, args[0], false, 1); }
static int t_println(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return write_value(vm, args[0], true, 1); }
static int t_println0(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    pv_out_write(vm, "\n", 1);
    return PV_NOK;
}
static int t_putws(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (vm->display) {
        struct pv_string *s = pv_tostring_native(vm, args[1]);
        if (!s)
            return pv_throw_oom(vm);
        window_text(vm, args[0], s->bytes, s->len);
    }
    return write_value(vm, args[1], false, 1);
}
static int t_debug(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return write_value(vm, args[1], true, 2); }

static int t_getwc(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    return pv_io_submit(vm, vm->cur, PV_IO_READCHAR);
}

static int t_read_line(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    return pv_io_submit(vm, vm->cur, PV_IO_READLINE);
}

static int t_gotoxy(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    int32_t x, y;
    if (!pv_arg_int(vm, args[1], "gotoxy", 1, &x) || !pv_arg_int(vm, args[2], "gotoxy", 2, &y))
        return PV_NTHROW;
    esc(vm, "\x1b[%ld;%ldH", (long)y + 1, (long)x + 1);
    pv_value w = pv_tty_window(vm, args[0]);
    if (w != PV_NULL) {   /* the original's rows count from the bottom */
        pv_win_put(w, WS_PENX, (int32_t)((int64_t)x * 8 > INT32_MAX ? INT32_MAX : (int64_t)x * 8));
        pv_win_put(w, WS_PENY, (int32_t)((int64_t)y * 16 > INT32_MAX ? INT32_MAX : (int64_t)y * 16));
    }
    return PV_NOK;
}

static int t_clear(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    esc(vm, "\x1b[2J\x1b[H");
    pv_value w = pv_tty_window(vm, args[0]);
    if (w != PV_NULL) {
        pu_raster r = pv_win_raster(w);
        pv_win_drawn(vm, w, pu_fill(&r, 0, 0, r.w, r.h, (uint32_t)pv_win_get(w, WS_BG)), false);
        pv_win_put(w, WS_PENX, 0);
        pv_win_put(w, WS_PENY, r.h - 16 > 0 ? r.h - 16 : 0);
        pv_win_show(vm, w);
    }
    return PV_NOK;
}

static void apply_colors(pv_vm *vm, struct pv_native_obj *t)
{
    if (pv_is_int(t->w[TTY_FG]))
        esc(vm, "\x1b[%dm", 30 + (pv_as_int(t->w[TTY_FG]) & 7));
    if (pv_is_int(t->w[TTY_BG]))
        esc(vm, "\x1b[%dm", 40 + (pv_as_int(t->w[TTY_BG]) & 7));
    if (pv_is_obj(t->w[TTY_TITLE]))
        esc(vm, "\x1b]0;%s\x07", ((struct pv_string *)pv_as_ptr(t->w[TTY_TITLE]))->bytes);
}

static int set_word(pv_vm *vm, pv_value *args, int word, const char *fn)
{
    if (word == TTY_TITLE) {
        if (!pv_arg_string(vm, args[1], fn, 1))
            return PV_NTHROW;
    } else {
        int32_t c;
        if (!pv_arg_int(vm, args[1], fn, 1, &c))
            return PV_NTHROW;
    }
    pv_gc_write(vm, &tty(args[0])->w[word], args[1]);
    apply_colors(vm, tty(args[0]));
    pv_value w = pv_tty_window(vm, args[0]);
    if (w != PV_NULL && word == TTY_TITLE && pv_win_set_title(vm, w, args[1], fn))
        return PV_NTHROW;
    if (w != PV_NULL && word == TTY_BG)
        pv_win_put(w, WS_BG, pv_as_int(args[1]));
    return keep(vm, args[0]);
}

static int t_setcolor(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return set_word(vm, args, TTY_FG, "setcolor"); }
static int t_setbgcolor(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return set_word(vm, args, TTY_BG, "setbgcolor"); }
static int t_settitle(pv_vm *vm, pv_value *args, pv_value *ret) { (void)ret; return set_word(vm, args, TTY_TITLE, "setTitle"); }

/* Graphics-window operations of the original have no meaning on a text
 * console; they are accepted and do nothing. */
static int t_ignore(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    (void)ret;
    return PV_NOK;
}

static int t_move(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    pv_value w = pv_tty_window(vm, args[0]);
    if (w == PV_NULL) {
        int32_t x, y;
        return pv_arg_int(vm, args[1], "moveWindow", 1, &x) && pv_arg_int(vm, args[2], "moveWindow", 2, &y) ? PV_NOK
                                                                                                          : PV_NTHROW;
    }
    return pv_win_move(vm, w, args[1], args[2], "moveWindow");
}

static int t_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    apply_colors(vm, tty(args[0]));
    return PV_NOK;
}

static const pv_native_method tty_methods[] = {
    {"getwc", "()*", 16, 0, t_getwc},
    {"putws", "(*)void", 17, 0, t_putws},
    {"debug", "(*)void", 18, 0, t_debug},
    {"gotoxy", "(*,*)void", 19, 0, t_gotoxy},
    {"clear", "()void", 20, 0, t_clear},
    {"setcolor", "(*)void", 21, 0, t_setcolor},
    {"fill", "(*)void", 22, 0, t_ignore},
    {"putblock", "(*,*,*,*,*)void", 23, 0, t_ignore},
    {"moveWindow", "(*,*)void", 24, 0, t_move},
    {"setTitle", "(*)void", 25, 0, t_settitle},
    {"setbgcolor", "(*)void", 26, 0, t_setbgcolor},
    {"readLine", "()*", PV_NO_ORDINAL, 0, t_read_line},
    {"restart", "()void", PV_NO_ORDINAL, 0, t_restart},
    {"print", "(*)void", PV_NO_ORDINAL, PV_MF_STATIC, t_print},
    {"println", "(*)void", PV_NO_ORDINAL, PV_MF_STATIC, t_println},
    {"println", "()void", PV_NO_ORDINAL, PV_MF_STATIC, t_println0},
};

const pv_native_class pv_nc_tty = {
    ".internal.io.tty", NULL, PV_K_NATIVE, 0, NULL, tty_methods, PV_COUNTOF(tty_methods),
};
