/* walk.c - which questions a screening asks, given the answers so far.
 * Answers live in slots that survive branching. Reachability is a cache kept fresh up to a
 * question: an answer to question i only makes questions from i on stale, and a query brings
 * the cache forward only as far as it reads, so answering in asking order (an answers file)
 * evaluates every condition once: linear, not quadratic. */
#include "walk.h"

#include <stdlib.h>

#include "cond.h"
#include "xalloc.h"

struct walk {
    const struct questionnaire *q;
    /* The answers as given, one per question, kept even while their question is skipped. */
    struct answer *slots;
    /* What the rest of the engine sees: slots[i] (shallow, text borrowed) when it applies, an
     * empty answer when it picks an option that the earlier answers no longer offer. */
    struct answer *view;
    bool *reached;
    bool *visited;    /* optional questions seen (walk_visit) */
    bool *section_on; /* each section's `when`, fresh once its first question is */
    size_t fresh;     /* view, reached and section_on are up to date for questions < fresh */
};

static struct cond_env walk_env(const struct walk *w)
{
    return (struct cond_env){
        .q = w->q,
        .answers = w->view,
        .reached = w->reached,
        .raised = NULL,
        .eligibility = -1,
    };
}

/* Whether every option a picks is offered by its `when` on the current earlier answers. */
static bool options_offered(const struct walk *w, size_t qi, const struct answer *a)
{
    const struct question *qn = &w->q->questions[qi];
    if (qn->type == QTYPE_CHOICE)
        return walk_option_offered(w, qi, (size_t)a->choice);
    if (qn->type == QTYPE_MULTI) {
        for (size_t i = 0; i < qn->n_options; i++)
            if ((a->selected & (UINT64_C(1) << i)) && !walk_option_offered(w, qi, i))
                return false;
    }
    return true;
}

/* Brings the cache up to date for questions < upto, in asking order, each decided on the
 * earlier ones only (the validator forbids a `when` on a later question). The cache is not
 * part of the walk's value, so the const queries may fill it. */
static void settle(const struct walk *cw, size_t upto)
{
    struct walk *w = (struct walk *)cw; /* allocated non-const by walk_new */
    const struct questionnaire *q = w->q;
    if (upto > q->n_questions)
        upto = q->n_questions;
    if (w->fresh >= upto)
        return;
    struct cond_env env = walk_env(w);
    for (size_t i = w->fresh; i < upto; i++) {
        const struct question *qn = &q->questions[i];
        const struct section *sec = &q->sections[qn->section];
        if (i == sec->first_question)
            w->section_on[qn->section] = cond_eval(sec->when, &env);
        w->reached[i] = w->section_on[qn->section] && cond_eval(qn->when, &env);
        w->view[i] = (struct answer){0};
        w->fresh = i; /* options_offered reads questions < i only */
        if (w->slots[i].given && (!w->reached[i] || options_offered(w, i, &w->slots[i])))
            w->view[i] = w->slots[i];
    }
    w->fresh = upto;
}

/* Question qi's answer changed: it and everything after it are stale. */
static void invalidate(struct walk *w, size_t qi)
{
    if (w->fresh > qi)
        w->fresh = qi;
}

struct walk *walk_new(const struct questionnaire *q)
{
    if (!q->resolved)
        xdie("walk_new: the questionnaire '%s' is not validated", q->id);
    struct walk *w = xcalloc(1, sizeof *w);
    w->q = q;
    w->slots = xcalloc(q->n_questions, sizeof *w->slots);
    w->view = xcalloc(q->n_questions, sizeof *w->view);
    w->reached = xcalloc(q->n_questions, sizeof *w->reached);
    w->visited = xcalloc(q->n_questions, sizeof *w->visited);
    w->section_on = xcalloc(q->n_sections ? q->n_sections : 1, sizeof *w->section_on);
    return w;
}

void walk_free(struct walk *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->q->n_questions; i++)
        answer_clear(&w->slots[i]);
    free(w->slots);
    free(w->view);
    free(w->reached);
    free(w->visited);
    free(w->section_on);
    free(w);
}

const struct questionnaire *walk_questionnaire(const struct walk *w)
{
    return w->q;
}

static void check_index(const struct walk *w, size_t qi, const char *fn)
{
    if (qi >= w->q->n_questions)
        xdie("%s: question index %zu out of range", fn, qi);
}

bool walk_option_offered(const struct walk *w, size_t qi, size_t option)
{
    check_index(w, qi, "walk_option_offered");
    const struct question *qn = &w->q->questions[qi];
    if (qn->type != QTYPE_CHOICE && qn->type != QTYPE_MULTI)
        return option < model_option_count(qn);
    if (option >= qn->n_options)
        return false;
    settle(w, qi);
    struct cond_env env = walk_env(w);
    return cond_eval(qn->options[option].when, &env);
}

const char *walk_check(const struct walk *w, size_t qi, const struct answer *a)
{
    check_index(w, qi, "walk_check");
    const char *why = answer_check(&w->q->questions[qi], a);
    if (why)
        return why;
    if (!options_offered(w, qi, a))
        return "not offered for these answers";
    return NULL;
}

bool walk_set(struct walk *w, size_t qi, const struct answer *a)
{
    if (walk_check(w, qi, a))
        return false;
    struct answer copy;
    answer_copy(&copy, a); /* before clearing: a may be the slot's own view */
    answer_clear(&w->slots[qi]);
    w->slots[qi] = copy;
    w->visited[qi] = true;
    invalidate(w, qi);
    return true;
}

void walk_unset(struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_unset");
    answer_clear(&w->slots[qi]);
    invalidate(w, qi);
}

const struct answer *walk_get(const struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_get");
    settle(w, qi + 1);
    return &w->view[qi];
}

bool walk_reached(const struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_reached");
    settle(w, qi + 1);
    return w->reached[qi];
}

const bool *walk_reached_all(const struct walk *w)
{
    settle(w, w->q->n_questions);
    return w->reached;
}

const struct answer *walk_answers(const struct walk *w)
{
    settle(w, w->q->n_questions);
    return w->view;
}

int walk_next(const struct walk *w)
{
    settle(w, w->q->n_questions);
    for (size_t i = 0; i < w->q->n_questions; i++) {
        if (!w->reached[i] || w->view[i].given)
            continue;
        if (w->q->questions[i].required || !w->visited[i])
            return (int)i;
    }
    return -1;
}

void walk_visit(struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_visit");
    w->visited[qi] = true;
}

int walk_prev(const struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_prev");
    settle(w, qi);
    for (size_t i = qi; i-- > 0;)
        if (w->reached[i])
            return (int)i;
    return -1;
}

int walk_after(const struct walk *w, size_t qi)
{
    check_index(w, qi, "walk_after");
    settle(w, w->q->n_questions);
    for (size_t i = qi + 1; i < w->q->n_questions; i++)
        if (w->reached[i])
            return (int)i;
    return -1;
}

bool walk_complete(const struct walk *w)
{
    return walk_next(w) < 0;
}

/* ---- progress: a three-valued reading of the conditions ---- */

/* A question is surely reached, surely skipped, or not yet decided (a condition depends on a
 * question that may be reached but has no answer yet). */
enum tri { TRI_NO, TRI_YES, TRI_MAYBE };

/* The question a leaf tests, or -1 for leaves that test no question. */
static int leaf_question(const struct cond *c)
{
    switch (c->kind) {
    case COND_IN:
    case COND_INCLUDES:
    case COND_COMPARE:
    case COND_ANSWERED:
        return c->ref_index;
    default:
        return -1;
    }
}

static enum tri tri_eval(const struct walk *w, const enum tri *status, const struct cond *c)
{
    if (!c)
        return TRI_YES;
    switch (c->kind) {
    case COND_ALL: {
        enum tri r = TRI_YES;
        for (size_t i = 0; i < c->n_items; i++) {
            enum tri t = tri_eval(w, status, c->items[i]);
            if (t == TRI_NO)
                return TRI_NO;
            if (t == TRI_MAYBE)
                r = TRI_MAYBE;
        }
        return r;
    }
    case COND_ANY: {
        enum tri r = TRI_NO;
        for (size_t i = 0; i < c->n_items; i++) {
            enum tri t = tri_eval(w, status, c->items[i]);
            if (t == TRI_YES)
                return TRI_YES;
            if (t == TRI_MAYBE)
                r = TRI_MAYBE;
        }
        return r;
    }
    case COND_NOT: {
        enum tri t = tri_eval(w, status, c->items[0]);
        return t == TRI_MAYBE ? TRI_MAYBE : t == TRI_YES ? TRI_NO : TRI_YES;
    }
    default: {
        int qi = leaf_question(c);
        if (qi >= 0 && (size_t)qi < w->q->n_questions && status[qi] != TRI_NO &&
            (!w->view[qi].given || status[qi] == TRI_MAYBE))
            return TRI_MAYBE;
        struct cond_env env = walk_env(w);
        return cond_eval(c, &env) ? TRI_YES : TRI_NO;
    }
    }
}

void walk_progress(const struct walk *w, size_t qi, size_t *n, size_t *m)
{
    check_index(w, qi, "walk_progress");
    settle(w, w->q->n_questions);
    const struct questionnaire *q = w->q;
    enum tri *status = xcalloc(q->n_questions, sizeof *status);
    for (size_t s = 0; s < q->n_sections; s++) {
        const struct section *sec = &q->sections[s];
        enum tri on = tri_eval(w, status, sec->when);
        for (size_t k = 0; k < sec->n_questions; k++) {
            size_t i = sec->first_question + k;
            enum tri t = on == TRI_NO ? TRI_NO : tri_eval(w, status, q->questions[i].when);
            status[i] = t == TRI_NO ? TRI_NO : (on == TRI_YES ? t : TRI_MAYBE);
        }
    }
    size_t before = 0, after = 0;
    for (size_t i = 0; i < q->n_questions; i++) {
        if (i < qi && w->reached[i])
            before++;
        else if (i > qi && status[i] != TRI_NO)
            after++;
    }
    free(status);
    *n = before + 1;
    *m = *n + after;
}
