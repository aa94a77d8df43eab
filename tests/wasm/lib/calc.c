/* calc.c - a library module (clang -mexec-model=reactor) that calc.ph
 * calls: every parameter and result type, memory shared through a
 * buffer, console output, a trap, state kept between calls. */
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

static int counter;
__attribute__((export_name("add"))) int add(int a, int b) { return a + b; }
__attribute__((export_name("mul64"))) long long mul64(long long a, long long b) { return a * b; }
__attribute__((export_name("hyp"))) double hyp(double a, float b) { return a * a + (double)b * b; }
__attribute__((export_name("bump"))) int bump(void) { return ++counter; }
__attribute__((export_name("divide"))) int divide(int a, int b) { return a / b; }
__attribute__((export_name("fib"))) long long fib(int n) { long long a = 0, b = 1; while (n-- > 0) { long long t = a + b; a = b; b = t; } return a; }
static char buf[256];
__attribute__((export_name("buffer"))) char *buffer(void) { return buf; }
__attribute__((export_name("upper"))) int upper(int n) { for (int i = 0; i < n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32; return n; }
__attribute__((export_name("spin"))) unsigned spin(unsigned n) { unsigned h = 1; for (unsigned i = 0; i < n; i++) h = h * 31 + i; return h; }
__attribute__((export_name("greet"))) void greet(void) { printf("hello from C\n"); fflush(stdout); }
__attribute__((export_name("quit"))) void quit(int code) { exit(code); }
__attribute__((export_name("deep"))) int deep(int n) { return n <= 0 ? 0 : 1 + deep(n - 1); }
