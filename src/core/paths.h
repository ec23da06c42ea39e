/* paths.h - every way through a questionnaire, by outcome: which questions can be reached,
 * which answers lead to which (eligibility, role), and the paths that end without a role.
 * The validator uses it for reachability and verdict coverage; `mesoscreen paths` prints it
 * as a decision table for clinical sign-off. The algorithm is explained in paths.c. */
#ifndef MESOSCREEN_PATHS_H
#define MESOSCREEN_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"

/* The default bound on abstract states explored (summed over all questions). */
#define PATHS_DEFAULT_BUDGET ((size_t)2000000)

struct paths;

/* How a path ends. */
enum paths_end {
    PATHS_END_ROLE,     /* a role rule matched: (eligibility, role) */
    PATHS_END_NO_ROLE,  /* no role rule matched: a path without a verdict */
    PATHS_END_DEAD_END, /* a reached question offers no option (every option's `when` false) */
};

/* One distinct outcome of the questionnaire. */
struct paths_outcome {
    enum paths_end end;
    enum eligibility eligibility; /* PATHS_END_ROLE, PATHS_END_NO_ROLE */
    enum role role;               /* PATHS_END_ROLE */
    size_t question;              /* PATHS_END_DEAD_END: the question without an option */
};

/* Analyses q, whose references must all be resolved and whose findings must not depend on
 * each other in a cycle (validator_check ensures both before it calls this). Explores at
 * most `budget` abstract states; when that is not enough the result is partial (see
 * paths_complete). Never fails: out of memory dies. Free the result with paths_free. */
struct paths *paths_analyse(const struct questionnaire *q, size_t budget);

/* The same analysis for checking only: verdicts that no role rule can tell apart (even after
 * more findings) are merged, which keeps the states fewer. Reachability, dead ends and
 * whether some path ends without a role are exact; an outcome's eligibility is only the most
 * severe of its group, so use paths_analyse to describe outcomes. */
struct paths *paths_check(const struct questionnaire *q, size_t budget);

void paths_free(struct paths *p);

/* Whether the analysis explored everything. When false, paths_stop_reason says why in a
 * sentence ("analysis stopped after 2000000 states; coverage not proven"; NULL when
 * complete, owned by p) and reachability and coverage are not proven: what was found is
 * still true, what was not found may exist. */
bool paths_complete(const struct paths *p);
const char *paths_stop_reason(const struct paths *p);

/* Number of abstract states explored (the size of the decision diagram). */
size_t paths_state_count(const struct paths *p);

/* Whether question qi is asked on some path. */
bool paths_question_reached(const struct paths *p, size_t qi);

/* The distinct outcomes found: role outcomes in verdict order (most severe first), then by
 * role, then paths without a role, then dead ends. paths_outcome_get returns NULL for i out
 * of range; the pointer lives as long as p. */
size_t paths_outcome_count(const struct paths *p);
const struct paths_outcome *paths_outcome_get(const struct paths *p, size_t i);

/* Examples of answers that lead to outcome i: up to `limit` alternatives, each the answers
 * that decide the way, as "(sex = male; age >= 18) or (sex = female) or 3 more". The caller
 * frees it. */
char *paths_example(const struct paths *p, size_t i, size_t limit);

/* Prints the decision table: a header with the questionnaire id, version and counts; for
 * every outcome the alternatives of answers that lead to it (at most a bound per outcome,
 * then "... and N more"); then every finding with what raises it, and every question with
 * when it is asked. In ids and option values (the stable vocabulary), not texts. */
void paths_print(const struct paths *p, FILE *out);

#endif
