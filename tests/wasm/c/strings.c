/* strings.c - libc string and memory functions, and snprintf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char buf[128], copy[128];
    strcpy(buf, "persistent");
    strcat(buf, " worlds");
    printf("%s %zu\n", buf, strlen(buf));
    printf("cmp %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strncmp("hello", "help", 3));
    printf("chr %s rchr %s str %s\n", strchr(buf, 's'), strrchr(buf, 's'), strstr(buf, "wor"));
    memset(copy, 'x', sizeof copy);
    memcpy(copy, buf, 5);
    copy[5] = 0;
    printf("memcpy %s\n", copy);
    memmove(buf + 2, buf, 8);
    printf("memmove %.12s\n", buf);
    printf("memcmp %d\n", memcmp("aaaa", "aaab", 4) < 0);
    char text[] = "a,b,,c;d";
    for (char *t = strtok(text, ",;"); t; t = strtok(NULL, ",;"))
        printf("tok [%s]\n", t);
    snprintf(buf, sizeof buf, "%5d|%-5d|%05d|%x|%X|%o|%c|%10.3s|", 42, 42, 42, 255, 255, 8, 'z', "abcdef");
    puts(buf);
    printf("strtol %ld %ld %lu\n", strtol("-1234", NULL, 10), strtol("ff", NULL, 16), strtoul("777", NULL, 8));
    printf("atoi %d\n", atoi("  99 bottles"));
    size_t n = 0;
    for (int i = 0; i < 1000; i++) {
        char s[32];
        n += (size_t)snprintf(s, sizeof s, "%d", i * 7919);
    }
    printf("digits %zu\n", n);
    return 0;
}
