/* ui.h - the interactive screening: full-screen (curses) or plain numbered prompts.
 * The only module that includes curses; the engine never sees it. */
#ifndef MESOSCREEN_UI_H
#define MESOSCREEN_UI_H

#include "cli.h"

/* Runs the interactive screening for the options o (questionnaire, patient, practitioner,
 * report directory, language, --plain) and returns the process exit code. */
int ui_run(const struct options *o);

#endif
