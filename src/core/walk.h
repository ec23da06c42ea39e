/* walk.h - the way through a questionnaire: which question comes next given the answers
 * so far, going back, and changing an earlier answer. Used by `answer`, the plain prompts
 * and the curses screens alike.
 *
 * The walk keeps one answer slot per question. A question is reached when its section's and
 * its own `when` hold on the answers of earlier reached questions. Changing an answer keeps
 * the later answers: those still reached still apply, the others are ignored (never in a
 * report) but come back if their question is reached again. */
#ifndef MESOSCREEN_WALK_H
#define MESOSCREEN_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"
#include "model.h"

struct walk;

/* A new walk with no answers over q, which must be resolved and outlive the walk. Free it
 * with walk_free (NULL is a no-op), which also frees the answers it holds. */
struct walk *walk_new(const struct questionnaire *q);
void walk_free(struct walk *w);

/* The questionnaire the walk was made over (borrowed, as given to walk_new). */
const struct questionnaire *walk_questionnaire(const struct walk *w);

/* Whether option `option` of question qi is offered on the current answers (its `when`). */
bool walk_option_offered(const struct walk *w, size_t qi, size_t option);

/* Why a is not a valid answer to qi now: answer_check's message, or that a picked option is
 * not offered on the current answers ("not offered for these answers"). NULL when valid. */
const char *walk_check(const struct walk *w, size_t qi, const struct answer *a);

/* Sets (a deep copy of) the answer to question qi, which walk_check must accept; returns
 * false, changing nothing, otherwise. The question need not be reached (an answers file may
 * answer everything first), but options are checked against the current earlier answers. */
bool walk_set(struct walk *w, size_t qi, const struct answer *a);
/* Forgets the answer to qi. */
void walk_unset(struct walk *w, size_t qi);

/* The answer slot of qi (given == false when none), owned by the walk: the pointer stays
 * valid until walk_free, its contents (and its text) until the next walk_set or walk_unset
 * of qi. */
const struct answer *walk_get(const struct walk *w, size_t qi);
/* Whether qi is reached on the current answers. */
bool walk_reached(const struct walk *w, size_t qi);
/* The reached flags of all questions (q->n_questions entries), for cond_env. Owned by the
 * walk; the values change with every walk_set, walk_unset and walk_visit. */
const bool *walk_reached_all(const struct walk *w);
/* All answer slots (q->n_questions entries), for cond_env; as walk_get. */
const struct answer *walk_answers(const struct walk *w);

/* The first reached question without an answer, or -1 when the walk is complete (every
 * reached required question answered; reached optional questions count as answered when
 * they have been visited, see walk_visit). */
int walk_next(const struct walk *w);
/* Marks an optional question as seen, so that an empty answer lets the walk go on. */
void walk_visit(struct walk *w, size_t qi);

/* The reached question before / after qi in asking order, or -1. */
int walk_prev(const struct walk *w, size_t qi);
int walk_after(const struct walk *w, size_t qi);

/* Position for "Question n of ~m": n = 1 + reached questions before qi; m = n + reached
 * or possibly reached questions after it (an estimate: later answers may skip some). */
void walk_progress(const struct walk *w, size_t qi, size_t *n, size_t *m);

/* Whether the walk is complete: walk_next(w) < 0. */
bool walk_complete(const struct walk *w);

#endif
