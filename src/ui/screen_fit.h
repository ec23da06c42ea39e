/* screen_fit.h - whether a questionnaire's texts fit the question screen at its smallest size,
 * for `check`: the screens know their own layout. */
#ifndef MESOSCREEN_SCREEN_FIT_H
#define MESOSCREEN_SCREEN_FIT_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Warns (at the text's FILE:LINE:COL) about every question text, help or option text of q, in
 * every language, that cannot be shown whole on the question screen at 80x24 (the screen then
 * marks where it cuts). Returns the number of warnings added. */
size_t screen_fit_check(const struct questionnaire *q, struct diags *d);

#endif
