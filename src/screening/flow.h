/* flow.h - where a screening goes after an answer, for the plain prompts and the screens alike:
 * the next question, or the review when every reached question is answered. No curses. */
#ifndef MESOSCREEN_FLOW_H
#define MESOSCREEN_FLOW_H

#include <stdbool.h>

#include "walk.h"

/* The question to show after `current` was answered, or -1 for the review: the first reached
 * question without an answer. When `stepping` (the user went back to change an answer), the
 * later answered questions come one by one first, their answers shown (Enter keeps them). */
int flow_after_answer(const struct walk *w, int current, bool stepping);

/* The number of the option shown as `n` (0-based) among the offered options of qi, or -1. */
int flow_offered_option(const struct walk *w, size_t qi, size_t n);

/* The display position (0-based) of option `option` among the offered ones, or -1. */
int flow_offered_position(const struct walk *w, size_t qi, size_t option);

#endif
