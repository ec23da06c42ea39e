/* bench_exec.c - `mesoscreen answer` on the built-in questionnaire, a whole process from exec
 * to exit, beside a bare C program (the floor), interleaved so that both see the same machine;
 * medians and minimums of RUNS each, and peak RSS. Goal: the median within 2x the floor.
 *
 * Usage: bench_exec MESOSCREEN ANSWERS_FILE BARE [RUNS] */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_RUNS 2000

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Runs argv with stdout on /dev/null; returns the wall time in ms and the peak RSS. */
static double run(char *const argv[], long *rss_kb)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    double t0 = now_ms();
    if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
        perror(argv[0]);
        exit(1);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_exec: %s failed\n", argv[0]);
        exit(1);
    }
    double t = now_ms() - t0;
    posix_spawn_file_actions_destroy(&fa);
    *rss_kb = ru.ru_maxrss;
    return t;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_exec MESOSCREEN ANSWERS_FILE BARE [RUNS]\n");
        return 64;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 200;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 200;
    char *answer[] = {argv[1], "answer", "--answers", argv[2], NULL};
    char *bare[] = {argv[3], NULL};
    static double ta[MAX_RUNS], tb[MAX_RUNS];
    long rss_a = 0, rss_b = 0;
    for (int i = 0; i < runs; i++) {
        ta[i] = run(answer, &rss_a);
        tb[i] = run(bare, &rss_b);
    }
    qsort(ta, (size_t)runs, sizeof *ta, cmp);
    qsort(tb, (size_t)runs, sizeof *tb, cmp);
    double ma = ta[runs / 2], mb = tb[runs / 2];
    printf("`answer` on the built-in questionnaire, whole process, %d interleaved runs each\n",
           runs);
    printf("bare C program        min %7.3f ms  median %7.3f ms  peak RSS %6ld KiB\n", tb[0], mb,
           rss_b);
    printf("mesoscreen answer     min %7.3f ms  median %7.3f ms  peak RSS %6ld KiB\n", ta[0], ma,
           rss_a);
    printf("ratio (median): %.2fx the floor (goal: within 2.0x) %s\n", ma / mb,
           ma / mb <= 2.0 ? "met" : "NOT met");
    return 0;
}
