/* exitcode.c - output then exit with a status (stdout flushed by exit). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("leaving with 7\n");
    fprintf(stderr, "to stderr\n");
    exit(7);
}
