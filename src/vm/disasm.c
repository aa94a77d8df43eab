/*
 * disasm.c - prints a class in the assembly language (asm.h).
 *
 * The output is what the assembler reads, so that for a class that
 * verifies asm(disasm(c)) == c byte for byte: every directive that sets a
 * field of the class file is printed (.locals and .stack always), labels
 * are named by offset (L12), and numbers are printed so they parse back to
 * the same bits.  Code that does not verify is printed as faithfully as
 * the language allows: an instruction that does not decode, or names a
 * constant unfit for it, becomes raw .byte; a jump or handler position
 * that is not an instruction start is printed as a number.
 */
#include "asm.h"
#include "object.h"
#include "../util/textbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dis {
    const pv_cf *cf;
    void (*out)(void *ctx, const char *line);
    void *ctx;
    tb_buf line;         /* the line being built; line.oom: it lost text */
} dis;

static void endline(dis *d)
{
    d->out(d->ctx, d->line.oom ? "; (out of memory: a line is missing)" : d->line.n ? d->line.p : "");
    tb_clear(&d->line);
}

static void put_quoted(dis *d, const char *s, uint32_t len)
{
    static const char specials[] = "\"\\\n\r\t", escaped[] = "\"\\nrt";
    tb_put(&d->line, "\"", 1);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *sp = c ? strchr(specials, c) : NULL;
        if (sp)
            tb_put(&d->line, (const char[]){'\\', escaped[sp - specials]}, 2);
        else if (c < 0x20 || c == 0x7F)
            tb_printf(&d->line, "\\x%02x", c);
        else
            tb_put(&d->line, &s[i], 1);
    }
    tb_put(&d->line, "\"", 1);
}

/* A name for printing: the string, or "?" when the reference is broken. */
static const char *str(const dis *d, uint32_t k)
{
    const char *s = pv_cf_str(d->cf, k);
    return s ? s : "?";
}

static const char *class_name(const dis *d, uint32_t k)
{
    const char *s = pv_cf_class_name(d->cf, k);
    return s ? s : "?";
}

/* Shortest decimal that reads back as the same bits, with a '.' or an
 * exponent so that it reads as a floating constant; prefix "" or "f"
 * suffix for floats.  False if there is none (infinities, NaNs). */
static bool put_real(dis *d, double v, bool single)
{
    char b[64];
    if (!isfinite(v))
        return false;
    for (int prec = 1; prec <= 17; prec++) {
        /* whole numbers read best as 100.0 (exact below 1e15) */
        if (fabs(v) >= 1e-4 && fabs(v) < 1e15 && v == floor(v))
            snprintf(b, sizeof b, "%.1f", v);
        else
            snprintf(b, sizeof b, "%.*g", prec, v);
        double back = single ? strtof(b, NULL) : strtod(b, NULL);
        if (back == v && signbit(back) == signbit(v)) {
            if (!strpbrk(b, ".e"))
                strcat(b, ".0");
            tb_printf(&d->line, "%s%s", b, single ? "f" : "");
            return true;
        }
    }
    return false;
}

/* pushconst's operand; false if constant k cannot be pushed. */
static bool push_operand(dis *d, uint32_t k)
{
    const pv_cf_const *c = &d->cf->consts[k];
    switch (c->kind) {
    case PV_CK_UTF8: put_quoted(d, c->s, c->len); return true;
    case PV_CK_INT: tb_printf(&d->line, "%lld", (long long)c->i); return true;
    case PV_CK_LONG: tb_printf(&d->line, "%lldL", (long long)c->i); return true;
    case PV_CK_FLOAT: {
        float f;
        uint32_t bits = (uint32_t)c->bits;
        memcpy(&f, &bits, 4);
        if (!put_real(d, f, true))
            tb_printf(&d->line, "floatbits 0x%08x", bits);
        return true;
    }
    case PV_CK_DOUBLE: {
        double v;
        memcpy(&v, &c->bits, 8);
        if (!put_real(d, v, false))
            tb_printf(&d->line, "doublebits 0x%016llx", (unsigned long long)c->bits);
        return true;
    }
    case PV_CK_CLASS: tb_printf(&d->line, "class %s", class_name(d, k)); return true;
    }
    return false;
}

/* The constant operand of in, or false if it cannot be written as one. */
static bool const_operand(dis *d, const pv_insn *in)
{
    const pv_cf *cf = d->cf;
    if (in->u == 0 || in->u >= cf->nconsts)
        return false;
    const pv_cf_const *c = &cf->consts[in->u];
    int n;
    switch (in->op) {
    case PV_OP_PUSHCONST: return push_operand(d, in->u);
    case PV_OP_GETFIELD: case PV_OP_PUTFIELD: case PV_OP_GETSTATIC: case PV_OP_PUTSTATIC:
        if (c->kind != PV_CK_FIELD || !pv_cf_class_name(cf, c->a) || !pv_cf_str(cf, c->b))
            return false;
        tb_printf(&d->line, "%s %s", class_name(d, c->a), str(d, c->b));
        return true;
    case PV_OP_NEW: case PV_OP_CHECKCAST: case PV_OP_INSTANCEOF:
        if (c->kind != PV_CK_CLASS || !pv_cf_class_name(cf, in->u))
            return false;
        tb_printf(&d->line, "%s", class_name(d, in->u));
        return true;
    case PV_OP_INVOKENAME:
        if (!pv_cf_name_ok(pv_cf_str(cf, in->u)))
            return false;
        tb_printf(&d->line, "%s %d", str(d, in->u), in->i);
        return true;
    case PV_OP_INVOKEVIRTUAL: case PV_OP_INVOKESTATIC: case PV_OP_INVOKESPECIAL:
        if (c->kind != PV_CK_METHOD || !pv_cf_class_name(cf, c->a) || !pv_cf_str(cf, c->b) || !pv_cf_str(cf, c->c))
            return false;
        tb_printf(&d->line, "%s %s %s", class_name(d, c->a), str(d, c->b), str(d, c->c));
        n = pv_desc_nargs(str(d, c->c));
        if (n != in->i)
            tb_printf(&d->line, " %d", in->i);   /* the assembler takes the descriptor's count otherwise */
        return true;
    }
    return false;
}

enum { AT_START = 1, AT_LABEL = 2 };

/* A code position as an operand: its label, or the number.  at has an
 * entry for every position up to code_len. */
static void put_pos(dis *d, const pv_cf_method *m, const uint8_t *at, uint32_t pos)
{
    tb_printf(&d->line, pos <= m->code_len && (at[pos] & AT_LABEL) ? "L%u" : "%u", pos);
}

/* Positions a jump or .catch may name by label: instruction starts and the end. */
static void mark_label(const pv_cf_method *m, uint8_t *at, uint32_t pos)
{
    if (pos == m->code_len || (pos < m->code_len && (at[pos] & AT_START)))
        at[pos] |= AT_LABEL;
}

static void put_raw(dis *d, const uint8_t *b, uint32_t n, const char *why)
{
    tb_printf(&d->line, "    .byte");
    for (uint32_t i = 0; i < n; i++)
        tb_printf(&d->line, " 0x%02x", b[i]);
    if (why)
        tb_printf(&d->line, "  ; %s", why);
    endline(d);
}

static void put_insn(dis *d, const pv_cf_method *m, const pv_insn *in, const uint8_t *raw, const uint8_t *at)
{
    const char *mn = pv_opinfo[in->op].mnemonic;
    size_t start = d->line.n;
    tb_printf(&d->line, "    %s", mn);
    switch (in->fmt) {
    case PV_F_NONE: break;
    case PV_F_I32: tb_printf(&d->line, " %d", in->i); break;
    case PV_F_L: tb_printf(&d->line, " %u", in->u); break;
    case PV_F_LI: case PV_F_ON: tb_printf(&d->line, " %u %d", in->u, in->i); break;
    case PV_F_U8:
        if (in->op == PV_OP_CONV && in->u < PV_CONV_COUNT)
            tb_printf(&d->line, " %s", pv_asm_conv_names[in->u]);
        else
            tb_printf(&d->line, " %u", in->u);
        break;
    case PV_F_J: tb_put(&d->line, " ", 1); put_pos(d, m, at, in->u); break;
    case PV_F_K: case PV_F_KN:
        tb_put(&d->line, " ", 1);
        if (!const_operand(d, in)) {
            tb_truncate(&d->line, start);
            put_raw(d, raw, in->size, "an instruction whose constant does not fit it");
            return;
        }
        break;
    }
    endline(d);
}

/* Prints the line table entries for pc and any out of order before it. */
static void put_lines(dis *d, const pv_cf_method *m, uint32_t *j, uint32_t pc)
{
    for (; *j < m->nlines && m->lines[*j].pc <= pc; (*j)++) {
        if (m->lines[*j].pc == pc)
            tb_printf(&d->line, "    .line %u", m->lines[*j].line);
        else
            tb_printf(&d->line, "    ; .line %u at offset %u, not an instruction start", m->lines[*j].line, m->lines[*j].pc);
        endline(d);
    }
}

static void put_code(dis *d, const pv_cf_method *m)
{
    uint8_t *at = calloc((size_t)m->code_len + 1, 1);
    uint32_t end = 0, j = 0;
    pv_insn in;
    if (!at) {
        tb_printf(&d->line, "    ; out of memory: the code is missing");
        endline(d);
        return;
    }
    /* instructions decode up to `end`; the rest is raw bytes */
    while (pv_insn_decode(m->code, m->code_len, end, &in)) {
        at[end] |= AT_START;
        end += in.size;
    }
    for (uint32_t pc = 0; pc < end; pc += in.size) {
        pv_insn_decode(m->code, m->code_len, pc, &in);
        if (in.fmt == PV_F_J)
            mark_label(m, at, in.u);
    }
    for (uint32_t i = 0; i < m->nhandlers; i++) {
        const pv_cf_handler *h = &m->handlers[i];
        mark_label(m, at, h->start);
        mark_label(m, at, h->end);
        mark_label(m, at, h->target);
        tb_printf(&d->line, "    .catch %s from ", h->cls ? class_name(d, h->cls) : "any");
        put_pos(d, m, at, h->start);
        tb_put(&d->line, " to ", 4);
        put_pos(d, m, at, h->end);
        tb_put(&d->line, " using ", 7);
        put_pos(d, m, at, h->target);
        endline(d);
    }
    for (uint32_t pc = 0; pc < end; pc += in.size) {
        pv_insn_decode(m->code, m->code_len, pc, &in);
        if (at[pc] & AT_LABEL) {
            tb_printf(&d->line, "L%u:", pc);
            endline(d);
        }
        put_lines(d, m, &j, pc);
        put_insn(d, m, &in, m->code + pc, at);
    }
    for (uint32_t pc = end; pc < m->code_len; pc += 16)
        put_raw(d, m->code + pc, m->code_len - pc < 16 ? m->code_len - pc : 16,
                pc == end ? "bytes that do not decode" : NULL);
    put_lines(d, m, &j, UINT32_MAX);
    if (at[m->code_len] & AT_LABEL) {
        tb_printf(&d->line, "L%u:", m->code_len);
        endline(d);
    }
    free(at);
}

static void put_method(dis *d, const pv_cf_method *m)
{
    endline(d);
    tb_printf(&d->line, ".method");
    for (int i = 0; i < 4; i++)
        if (m->flags & pv_asm_method_flags[i].flag)
            tb_printf(&d->line, " %s", pv_asm_method_flags[i].name);
    tb_printf(&d->line, " %s %s", str(d, m->name), str(d, m->desc));
    if (m->ordinal != PV_NO_ORDINAL)
        tb_printf(&d->line, " ordinal %u", m->ordinal);
    endline(d);
    tb_printf(&d->line, "    .locals %u", m->nlocals);
    endline(d);
    tb_printf(&d->line, "    .stack %u", m->max_stack);
    endline(d);
    put_code(d, m);
    tb_printf(&d->line, ".end");
    endline(d);
}

static void put_header(dis *d)
{
    const pv_cf *cf = d->cf;
    const char *name = class_name(d, cf->this_class);
    tb_printf(&d->line, "%s", cf->flags & PV_CF_INTERFACE ? ".interface" : ".class");
    for (int i = 0; i < 2; i++)
        if (cf->flags & pv_asm_class_flags[i].flag)
            tb_printf(&d->line, " %s", pv_asm_class_flags[i].name);
    tb_printf(&d->line, " %s", name);
    /* the assembler's default superclass is .internal.object */
    if (cf->super_class &&
        (strcmp(class_name(d, cf->super_class), ".internal.object") != 0 || strcmp(name, ".internal.object") == 0))
        tb_printf(&d->line, " extends %s", class_name(d, cf->super_class));
    endline(d);
    if (cf->source) {
        tb_printf(&d->line, ".source ");
        if (pv_cf_str(cf, cf->source))
            put_quoted(d, cf->consts[cf->source].s, cf->consts[cf->source].len);
        endline(d);
    }
    for (uint32_t i = 0; i < cf->ninterfaces; i++) {
        tb_printf(&d->line, ".implements %s", class_name(d, cf->interfaces[i]));
        endline(d);
    }
    for (uint32_t i = 0; i < cf->nfields; i++) {
        const pv_cf_field *f = &cf->fields[i];
        tb_printf(&d->line, ".field%s %s", f->flags & PV_MF_STATIC ? " static" : "", str(d, f->name));
        if (f->type)
            tb_printf(&d->line, " : %s", str(d, f->type));
        endline(d);
    }
}

void pv_disasm(const pv_cf *cf, void (*out)(void *ctx, const char *line), void *ctx)
{
    dis d = {.cf = cf, .out = out, .ctx = ctx};
    put_header(&d);
    for (uint32_t i = 0; i < cf->nmethods; i++)
        put_method(&d, &cf->methods[i]);
    tb_free(&d.line);
}
