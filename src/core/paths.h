/* paths.h - every way through a questionnaire, by outcome: which questions can be reached,
 * which answers lead to which (eligibility, role), and the paths that end without a role.
 * The validator uses it for reachability and verdict coverage; `mesoscreen paths` prints it
 * as a decision table for clinical sign-off. The algorithm is explained in paths.c. */
#ifndef MESOSCREEN_PATHS_H
#define MESOSCREEN_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "answer.h"
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

/* Only what `check` proves, with the fewest states: which questions are reached, the dead
 * ends, and the paths that end without a role (their eligibility merged as paths_check merges
 * it). It keeps no state graph, so paths_example, paths_example_patient and paths_print must
 * not be called on the result, and its outcomes are only the dead ends and the paths without
 * a role. When some role rule holds whatever the answers, no path can end without a role, and
 * the states drop what only the role rules read. */
struct paths *paths_cover(const struct questionnaire *q, size_t budget);

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

/* An example patient who ends in outcome i, as the decision table shows it: answers[q] and
 * asked[q] for every question (n_questions entries each; asked false for a question the
 * example is not asked, answers[q].given false for one left unanswered), as close as possible
 * to the table's reference patient. Text answers point into p. Returns false (answers all
 * unset) when no explored path ends in outcome i. */
bool paths_example_patient(const struct paths *p, size_t i, struct answer *answers, bool *asked);

/* What heads the decision table besides the questionnaire's id and version. */
struct paths_table {
    const char *sha256; /* the questionnaire source's SHA-256, in hex */
    const char *date;   /* YYYY-MM-DD */
    size_t lang;        /* index into q->languages: the table's language */
    bool full;          /* add every way to each outcome (--full) */
};

/* Prints the decision table for clinical sign-off (product.md section 8) in the
 * questionnaire's words and language t->lang: a header with id, version, SHA-256 and date;
 * every finding with its severity, the verdict it imposes and the answers that raise it, by
 * verdict in order of precedence; the role rows in order; every recommendation with its
 * condition; the proof that every path ends in a verdict and a role, with the number of ways
 * per verdict and role and one example patient per (verdict, role); a sign-off block; and with
 * t->full every way to each outcome. Questionnaire texts are printed with control characters
 * escaped. Write errors are the caller's to check (ferror). */
void paths_print(const struct paths *p, const struct paths_table *t, FILE *out);

#endif
