/* rules.h - the verdict of a complete walk: findings (with the answers behind each),
 * eligibility, role and recommendations, exactly as the questionnaire's rules say. */
#ifndef MESOSCREEN_RULES_H
#define MESOSCREEN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "walk.h"

/* One answer behind a finding: the question, and the value(s) of its answer that raised it
 * (under a scalp infection, scalp_condition = infection, not every value ticked). */
struct because {
    size_t question; /* index into q->questions */
    uint64_t values; /* yes/no, choice, multi: the raising option indexes, a bit each (never
                        0); number, text: 0, the whole answer counts */
    bool defaulted;  /* the question was left unanswered and counted as its `default` */
};

struct raised_finding {
    size_t finding;          /* index into q->findings */
    struct because *because; /* in asking order, one per question */
    size_t n_because;
};

struct outcome {
    enum eligibility eligibility;
    bool has_role; /* false when no role rule matched: a path without a verdict */
    enum role role;
    /* By the verdict each imposes (most severe first: the groups of a report), then
     * severity, then file order. */
    struct raised_finding *findings;
    size_t n_findings;
    size_t *recommendations; /* indexes into q->recommendations, by kind then file order */
    size_t n_recommendations;
};

/* Computes the outcome of the answers in w (normally complete). Only reached questions
 * count. Fills *out, which the caller releases with outcome_free. Returns false when no role
 * rule matched (out->has_role false), true otherwise. */
bool rules_evaluate(const struct walk *w, struct outcome *out);

/* The answer that because entry b names, as an answer to its question (given == true):
 * only the raising option(s) for yes/no, choice and multi (the default's for a defaulted
 * entry); the walk's answer for a number or a text (text borrowed from w). Nothing to free. */
void rules_because_answer(const struct walk *w, const struct because *b, struct answer *out);

/* Frees what *out holds (not out itself) and leaves it empty. NULL is a no-op. */
void outcome_free(struct outcome *out);

#endif
