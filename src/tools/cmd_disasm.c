/*
 * cmd_disasm.c - `phantom disasm`: prints class files (or the classes a
 * Phantom language program compiles to) in the assembly language of
 * docs/BYTECODE.md, with the line table as .line directives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../vm/asm.h"
#include "program.h"
#include "tools.h"

void help_disasm(void)
{
    hal_console_printf(1,
        "usage: phantom disasm FILE...\n"
        "\n"
        "Prints each class of the files given in the assembly language of\n"
        "docs/BYTECODE.md: constants, fields, methods with their ordinals, code with\n"
        "labels, exception handlers, and the line table as .line directives.  FILE\n"
        "is a class file (.phc), an assembly source (.pasm), a Phantom language source\n"
        "(.ph, compiled first; several are compiled together) or a directory of them.\n"
        "The output assembles back to the same class (phantom run takes .pasm files).\n"
        "\n"
        "Exit status: 0 printed, 2 bad usage or a file that cannot be read.\n");
}

static void print_line(void *ctx, const char *line)
{
    (void)ctx;
    hal_console_printf(1, "%s\n", line);
}

int cmd_disasm(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (argv[i][0] == '-' && strcmp(argv[i], "-")) {
            hal_console_printf(2, "phantom disasm: unknown option '%s' (see phantom disasm --help)\n", argv[i]);
            return 2;
        }
    if (!argc) {
        hal_console_printf(2, "phantom disasm: no class file given (see phantom disasm --help)\n");
        return 2;
    }
    tool_program p;
    if (tool_program_load(&p, argv, argc) < 0)
        return 2;
    for (int i = 0; i < p.n; i++) {
        if (i)
            hal_console_printf(1, "\n");
        pv_disasm(p.classes[i], print_line, NULL);
    }
    tool_program_free(&p);
    return 0;
}
