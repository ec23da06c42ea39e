/* paths_proof.c - what the decision table's proof shows: how many ways through the
 * questionnaire end in each outcome, and one example patient per outcome, each as close as
 * possible to a reference patient so that the table lists only what differs. */
#include "paths_impl.h"

#include <stdlib.h>

#include "cond.h"
#include "xalloc.h"

#define NO_PATH UINT32_MAX /* the cost of a state from which the outcome cannot be reached */

/* The question a state of the graph asks: the level it belongs to. */
static size_t level_of(const struct paths *p, size_t node, size_t level)
{
    while (level + 1 < p->q->n_questions + 1 && p->level_first[level + 1] <= node)
        level++;
    return level;
}

double *paths_count_outcomes(const struct paths *p)
{
    double *count = xcalloc(p->n_outcomes + 1, sizeof *count);
    if (p->n_nodes == 0)
        return count;
    /* Paths from the root to each state, forward: edges lead to later levels only. */
    double *ways = xcalloc(p->n_nodes, sizeof *ways);
    ways[0] = 1;
    for (size_t node = 0; node < p->n_nodes; node++)
        for (size_t e = p->edge_first[node]; e < p->edge_first[node + 1]; e++) {
            uint32_t c = p->edges[e].child;
            if (c & TERMINAL)
                count[c & ~TERMINAL] += ways[node];
            else
                ways[c] += ways[node];
        }
    free(ways);
    return count;
}

size_t paths_reference_outcome(const struct paths *p)
{
    size_t best = p->n_outcomes;
    for (size_t i = 0; i < p->n_outcomes; i++) {
        const struct paths_outcome *o = &p->outcomes[i];
        if (o->end == PATHS_END_ROLE &&
            (best == p->n_outcomes || o->eligibility > p->outcomes[best].eligibility))
            best = i;
    }
    return best;
}

/* What choosing class c of question qi costs the example: an answer that differs from the
 * reference's (a question the path does not ask costs nothing), or with no reference the
 * findings the answer raises and leaving an optional question unanswered. */
static uint32_t edge_cost(const struct paths *p, const uint32_t *like, size_t qi, uint32_t c)
{
    const struct qclass *cl = &p->qinfo[qi].classes[c];
    if (!cl->reached)
        return 0;
    if (like)
        return c != like[qi];
    return 2 * (uint32_t)cl->n_raises + !cl->rep.given;
}

bool paths_example_path(const struct paths *p, uint32_t o, const uint32_t *like, uint32_t *cls)
{
    size_t nq = p->q->n_questions;
    for (size_t i = 0; i < nq; i++)
        cls[i] = CLASS_NOT_REACHED;
    if (p->n_nodes == 0 || !p->complete)
        return false;
    /* The cheapest way from each state to o, backward: children come after their parents. */
    uint32_t *cost = xcalloc(p->n_nodes, sizeof *cost);
    size_t level = nq;
    for (size_t node = p->n_nodes; node-- > 0;) {
        while (level > 0 && p->level_first[level] > node)
            level--;
        cost[node] = NO_PATH;
        for (size_t e = p->edge_first[node]; e < p->edge_first[node + 1]; e++) {
            uint32_t c = p->edges[e].child, rest;
            if (c & TERMINAL)
                rest = c == (TERMINAL | o) ? 0 : NO_PATH;
            else
                rest = cost[c];
            if (rest == NO_PATH)
                continue;
            uint32_t here = level < nq ? edge_cost(p, like, level, p->edges[e].cls) : 0;
            if (rest + here < cost[node])
                cost[node] = rest + here;
        }
    }
    bool found = cost[0] != NO_PATH;
    /* Forward along the cheapest edges, the first (lowest class) on a tie. */
    for (size_t node = 0, lv = 0; found;) {
        lv = level_of(p, node, lv);
        uint32_t next = NO_PATH;
        for (size_t e = p->edge_first[node]; e < p->edge_first[node + 1]; e++) {
            uint32_t c = p->edges[e].child;
            uint32_t rest = c & TERMINAL ? (c == (TERMINAL | o) ? 0 : NO_PATH) : cost[c];
            uint32_t here = lv < nq ? edge_cost(p, like, lv, p->edges[e].cls) : 0;
            if (rest != NO_PATH && rest + here == cost[node]) {
                if (lv < nq && !(c & TERMINAL && p->outcomes[o].end == PATHS_END_DEAD_END))
                    cls[lv] = p->edges[e].cls;
                next = c;
                break;
            }
        }
        if (next == NO_PATH || (next & TERMINAL))
            break;
        node = next;
    }
    free(cost);
    return found;
}

struct answer paths_example_answer(const struct paths *p, size_t qi, uint32_t c)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qclass *cl = &p->qinfo[qi].classes[c];
    struct answer a = cl->rep;
    /* "17" reads better than "0" for "under 18": the top of an interval that starts at the
     * minimum. */
    if (qn->type == QTYPE_NUMBER && cl->reached && a.given && cl->lo == qn->min && cl->hi < qn->max)
        a.number = cl->hi;
    return a;
}

/* The options of question qi offered after the answers so far (all without option `when`s). */
static uint64_t offered_options(const struct paths *p, size_t qi, const struct cond_env *env)
{
    const struct question *qn = &p->q->questions[qi];
    uint64_t offered = 0;
    for (size_t o = 0; o < model_option_count(qn); o++)
        if (qn->type == QTYPE_YESNO || cond_eval(qn->options[o].when, env))
            offered |= UINT64_C(1) << o;
    return offered;
}

void paths_example_answers(const struct paths *p, const uint32_t *cls, struct answer *answers,
                           bool *asked)
{
    size_t nq = p->q->n_questions;
    for (size_t q = 0; q < nq; q++) {
        answers[q] = (struct answer){0};
        asked[q] = false;
    }
    struct cond_env env = {p->q, answers, asked, NULL, -1};
    for (size_t q = 0; q < nq; q++) {
        const struct qinfo *info = &p->qinfo[q];
        const struct qclass *c = &info->classes[cls[q]];
        if (!c->reached)
            continue;
        struct answer a = paths_example_answer(p, q, cls[q]);
        if (a.given && info->option_whens) {
            /* The class's representative may not be offered on this path: take the first
             * member that is (the path exists, so one is). */
            uint64_t offered = offered_options(p, q, &env);
            if (p->q->questions[q].type == QTYPE_MULTI) {
                uint64_t untested = offered & ~info->tested;
                for (size_t m = 0; m < c->n_members; m++) {
                    uint64_t set = c->members[m];
                    if (set ? (set & ~offered) == 0 : untested != 0) {
                        a.selected = set ? set : untested & -untested;
                        break;
                    }
                }
            } else if (c->options & offered) {
                a.choice = __builtin_ctzll(c->options & offered);
            }
        }
        answers[q] = a;
        asked[q] = true;
    }
}

bool paths_example_patient(const struct paths *p, size_t i, struct answer *answers, bool *asked)
{
    size_t nq = p->q->n_questions;
    size_t ref = paths_reference_outcome(p);
    uint32_t *like = NULL, *cls = xcalloc(nq + 1, sizeof *cls);
    if (ref < p->n_outcomes && ref != i) {
        like = xcalloc(nq + 1, sizeof *like);
        if (!paths_example_path(p, (uint32_t)ref, NULL, like)) {
            free(like);
            like = NULL;
        }
    }
    bool found = i < p->n_outcomes && paths_example_path(p, (uint32_t)i, like, cls);
    if (!found)
        for (size_t q = 0; q < nq; q++)
            cls[q] = CLASS_NOT_REACHED;
    paths_example_answers(p, cls, answers, asked);
    free(like);
    free(cls);
    return found;
}
