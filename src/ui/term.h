/* term.h - the terminal under curses: start and restore, signals that end the screening
 * cleanly, keys, and the attributes (colour or monochrome) each kind of text is drawn with. */
#ifndef MESOSCREEN_TERM_H
#define MESOSCREEN_TERM_H

#include <stdbool.h>

#include "model.h"
#include "screen.h"

/* What each piece of text is drawn as: colour when the terminal has it and NO_COLOR is not
 * set, otherwise bold / reverse. */
enum term_attr {
    TA_NORMAL,
    TA_BAR,      /* title and key lines */
    TA_HEADING,  /* section titles, headings */
    TA_SELECTED, /* the highlighted option or row */
    TA_DIM,      /* secondary text (ids, hints) */
    TA_ERROR,    /* refused input, failures */
    TA_OK,       /* success (report saved) */
    TA_VERDICT,  /* + enum eligibility: one per verdict */
    TA_COUNT = TA_VERDICT + ELIG_COUNT
};

/* Installs the signal handlers and starts curses (setlocale must already have run).
 * Registers term_stop as the fatal hook. Every signal whose default action ends the program
 * ends the screening instead (term_ended), so the terminal is restored and the journal kept;
 * a crash (SIGSEGV, SIGABRT, ...) restores the terminal's modes and dies of its signal;
 * SIGXFSZ is ignored, so that a write past the file size limit fails and is reported. */
void term_start(void);
/* Restores the terminal; safe to call more than once and from the fatal hook. */
void term_stop(void);

/* Waits for a key. Returns true with *k set; false when a signal that would end the program
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGPIPE, SIGALRM, ...) or a closed terminal ends
 * the screening, or on a timeout with no key (check term_ended). */
bool term_read_key(struct key *k);
/* Whether a signal or a closed terminal asked the screening to end. */
bool term_ended(void);

/* The curses attribute for a, as set up by term_start. */
int term_attr(enum term_attr a);
/* Whether text is UTF-8 (the locale's codeset): otherwise non-ASCII is drawn as '?'. */
bool term_utf8(void);

#endif
