/*
 * utf8.h - the two UTF-8 primitives the compiler needs: decoding one
 * character (strictly: no overlong forms, no surrogates, nothing above
 * U+10FFFF) and encoding one.  Source files are bytes; UTF-8 matters only
 * for character literals, \u escapes and placing carets under text.
 */
#ifndef PHANTOM_COMPILER_UTF8_H
#define PHANTOM_COMPILER_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid character at s[0, n), storing it in *cp; 0 if invalid or n == 0. */
size_t pc_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes cp (at most U+10FFFF, not a surrogate) to out; returns its length (1-4), 0 if invalid. */
size_t pc_utf8_encode(uint32_t cp, char out[4]);

#endif
