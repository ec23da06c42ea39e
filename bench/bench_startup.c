/* bench_startup.c - how long mesoscreen takes from exec to its first question on screen, in
 * a pseudo-terminal of 80x24, beside a minimal curses program (the floor) in the same run;
 * and the peak resident memory of each. Prints the figures and the goals (first question
 * within 1.3x the floor, peak RSS under 4 MB).
 *
 * Usage: bench_startup MESOSCREEN FLOOR [RUNS]
 * mesoscreen runs as `mesoscreen --patient BENCH --practitioner BENCH` with an empty state
 * directory: with both given the start screen is skipped, so its first screen is question 1. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS   1000
#define OUTPUT_MAX (1 << 20)
#define WAIT_MS    20000

struct sample {
    double ms;   /* exec to marker on screen */
    long rss_kb; /* peak resident set */
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads the child's terminal output until `marker` shows; returns false on EOF or timeout. */
static bool wait_for_marker(int fd, const char *marker, char *buf, size_t *len)
{
    double deadline = now_ms() + WAIT_MS;
    while (now_ms() < deadline) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 100) <= 0)
            continue;
        ssize_t n = read(fd, buf + *len, OUTPUT_MAX - 1 - *len);
        if (n <= 0)
            return false;
        *len += (size_t)n;
        buf[*len] = '\0';
        if (strstr(buf, marker))
            return true;
        if (*len >= OUTPUT_MAX - 1)
            return false;
    }
    return false;
}

/* Drains the terminal until the child closes it. */
static void drain(int fd)
{
    char tmp[4096];
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, WAIT_MS) <= 0)
            return;
        if (read(fd, tmp, sizeof tmp) <= 0)
            return;
    }
}

/* One run of argv in an 80x24 pty: time to `marker`, then `stop` (a key, or SIGTERM when
 * stop is NULL), and the child's peak RSS. Returns false when it fails. */
static bool run_once(char *const argv[], const char *marker, const char *stop, struct sample *s)
{
    static char buf[OUTPUT_MAX];
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    int fd;
    size_t len = 0;
    double t0 = now_ms();
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0) {
        perror("forkpty");
        return false;
    }
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    bool ok = wait_for_marker(fd, marker, buf, &len);
    s->ms = now_ms() - t0;
    if (stop && write(fd, stop, strlen(stop)) < 0)
        ok = false;
    if (!stop)
        kill(pid, SIGTERM);
    drain(fd);
    close(fd);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return false;
    }
    s->rss_kb = ru.ru_maxrss;
    if (!ok)
        fprintf(stderr, "bench_startup: %s: no '%s' on its screen\n", argv[0], marker);
    return ok;
}

static int by_ms(const void *a, const void *b)
{
    double x = ((const struct sample *)a)->ms, y = ((const struct sample *)b)->ms;
    return (x > y) - (x < y);
}

static void summarize(const char *name, struct sample *s, int n, double *median, long *rss)
{
    qsort(s, (size_t)n, sizeof *s, by_ms);
    *median = s[n / 2].ms;
    *rss = 0;
    for (int i = 0; i < n; i++)
        if (s[i].rss_kb > *rss)
            *rss = s[i].rss_kb;
    printf("%-22s min %7.2f ms  median %7.2f ms  max %7.2f ms  peak RSS %6ld KiB\n", name, s[0].ms,
           *median, s[n - 1].ms, *rss);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_startup MESOSCREEN FLOOR [RUNS]\n");
        return 64;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 30;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 30;

    char state[] = "/tmp/bench_startup-XXXXXX";
    if (!mkdtemp(state)) {
        perror("mkdtemp");
        return 1;
    }
    char journal[sizeof state + 64];
    snprintf(journal, sizeof journal, "%s/mesoscreen/hair-mesotherapy.journal", state);
    setenv("XDG_STATE_HOME", state, 1);
    setenv("TERM", "xterm-256color", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("MESOSCREEN_REPORT_DIR", state, 1);

    char *meso[] = {argv[1], "--patient", "BENCH", "--practitioner", "BENCH", NULL};
    char *floor_argv[] = {argv[2], NULL};
    static struct sample ms[MAX_RUNS], fl[MAX_RUNS];
    int rc = 0;

    /* Interleaved, so that both see the same machine load. */
    for (int i = 0; i < runs && rc == 0; i++) {
        if (!run_once(floor_argv, "ready", "q", &fl[i]) ||
            !run_once(meso, "Question", NULL, &ms[i]))
            rc = 1;
        unlink(journal); /* SIGTERM keeps the screening: start the next run afresh */
    }
    char dir[sizeof state + 16];
    snprintf(dir, sizeof dir, "%s/mesoscreen", state);
    rmdir(dir);
    rmdir(state);
    if (rc != 0)
        return rc;

    double floor_ms, meso_ms;
    long floor_rss, meso_rss;
    printf("startup to first screen, %d runs each, 80x24 pty\n", runs);
    summarize("curses floor", fl, runs, &floor_ms, &floor_rss);
    summarize("mesoscreen (question 1)", ms, runs, &meso_ms, &meso_rss);
    printf("ratio (median): %.2fx the floor (goal: within 1.3x) %s\n", meso_ms / floor_ms,
           meso_ms <= 1.3 * floor_ms ? "met" : "NOT met");
    printf("peak RSS: %.2f MiB (goal: under 4 MiB) %s\n", meso_rss / 1024.0,
           meso_rss < 4 * 1024 ? "met" : "NOT met");
    return 0;
}
