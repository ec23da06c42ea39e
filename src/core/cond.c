/* cond.c - evaluating resolved conditions on answers, and tracing which answers made one
 * hold (the `because` of a finding). Semantics: docs/questionnaire-format.md, Conditions. */
#include "cond.h"

#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

/* The answer to question qi when it counts: reached and given, or reached, left unanswered
 * and counted as its default (built in *buf); NULL otherwise. */
static const struct answer *cond_answer(const struct cond_env *env, int qi, struct answer *buf)
{
    if (qi < 0 || (size_t)qi >= env->q->n_questions || !env->reached[qi])
        return NULL;
    if (env->answers[qi].given)
        return &env->answers[qi];
    return answer_default(&env->q->questions[qi], buf) ? buf : NULL;
}

bool cond_defaulted(const struct cond_env *env, size_t qi)
{
    return qi < env->q->n_questions && env->reached[qi] && !env->answers[qi].given &&
           env->q->questions[qi].default_mask != 0;
}

const struct answer *cond_effective_answer(const struct cond_env *env, size_t qi,
                                           struct answer *buf)
{
    return cond_answer(env, (int)qi, buf);
}

uint64_t cond_value_mask(const struct cond *c)
{
    uint64_t mask = 0;
    for (size_t i = 0; i < c->n_values; i++)
        if (c->values[i].index >= 0 && c->values[i].index < MODEL_MAX_OPTIONS)
            mask |= UINT64_C(1) << c->values[i].index;
    return mask;
}

/* Whether a single-option answer (yes/no, choice) or a multi answer picks any of mask. */
static bool cond_picks_any(const struct question *qn, const struct answer *a, uint64_t mask)
{
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return a->choice >= 0 && a->choice < MODEL_MAX_OPTIONS &&
               (mask & (UINT64_C(1) << a->choice)) != 0;
    case QTYPE_MULTI:
        return (a->selected & mask) != 0;
    default:
        return false;
    }
}

static bool cond_compare(long long value, enum compare_op op, long long bound)
{
    switch (op) {
    case CMP_BELOW:
        return value < bound;
    case CMP_AT_MOST:
        return value <= bound;
    case CMP_ABOVE:
        return value > bound;
    case CMP_AT_LEAST:
        return value >= bound;
    case CMP_EQUAL:
        return value == bound;
    default:
        return false;
    }
}

/* COND_ANSWERED: reached and given (text: non-empty); a default is not an answer. */
static bool cond_answered(const struct cond_env *env, int qi)
{
    if (qi < 0 || (size_t)qi >= env->q->n_questions || !env->reached[qi] || !env->answers[qi].given)
        return false;
    const struct answer *a = &env->answers[qi];
    if (env->q->questions[qi].type == QTYPE_TEXT)
        return a->text && a->text[0] != '\0';
    return true;
}

bool cond_eval(const struct cond *c, const struct cond_env *env)
{
    if (!c)
        return true;
    const struct answer *a;
    struct answer buf;
    switch (c->kind) {
    case COND_ALL:
        for (size_t i = 0; i < c->n_items; i++)
            if (!cond_eval(c->items[i], env))
                return false;
        return true;
    case COND_ANY:
        for (size_t i = 0; i < c->n_items; i++)
            if (cond_eval(c->items[i], env))
                return true;
        return false;
    case COND_NOT:
        return c->n_items > 0 && !cond_eval(c->items[0], env);
    case COND_IN:
        a = cond_answer(env, c->ref_index, &buf);
        return a && cond_picks_any(&env->q->questions[c->ref_index], a, cond_value_mask(c));
    case COND_INCLUDES: {
        a = cond_answer(env, c->ref_index, &buf);
        if (!a || env->q->questions[c->ref_index].type != QTYPE_MULTI)
            return false;
        uint64_t mask = cond_value_mask(c);
        return (a->selected & mask) == mask;
    }
    case COND_COMPARE:
        a = cond_answer(env, c->ref_index, &buf);
        return a && env->q->questions[c->ref_index].type == QTYPE_NUMBER &&
               cond_compare(a->number, c->op, c->number);
    case COND_ANSWERED:
        return cond_answered(env, c->ref_index) == c->flag;
    case COND_ELIGIBILITY:
        return env->eligibility >= 0 && env->eligibility < ELIG_COUNT &&
               (c->eligibilities & (1u << env->eligibility)) != 0;
    case COND_FINDING:
        return env->raised && c->ref_index >= 0 && (size_t)c->ref_index < env->q->n_findings &&
               env->raised[c->ref_index];
    default:
        return false;
    }
}

/* The option bits of answer a to qn: the choice, or the multi selection; 0 for a number or
 * a text (the answer as a whole). */
static uint64_t cond_answer_bits(const struct question *qn, const struct answer *a)
{
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return a->choice >= 0 && a->choice < MODEL_MAX_OPTIONS ? UINT64_C(1) << a->choice : 0;
    case QTYPE_MULTI:
        return a->selected;
    default:
        return 0;
    }
}

/* A walk over a condition for cond_because: the findings already followed (allocated on the
 * first `finding:` leaf), so a finding shared by several paths is followed once and a
 * diamond of findings stays linear. */
struct because_walk {
    const struct cond_env *env;
    struct cond_mark *marks;
    bool *followed;
};

static void because_mark(struct because_walk *bw, size_t qi, uint64_t values)
{
    bw->marks[qi].on = true;
    bw->marks[qi].values |= values;
    bw->marks[qi].defaulted = cond_defaulted(bw->env, qi);
}

static void because_cond(const struct cond *c, struct because_walk *bw);

/* The answers behind raised finding f: its own `when`, and the answers whose `raises`
 * name it. The validator rules out cycles between findings; `followed` would stop one too. */
static void because_finding(size_t f, struct because_walk *bw)
{
    const struct questionnaire *q = bw->env->q;
    if (!bw->followed)
        bw->followed = xcalloc(q->n_findings + 1, sizeof *bw->followed);
    if (bw->followed[f])
        return;
    bw->followed[f] = true;
    if (q->findings[f].when && cond_eval(q->findings[f].when, bw->env))
        because_cond(q->findings[f].when, bw);
    for (size_t qi = 0; qi < q->n_questions; qi++) {
        const struct question *qn = &q->questions[qi];
        struct answer buf;
        const struct answer *a = cond_answer(bw->env, (int)qi, &buf);
        if (!a)
            continue;
        for (size_t r = 0; r < qn->n_raises; r++) {
            int v = qn->raises[r].value_index;
            if (qn->raises[r].finding_index == (int)f && v >= 0 && v < MODEL_MAX_OPTIONS &&
                cond_picks_any(qn, a, UINT64_C(1) << v))
                because_mark(bw, qi, UINT64_C(1) << v);
        }
    }
}

/* A leaf on a reached question: the values it tested when it holds (for `in` and
 * `includes`, only those picked), the whole answer otherwise (a false leaf, under `not`,
 * rests on everything that was answered). */
static void because_leaf(const struct cond *c, struct because_walk *bw)
{
    const struct cond_env *env = bw->env;
    if (c->ref_index < 0 || (size_t)c->ref_index >= env->q->n_questions ||
        !env->reached[c->ref_index])
        return;
    size_t qi = (size_t)c->ref_index;
    const struct question *qn = &env->q->questions[qi];
    struct answer buf;
    const struct answer *a = cond_answer(env, c->ref_index, &buf);
    uint64_t whole = a ? cond_answer_bits(qn, a) : 0;
    uint64_t values = whole;
    if ((c->kind == COND_IN || c->kind == COND_INCLUDES) && cond_eval(c, env))
        values = whole & cond_value_mask(c);
    because_mark(bw, qi, values);
}

static void because_cond(const struct cond *c, struct because_walk *bw)
{
    const struct cond_env *env = bw->env;
    if (!c)
        return;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY: {
        /* A true `all` needs every item, a false one only its false items; dually a true
         * `any` rests on its true items and a false one on all of them. */
        bool holds = cond_eval(c, env);
        bool want_all = (c->kind == COND_ALL) == holds;
        for (size_t i = 0; i < c->n_items; i++)
            if (want_all || cond_eval(c->items[i], env) == holds)
                because_cond(c->items[i], bw);
        return;
    }
    case COND_NOT:
        if (c->n_items > 0)
            because_cond(c->items[0], bw);
        return;
    case COND_IN:
    case COND_INCLUDES:
    case COND_COMPARE:
    case COND_ANSWERED:
        because_leaf(c, bw);
        return;
    case COND_FINDING:
        if (cond_eval(c, env))
            because_finding((size_t)c->ref_index, bw);
        return;
    case COND_ELIGIBILITY:
    default:
        return;
    }
}

void cond_because(const struct cond *c, const struct cond_env *env, struct cond_mark *marks)
{
    struct because_walk bw = {env, marks, NULL};
    because_cond(c, &bw);
    free(bw.followed);
}
