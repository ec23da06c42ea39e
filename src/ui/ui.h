/* ui.h - the interactive screening: full-screen (curses) or plain numbered prompts. Curses
 * stays inside src/ui; the screening layer and the engine below never see it. */
#ifndef MESOSCREEN_UI_H
#define MESOSCREEN_UI_H

#include <stdbool.h>

#include "session.h"

/* How an interactive screening ended; a failure has already been said on stderr. */
enum ui_status {
    UI_DONE = 0,        /* finished: the report saved, or quit with nothing kept */
    UI_FAILED = -1,     /* a report or the journal could not be written */
    UI_INTERRUPTED = 1, /* quit or interrupted with the screening kept for resume */
    UI_INPUT_ENDED = 2, /* plain prompts: the input ended mid-screening (answers kept) */
    UI_BUSY = 3, /* the patient named at the start screen is being screened by another program
                    (s->busy): the caller may offer to wait for it or to look at it */
};

/* Sets the program's characters and system messages (LC_CTYPE, LC_MESSAGES) from the
 * environment, falling back to C.UTF-8 characters when the named locale is not installed;
 * the other categories stay C. Call once, before anything is loaded or printed. */
void ui_locale(void);

/* Runs the opened session s: the curses screens, or the plain prompts on stdin/stdout when
 * `plain` or when stdin or stdout is not a terminal. s stays the caller's to close. */
enum ui_status ui_run(struct session *s, bool plain);

#endif
