/* validator_int.h - what the validator's stages share: its state, the diagnostics it writes
 * and the names it shows. Private to validator*.c; validator.h is the interface. */
#ifndef MESOSCREEN_VALIDATOR_INT_H
#define MESOSCREEN_VALIDATOR_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "idtab.h"
#include "model.h"
#include "utf8.h"

#define SHOWN_MAX 64 /* characters of a name as written that a message shows */

struct validator {
    struct questionnaire *q;
    struct diags *d;
    struct idtab questions, findings; /* ids -> indexes, from the duplicate check to the paths */
    size_t suggestions_left; /* nearest-id searches cost O(ids): bounded on hostile input */
    char shown[2][UTF8_ESCAPED_SIZE(SHOWN_MAX)]; /* names as written, made safe for messages */
    int next_shown;
};

/* An error / a warning at loc in the questionnaire's file. */
void v_error(struct validator *v, struct src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void v_warning(struct validator *v, struct src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A name as written in the file, safe to print: at most SHOWN_MAX characters. Valid until the
 * second call after this one. */
const char *v_shown(struct validator *v, const char *s);

/* The candidate nearest to `wrong`, if near enough to be a typo; NULL otherwise (also once
 * the search budget is spent). */
const char *v_suggest(struct validator *v, const char *wrong,
                      const char *(*name)(const void *set, size_t i), const void *set, size_t n);
/* Names for v_suggest: set is the questionnaire (questions, findings) or a question (options). */
const char *v_question_name(const void *set, size_t i);
const char *v_finding_name(const void *set, size_t i);
const char *v_option_name(const void *set, size_t i);
/* "; did you mean 'x'?" into buf, or "" when best is NULL. */
const char *v_did_you_mean(const char *best, char *buf, size_t size);

/* Option values, keys and `exclusive` of one question (validator.c). */
void v_check_options(struct validator *v, const struct question *qn);

/* Resolves every name in every condition, `raises` and `default` into indexes, checking
 * what each place may name (validator_resolve.c). */
void v_resolve_all(struct validator *v);

/* Reports every cycle between findings; false when there is one (validator_paths.c). */
bool v_check_finding_cycles(struct validator *v);
/* The path analysis: questions never asked, paths without a role, dead ends (validator_paths.c). */
void v_check_paths(struct validator *v);

#endif
