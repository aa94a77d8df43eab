/*
 * vm_run.c - the VM's behavioural suite: every tests/vm/run/NAME.pasm,
 * checked as tests/golden.h describes.  tests/vm/README.md says how to
 * add a program.
 *
 *   BUILD=build build/tests/unit/vm_run            every program
 *   BUILD=build build/tests/unit/vm_run thread     names containing "thread"
 */
#define _GNU_SOURCE
#include "golden.h"

int main(int argc, char **argv)
{
    static const golden_suite s = {"vm_run", "tests/vm/run", ".pasm", NULL};
    return golden_main(&s, argc, argv);
}
