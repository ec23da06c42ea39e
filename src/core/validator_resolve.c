/* validator_resolve.c - the validator's resolving stage: every name a condition, a `raises`
 * or a `default` uses becomes an index, checked against what its place may name. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validator_int.h"
#include "xalloc.h"

/* Where a condition sits, which decides what it may name. */
enum ctx_kind {
    CTX_SECTION,  /* a section's when: questions before the section */
    CTX_QUESTION, /* a question's when: questions before it */
    CTX_OPTION,   /* an option's when: questions before its question */
    CTX_FINDING,  /* a finding's when: any question, other findings */
    CTX_RULE,     /* a role or recommendation: anything, including the eligibility */
};

struct ctx {
    enum ctx_kind kind;
    size_t limit;      /* CTX_SECTION, CTX_QUESTION, CTX_OPTION: first question not allowed */
    const char *owner; /* the section, question or finding id, for messages */
    const char *option;
};

static const char *const compare_words[CMP_COUNT] = {
    [CMP_BELOW] = "below",       [CMP_AT_MOST] = "at_most", [CMP_ABOVE] = "above",
    [CMP_AT_LEAST] = "at_least", [CMP_EQUAL] = "is",
};

/* "the 'when' of question 'x'" and the like, into buf. */
static const char *ctx_describe(const struct ctx *c, char *buf, size_t size)
{
    switch (c->kind) {
    case CTX_SECTION:
        snprintf(buf, size, "the 'when' of section '%s'", c->owner);
        break;
    case CTX_QUESTION:
        snprintf(buf, size, "the 'when' of question '%s'", c->owner);
        break;
    case CTX_OPTION:
        snprintf(buf, size, "the 'when' of option '%s' of question '%s'", c->option, c->owner);
        break;
    case CTX_FINDING:
        snprintf(buf, size, "the 'when' of finding '%s'", c->owner);
        break;
    case CTX_RULE:
        snprintf(buf, size, "%s", c->owner);
        break;
    }
    return buf;
}

/* Resolves the question of a leaf; checks it may be named here. Returns its index or -1. */
static int resolve_question_ref(struct validator *v, struct cond *c, const struct ctx *cx)
{
    const struct questionnaire *q = v->q;
    char hint[128], where[256];
    int qi = idtab_get(&v->questions, c->ref);
    if (qi < 0) {
        const char *best = v_suggest(v, c->ref, v_question_name, q, q->n_questions);
        v_error(v, c->ref_loc, "no question '%s'%s", v_shown(v, c->ref),
                v_did_you_mean(best, hint, sizeof hint));
        return -1;
    }
    bool ordered = cx->kind == CTX_SECTION || cx->kind == CTX_QUESTION || cx->kind == CTX_OPTION;
    if (ordered && (size_t)qi >= cx->limit) {
        ctx_describe(cx, where, sizeof where);
        if (cx->kind != CTX_SECTION && strcmp(c->ref, cx->owner) == 0)
            v_error(v, c->ref_loc, "%s names the question itself", where);
        else
            v_error(v, c->ref_loc,
                    "%s names question '%s', which is not asked before it: a condition may only "
                    "name earlier questions",
                    where, c->ref);
        return -1;
    }
    return qi;
}

/* Resolves the values of an `is`/`in`/`includes` leaf into option indexes. */
static bool resolve_values(struct validator *v, struct cond *c, const struct question *qn)
{
    bool ok = true;
    char hint[128];
    for (size_t i = 0; i < c->n_values; i++) {
        struct cond_value *cv = &c->values[i];
        cv->index = model_find_option(qn, cv->value);
        if (cv->index < 0) {
            const char *best = v_suggest(v, cv->value, v_option_name, qn, model_option_count(qn));
            v_error(v, cv->loc, "question '%s' has no option '%s'%s", qn->id, v_shown(v, cv->value),
                    v_did_you_mean(best, hint, sizeof hint));
            ok = false;
        }
    }
    return ok;
}

/* Parses a whole number (the entire string); false when it is not one. */
static bool parse_whole(const char *s, long long *out)
{
    if (!*s)
        return false;
    errno = 0;
    char *end;
    long long n = strtoll(s, &end, 10);
    if (errno || *end)
        return false;
    *out = n;
    return true;
}

/* An `is`/`in` leaf: option values, or on a number question one whole number (which becomes
 * a comparison). */
static void resolve_in(struct validator *v, struct cond *c, int qi)
{
    const struct question *qn = &v->q->questions[qi];
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
    case QTYPE_MULTI:
        if (resolve_values(v, c, qn))
            c->ref_index = qi;
        return;
    case QTYPE_NUMBER:
        if (c->n_values != 1) {
            v_error(v, c->loc,
                    "'in' cannot test number question '%s': use 'is' with one number, or "
                    "below, at_most, above, at_least",
                    qn->id);
            return;
        }
        long long n;
        if (!parse_whole(c->values[0].value, &n)) {
            v_error(v, c->values[0].loc,
                    "'%s' is not a whole number, and question '%s' is a number question",
                    v_shown(v, c->values[0].value), qn->id);
            return;
        }
        c->kind = COND_COMPARE;
        c->op = CMP_EQUAL;
        c->number = n;
        c->ref_index = qi;
        return;
    case QTYPE_TEXT:
    default:
        v_error(v, c->loc, "'is' and 'in' cannot test text question '%s'; only 'answered' can",
                qn->id);
        return;
    }
}

static void resolve_cond(struct validator *v, struct cond *c, const struct ctx *cx)
{
    const struct questionnaire *q = v->q;
    char where[256], hint[128];
    int qi;
    if (!c)
        return;
    /* Unresolved first, so that what fails below stays -1 (also when checked again). */
    c->ref_index = -1;
    for (size_t i = 0; i < c->n_values; i++)
        c->values[i].index = -1;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY:
    case COND_NOT:
        for (size_t i = 0; i < c->n_items; i++)
            resolve_cond(v, c->items[i], cx);
        return;
    case COND_IN:
        if ((qi = resolve_question_ref(v, c, cx)) >= 0)
            resolve_in(v, c, qi);
        return;
    case COND_INCLUDES:
        if ((qi = resolve_question_ref(v, c, cx)) < 0)
            return;
        if (q->questions[qi].type != QTYPE_MULTI)
            v_error(v, c->loc, "'includes' needs a multi question, but '%s' is a %s question",
                    c->ref, model_qtype_name(q->questions[qi].type));
        else if (resolve_values(v, c, &q->questions[qi]))
            c->ref_index = qi;
        return;
    case COND_COMPARE:
        if ((qi = resolve_question_ref(v, c, cx)) < 0)
            return;
        if (q->questions[qi].type != QTYPE_NUMBER)
            v_error(v, c->loc, "'%s' needs a number question, but '%s' is a %s question",
                    compare_words[c->op < CMP_COUNT ? c->op : CMP_EQUAL], c->ref,
                    model_qtype_name(q->questions[qi].type));
        else
            c->ref_index = qi;
        return;
    case COND_ANSWERED:
        if ((qi = resolve_question_ref(v, c, cx)) >= 0)
            c->ref_index = qi;
        return;
    case COND_ELIGIBILITY:
        if (cx->kind != CTX_RULE)
            v_error(v, c->loc,
                    "%s cannot test the eligibility: it is known only once every finding is; "
                    "only roles and recommendations can",
                    ctx_describe(cx, where, sizeof where));
        return;
    case COND_FINDING:
        if (cx->kind != CTX_FINDING && cx->kind != CTX_RULE) {
            v_error(v, c->loc,
                    "%s cannot test a finding: findings are known only at the end; test the "
                    "answers instead",
                    ctx_describe(cx, where, sizeof where));
            return;
        }
        c->ref_index = idtab_get(&v->findings, c->ref);
        if (c->ref_index < 0) {
            const char *best = v_suggest(v, c->ref, v_finding_name, q, q->n_findings);
            v_error(v, c->ref_loc, "no finding '%s'%s", v_shown(v, c->ref),
                    v_did_you_mean(best, hint, sizeof hint));
        }
        return;
    default:
        xdie("condition of unknown kind %d", (int)c->kind);
    }
}

static void resolve_raises(struct validator *v, struct question *qn)
{
    char hint[128];
    for (size_t i = 0; i < qn->n_raises; i++) {
        struct raise *r = &qn->raises[i];
        r->value_index = -1;
        r->finding_index = -1;
        if (qn->type == QTYPE_NUMBER || qn->type == QTYPE_TEXT) {
            v_error(v, r->loc,
                    "'raises' needs options, but '%s' is a %s question: raise the finding with "
                    "a 'when' on the finding instead",
                    qn->id, model_qtype_name(qn->type));
            continue;
        }
        r->value_index = model_find_option(qn, r->value);
        if (r->value_index < 0) {
            const char *best = v_suggest(v, r->value, v_option_name, qn, model_option_count(qn));
            v_error(v, r->loc, "question '%s' has no option '%s'%s", qn->id, v_shown(v, r->value),
                    v_did_you_mean(best, hint, sizeof hint));
        }
        r->finding_index = idtab_get(&v->findings, r->finding);
        if (r->finding_index < 0) {
            const char *best = v_suggest(v, r->finding, v_finding_name, v->q, v->q->n_findings);
            v_error(v, r->finding_loc, "no finding '%s'%s", v_shown(v, r->finding),
                    v_did_you_mean(best, hint, sizeof hint));
        }
    }
}

/* `default:` option values into default_mask: one value for yesno and choice, a set for
 * multi in which an exclusive option stands alone. */
static void resolve_default(struct validator *v, struct question *qn)
{
    char hint[128];
    qn->default_mask = 0;
    if (qn->n_defaults == 0)
        return;
    if (qn->type != QTYPE_MULTI && qn->n_defaults > 1) {
        v_error(v, qn->default_loc, "a %s question's default is one value, not a list",
                model_qtype_name(qn->type));
        return;
    }
    uint64_t mask = 0;
    bool exclusive = false;
    for (size_t i = 0; i < qn->n_defaults; i++) {
        const struct value_ref *d = &qn->defaults[i];
        int o = model_find_option(qn, d->value);
        if (o < 0 || o >= MODEL_MAX_OPTIONS) {
            const char *best = v_suggest(v, d->value, v_option_name, qn, model_option_count(qn));
            v_error(v, d->loc, "question '%s' has no option '%s'%s", qn->id, v_shown(v, d->value),
                    v_did_you_mean(best, hint, sizeof hint));
            return;
        }
        if (qn->type == QTYPE_MULTI && qn->options[o].exclusive)
            exclusive = true;
        mask |= UINT64_C(1) << o;
    }
    if (exclusive && mask & (mask - 1)) {
        v_error(v, qn->default_loc,
                "the default of '%s' combines an option that stands alone (exclusive) with "
                "others",
                qn->id);
        return;
    }
    qn->default_mask = mask;
}

void v_resolve_all(struct validator *v)
{
    struct questionnaire *q = v->q;
    for (size_t s = 0; s < q->n_sections; s++) {
        const struct section *sec = &q->sections[s];
        struct ctx cx = {CTX_SECTION, sec->first_question, sec->id, NULL};
        resolve_cond(v, sec->when, &cx);
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        struct question *qn = &q->questions[i];
        struct ctx cx = {CTX_QUESTION, i, qn->id, NULL};
        resolve_cond(v, qn->when, &cx);
        v_check_options(v, qn);
        for (size_t o = 0; o < qn->n_options; o++) {
            struct ctx ox = {CTX_OPTION, i, qn->id, qn->options[o].value};
            resolve_cond(v, qn->options[o].when, &ox);
        }
        resolve_raises(v, qn);
        resolve_default(v, qn);
    }
    for (size_t f = 0; f < q->n_findings; f++) {
        struct ctx cx = {CTX_FINDING, 0, q->findings[f].id, NULL};
        resolve_cond(v, q->findings[f].when, &cx);
    }
    for (size_t r = 0; r < q->n_role_rules; r++) {
        struct ctx cx = {CTX_RULE, 0, "a role rule", NULL};
        resolve_cond(v, q->role_rules[r].when, &cx);
    }
    for (size_t r = 0; r < q->n_recommendations; r++) {
        struct ctx cx = {CTX_RULE, 0, "a recommendation", NULL};
        resolve_cond(v, q->recommendations[r].when, &cx);
    }
}
