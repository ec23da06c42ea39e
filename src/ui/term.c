/* term.c - curses set up and torn down, and the only signal handlers. Every signal that would
 * end the program sets a flag and nothing else; the main loop notices it (the read is
 * interrupted, or times out) and ends, restoring the terminal with the journal kept. A crash
 * (SIGSEGV, SIGABRT, ...) restores the terminal's modes with async-signal-safe calls only,
 * then dies as it would have. */
#include "term.h"

#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "xalloc.h"

/* How long a key read waits before looking at the flags again (ms). */
#define READ_TIMEOUT_MS 250

static volatile sig_atomic_t got_signal;
static bool started, closed, utf8, keypad_on;
static int attrs[TA_COUNT];

/* Every signal whose default action ends the program, but the crashes: they end the screening
 * as Ctrl-C does (exit 130, journal kept). The real-time signals are added at run time. */
static const int ending_signals[] = {
    SIGINT,    SIGTERM, SIGHUP,  SIGQUIT,   SIGUSR1, SIGUSR2,
    SIGPIPE,   SIGALRM, SIGPROF, SIGVTALRM, SIGXCPU, SIGPOLL,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};

/* Errors of the program itself: the terminal is restored, then the program dies of them as it
 * would have (a core, or the sanitizer's report). */
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
static struct sigaction crash_before[sizeof crash_signals / sizeof crash_signals[0]];

/* What a crash writes to restore the terminal: the modes before curses, and the terminal's
 * own strings to leave the alternate screen, show the cursor and reset attributes. */
static struct termios tty_before;
static bool have_tty_before;
static char tty_reset[256];
static size_t tty_reset_len;

static void term_on_signal(int sig)
{
    got_signal = sig;
}

static void term_on_crash(int sig, siginfo_t *info, void *context)
{
    (void)context;
    if (started) { /* tcsetattr and write only: both async-signal-safe */
        if (tty_reset_len)
            (void)!write(STDOUT_FILENO, tty_reset, tty_reset_len);
        if (have_tty_before)
            (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty_before);
    }
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        if (crash_signals[i] == sig)
            sigaction(sig, &crash_before[i], NULL);
    /* A fault comes back when the handler returns, now to the handler before ours; a signal
     * sent by someone is sent again. */
    if (info->si_code <= 0)
        raise(sig);
}

static void term_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = term_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a signal interrupts the key read at once */
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++)
        sigaction(ending_signals[i], &sa, NULL);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
        sigaction(sig, &sa, NULL);
    /* A file grown past its limit: the write fails (EFBIG) and the journal says so. */
    signal(SIGXFSZ, SIG_IGN);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_sigaction = term_on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_SIGINFO;
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &crash, &crash_before[i]);
}

/* Appends the terminal's capability `name` to tty_reset, when it has it. */
static void tty_reset_add(const char *name)
{
    char *cap = tigetstr(name);
    if (!cap || cap == (char *)-1)
        return;
    size_t n = strlen(cap);
    if (tty_reset_len + n < sizeof tty_reset) {
        memcpy(tty_reset + tty_reset_len, cap, n);
        tty_reset_len += n;
    }
}

/* The colour of each attribute, and its monochrome stand-in. */
struct attr_style {
    short fg;
    int color_extra;
    int mono;
};

static const struct attr_style styles[TA_COUNT] = {
    [TA_NORMAL] = {-1, 0, 0},
    [TA_BAR] = {-1, A_REVERSE, A_REVERSE},
    [TA_HEADING] = {COLOR_CYAN, A_BOLD, A_BOLD},
    [TA_SELECTED] = {-1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD},
    [TA_DIM] = {-1, A_DIM, A_DIM},
    [TA_ERROR] = {COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
    [TA_OK] = {COLOR_GREEN, A_BOLD, A_BOLD},
    [TA_VERDICT + ELIG_NOT_ELIGIBLE] = {COLOR_RED, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE},
    [TA_VERDICT + ELIG_DEFERRED] = {COLOR_YELLOW, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE},
    [TA_VERDICT +
        ELIG_REFER_FOR_DIAGNOSIS] = {COLOR_MAGENTA, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE},
    [TA_VERDICT +
        ELIG_ELIGIBLE_WITH_PRECAUTIONS] = {COLOR_CYAN, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE},
    [TA_VERDICT + ELIG_ELIGIBLE] = {COLOR_GREEN, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE},
};

static void term_colours(void)
{
    const char *no_color = getenv("NO_COLOR");
    bool colour = has_colors() && !(no_color && *no_color);
    if (colour) {
        start_color();
        use_default_colors();
    }
    for (int a = 0; a < TA_COUNT; a++) {
        attrs[a] = styles[a].mono;
        if (colour && styles[a].fg >= 0 && init_pair((short)(a + 1), styles[a].fg, -1) == OK)
            attrs[a] = (int)COLOR_PAIR(a + 1) | styles[a].color_extra;
        else if (colour)
            attrs[a] = styles[a].color_extra;
    }
}

void term_start(void)
{
    const char *codeset = nl_langinfo(CODESET);
    utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
    have_tty_before = tcgetattr(STDIN_FILENO, &tty_before) == 0;
    term_signals();
    xalloc_set_fatal_hook(term_stop);
    set_escdelay(25);
    initscr();
    tty_reset_add("sgr0");
    tty_reset_add("cnorm");
    tty_reset_add("rmkx");
    tty_reset_add("rmcup");
    started = true;
    cbreak();
    noecho();
    nonl();
    curs_set(0);
    timeout(READ_TIMEOUT_MS);
    term_colours();
}

void term_stop(void)
{
    if (!started)
        return;
    started = false;
    keypad_on = false;
    endwin();
}

bool term_ended(void)
{
    return got_signal != 0 || closed;
}

/* A read that fails at once, again and again, means the terminal is gone. */
static bool term_hung_up(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool term_read_key(struct key *k)
{
    /* The function keys' tables are built at the first read, not in term_start: the first
     * screen shows without waiting for them, and no key is read before they are there. */
    if (!keypad_on) {
        keypad(stdscr, TRUE);
        keypad_on = true;
    }
    wint_t ch;
    int r = get_wch(&ch);
    if (got_signal)
        return false;
    if (r == ERR) {
        closed = closed || term_hung_up();
        return false;
    }
    k->fn = r == KEY_CODE_YES;
    k->ch = ch;
    if (!k->fn && ch == 3) /* Ctrl-C arriving as a character: same as SIGINT */
        got_signal = SIGINT;
    return !got_signal;
}

int term_attr(enum term_attr a)
{
    return attrs[a];
}

bool term_utf8(void)
{
    return utf8;
}
