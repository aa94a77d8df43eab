/*
 * jv_quote.c - an assembly string literal (asm.h's syntax) for Java
 * strings, written into the front end's growing text buffer.
 */
#include "jv_internal.h"

void jv_quote(tb_buf *b, const char *s, size_t n)
{
    tb_put(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            tb_printf(b, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            tb_printf(b, "\\x%02x", c);
        else
            tb_put(b, &s[i], 1);
    }
    tb_put(b, "\"", 1);
}
