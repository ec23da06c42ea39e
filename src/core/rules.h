/* rules.h - the verdict of a complete walk: findings (with the answers behind each),
 * eligibility, role and recommendations, exactly as the questionnaire's rules say. */
#ifndef MESOSCREEN_RULES_H
#define MESOSCREEN_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "walk.h"

struct raised_finding {
    size_t finding;  /* index into q->findings */
    size_t *because; /* question indexes, in asking order */
    size_t n_because;
};

struct outcome {
    enum eligibility eligibility;
    bool has_role; /* false when no role rule matched: a path without a verdict */
    enum role role;
    struct raised_finding *findings; /* by severity (most severe first), then file order */
    size_t n_findings;
    size_t *recommendations; /* indexes into q->recommendations, by kind then file order */
    size_t n_recommendations;
};

/* Computes the outcome of the answers in w (normally complete). Only reached questions
 * count. Fills *out, which the caller releases with outcome_free. Returns false when no role
 * rule matched (out->has_role false), true otherwise. */
bool rules_evaluate(const struct walk *w, struct outcome *out);

/* Frees what *out holds (not out itself) and leaves it empty. NULL is a no-op. */
void outcome_free(struct outcome *out);

#endif
