/* bench_bare.c - the floor of bench_exec: a C program that starts, writes a line and exits. */
#include <stdio.h>

int main(void)
{
    puts("bare");
    return 0;
}
