/* plain.h - the screening as numbered text prompts on stdin/stdout, for screen readers, dumb
 * terminals and scripts: no curses and no escape sequences. */
#ifndef MESOSCREEN_PLAIN_H
#define MESOSCREEN_PLAIN_H

#include <stdio.h>

#include "session.h"

/* Runs the screening s (opened) reading answers from in and writing prompts to out. Returns
 * the exit code: 0 with the report saved, 65 when the input ends mid-screening (the journal
 * kept), 73 when the report or journal cannot be written. */
int plain_run(struct session *s, FILE *in, FILE *out);

#endif
