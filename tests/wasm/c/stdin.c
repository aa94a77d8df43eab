/* stdin.c - standard input (stdin.in): lines read with fgets, then the
 * rest byte by byte, to the end of input. */
#include <stdio.h>

int main(void)
{
    char line[16];
    for (int i = 0; i < 3 && fgets(line, sizeof line, stdin); i++)
        printf("line %d: [%s]\n", i, line);
    long rest = 0, sum = 0;
    int c;
    while ((c = getchar()) != EOF) {
        rest++;
        sum += c;
    }
    printf("then %ld bytes summing to %ld; at the end: %d\n", rest, sum, feof(stdin) != 0);
    return 0;
}
