/*
 * lib_run.c - the standard class library's suite: every
 * tests/lang/lib/NAME.ph, run together with the working tree's lib/ (which
 * replaces the copy built into the command), checked as tests/golden.h
 * describes.  docs/LIBRARY.md says how to add a program.
 *
 *   BUILD=build build/tests/unit/lib_run           every program
 *   BUILD=build build/tests/unit/lib_run util.     names containing "util."
 */
#define _GNU_SOURCE
#include "golden.h"

int main(int argc, char **argv)
{
    static const char *const pre[] = {"lib/", NULL};
    static const golden_suite s = {"lib_run", "tests/lang/lib", ".ph", pre};
    return golden_main(&s, argc, argv);
}
