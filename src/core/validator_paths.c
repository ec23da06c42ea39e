/* validator_paths.c - the validator's whole-questionnaire stages: cycles between findings, and
 * the path analysis (questions never asked, paths without a role, dead ends). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "validator.h"
#include "validator_int.h"
#include "xalloc.h"

#define MAX_EXAMPLES          3  /* answer patterns shown for a path without a role */
#define MAX_EXAMPLED_OUTCOMES 20 /* outcomes (no role, dead end) given examples */

/* ---- cycles between findings ---- */

/* The resolved findings a condition names, appended to *list. */
static void collect_findings(const struct cond *c, int **list, size_t *n, size_t *cap)
{
    if (!c)
        return;
    if (c->kind == COND_FINDING && c->ref_index >= 0) {
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *list = xreallocarray(*list, *cap, sizeof **list);
        }
        (*list)[(*n)++] = c->ref_index;
    }
    for (size_t i = 0; i < c->n_items; i++)
        collect_findings(c->items[i], list, n, cap);
}

/* Depth-first search over "finding -> findings its when names", iterative so that a long
 * chain cannot exhaust the stack. A back edge closes a cycle, reported once at the finding
 * where it starts. Returns false when there is a cycle. */
bool v_check_finding_cycles(struct validator *v)
{
    const struct questionnaire *q = v->q;
    size_t n = q->n_findings;
    if (n == 0)
        return true;
    /* 32-bit indexes: the loader's bound on a file keeps counts of edges below 2^32 */
    uint32_t *first = xcalloc(n + 1, sizeof *first);
    int *edges = NULL;
    size_t n_edges = 0, cap = 0;
    for (size_t f = 0; f < n; f++) {
        first[f] = (uint32_t)n_edges;
        collect_findings(q->findings[f].when, &edges, &n_edges, &cap);
    }
    first[n] = (uint32_t)n_edges;

    enum { WHITE, GREY, BLACK };
    unsigned char *colour = xcalloc(n, 1);
    uint32_t *stack = xcalloc(n, sizeof *stack); /* the grey path */
    uint32_t *next = xcalloc(n, sizeof *next);   /* next edge to follow, per finding */
    bool ok = true;
    for (size_t root = 0; root < n; root++) {
        if (colour[root] != WHITE)
            continue;
        size_t depth = 0;
        stack[depth++] = (uint32_t)root;
        colour[root] = GREY;
        next[root] = first[root];
        while (depth > 0) {
            size_t f = stack[depth - 1];
            if (next[f] == first[f + 1]) {
                colour[f] = BLACK;
                depth--;
                continue;
            }
            uint32_t g = (uint32_t)edges[next[f]++];
            if (colour[g] == WHITE) {
                colour[g] = GREY;
                next[g] = first[g];
                stack[depth++] = g;
            } else if (colour[g] == GREY) {
                ok = false;
                size_t at = depth - 1;
                while (stack[at] != g)
                    at--;
                if (at == depth - 1) {
                    v_error(v, q->findings[g].loc, "finding '%s' depends on itself",
                            q->findings[g].id);
                    continue;
                }
                /* "through 'b', 'c'" for the cycle g -> b -> c -> g */
                size_t len = 0;
                for (size_t k = at + 1; k < depth; k++)
                    len += strlen(q->findings[stack[k]].id) + 4;
                char *through = xmalloc(len + 1), *p = through;
                for (size_t k = at + 1; k < depth; k++)
                    p += sprintf(p, "%s'%s'", k > at + 1 ? ", " : "", q->findings[stack[k]].id);
                v_error(v, q->findings[g].loc, "finding '%s' depends on itself through %s",
                        q->findings[g].id, through);
                free(through);
            }
        }
    }
    free(first);
    free(edges);
    free(colour);
    free(stack);
    free(next);
    return ok;
}

/* ---- paths: reachability, verdict coverage, dead ends ---- */

/* Reports the outcomes of p that end badly, the paths without a role (`no_role`; `exact`
 * when p's eligibilities are exact) and the dead ends (`dead_ends`), each with examples of
 * the answers that lead there. */
static void report_bad_ends(struct validator *v, const struct paths *p, bool no_role, bool exact,
                            bool dead_ends)
{
    const struct questionnaire *q = v->q;
    struct src_loc top = {1, 1};
    size_t examples_left = MAX_EXAMPLED_OUTCOMES; /* each example costs a pass over the paths */
    for (size_t i = 0; i < paths_outcome_count(p); i++) {
        const struct paths_outcome *o = paths_outcome_get(p, i);
        if (o->end == PATHS_END_ROLE || (o->end == PATHS_END_DEAD_END && !dead_ends) ||
            (o->end == PATHS_END_NO_ROLE && !no_role))
            continue;
        char *example = examples_left > 0 ? paths_example(p, i, MAX_EXAMPLES)
                                          : xstrdup("(no more examples: fix the others first)");
        if (examples_left > 0)
            examples_left--;
        if (o->end == PATHS_END_NO_ROLE) {
            struct src_loc at = q->n_role_rules ? q->role_rules[0].loc : top;
            if (exact)
                v_error(v, at, "no role row matches these answers (eligibility %s): %s",
                        model_eligibility_name(o->eligibility), example);
            else
                v_error(v, at, "no role row matches these answers: %s", example);
        } else {
            const struct question *qn = &q->questions[o->question];
            v_error(v, qn->loc, "question '%s' offers none of its options after these answers: %s",
                    qn->id, example);
        }
        free(example);
    }
}

/* States the analysis may explore per question beyond the default budget: a long but plain
 * questionnaire needs about 45 a question with merged verdicts (a generated one of 100,000
 * questions, 4.45 million; coverage alone, about 10.5), so that a valid file of any size is
 * proven, and one with errors is given its examples, in time linear in its questions. */
#define STATES_PER_QUESTION 64

size_t validator_paths_budget(const struct questionnaire *q)
{
    if (q->n_questions > PATHS_DEFAULT_BUDGET / STATES_PER_QUESTION)
        return q->n_questions * STATES_PER_QUESTION;
    return PATHS_DEFAULT_BUDGET;
}

/* Reports the questions that no path asks (p complete). */
static void report_never_asked(struct validator *v, const struct paths *p)
{
    const struct questionnaire *q = v->q;
    for (size_t i = 0; i < q->n_questions; i++)
        if (!paths_question_reached(p, i))
            v_error(v, q->questions[i].loc,
                    "question '%s' is never asked: no answers to the questions before it "
                    "make its conditions hold",
                    q->questions[i].id);
}

void v_check_paths(struct validator *v)
{
    const struct questionnaire *q = v->q;
    size_t budget = validator_paths_budget(q);
    /* Coverage alone first, with the fewest states and no graph: when it proves every path
     * ends well, that is all there is to say. Its states are a coarsening of paths_check's,
     * so when it runs out of budget, paths_check does too. */
    struct paths *cover = paths_cover(q, budget);
    bool settled = paths_complete(cover) && paths_outcome_count(cover) == 0;
    if (settled)
        report_never_asked(v, cover);
    paths_free(cover);
    if (settled)
        return;

    /* Something ends badly, or the budget ran out: merged verdicts, with the graph the
     * examples come from. Exact for everything checked here but the eligibility a path
     * without a role ends with, which only an error message needs. */
    struct paths *p = paths_check(q, budget);
    struct src_loc top = {1, 1};
    if (!paths_complete(p))
        v_warning(v, top, "%s", paths_stop_reason(p));
    else
        report_never_asked(v, p);
    bool no_role = false;
    for (size_t i = 0; i < paths_outcome_count(p); i++)
        no_role |= paths_outcome_get(p, i)->end == PATHS_END_NO_ROLE;
    report_bad_ends(v, p, false, false, true);
    if (no_role) {
        /* The exact analysis names the eligibility of each path without a role; should its
         * budget run out before it finds one, the merged one still reports them. */
        struct paths *exact = paths_analyse(q, budget);
        bool found = false;
        for (size_t i = 0; i < paths_outcome_count(exact); i++)
            found |= paths_outcome_get(exact, i)->end == PATHS_END_NO_ROLE;
        report_bad_ends(v, found ? exact : p, true, found, false);
        paths_free(exact);
    }
    paths_free(p);
}
