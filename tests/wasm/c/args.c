/* args.c - the program's arguments (argv[0] differs by design: not shown). */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("%d arguments\n", argc - 1);
    for (int i = 1; i < argc; i++)
        printf("[%s]\n", argv[i]);
    return argc == 4 ? 0 : 3;
}
