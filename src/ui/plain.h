/* plain.h - the screening as numbered text prompts on stdin/stdout, for screen readers, dumb
 * terminals and scripts: no curses and no escape sequences. */
#ifndef MESOSCREEN_PLAIN_H
#define MESOSCREEN_PLAIN_H

#include <stdio.h>

#include "session.h"
#include "ui.h"

/* Runs the screening s (opened) reading answers from in and writing prompts to out. Returns
 * UI_DONE with the report saved, UI_INPUT_ENDED when the input ends mid-screening (the
 * journal kept), UI_FAILED when the report or journal cannot be written (said on stderr). */
enum ui_status plain_run(struct session *s, FILE *in, FILE *out);

#endif
