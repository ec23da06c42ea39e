/* validator.c - resolves a questionnaire's names into indexes and checks it as a whole.
 * Every problem becomes a FILE:LINE:COL diagnostic; all of them are collected. */
#include "validator.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idtab.h"
#include "paths.h"
#include "suggest.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- the validator's state ---- */

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

#define SHOWN_MAX 64 /* characters of a name as written that a message shows */

struct validator {
    struct questionnaire *q;
    struct diags *d;
    struct idtab questions, findings;
    size_t suggestions_left; /* nearest-id searches cost O(ids): bounded on hostile input */
    char shown[2][UTF8_ESCAPED_SIZE(SHOWN_MAX)]; /* names as written, made safe for messages */
    int next_shown;
};

#define MAX_SUGGESTIONS       200
#define MAX_EXAMPLES          3  /* answer patterns shown for a path without a role */
#define MAX_EXAMPLED_OUTCOMES 20 /* outcomes (no role, dead end) given examples */

static void v_error(struct validator *v, struct src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void v_warning(struct validator *v, struct src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void v_report(struct validator *v, enum diag_level level, struct src_loc loc,
                     const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static void v_report(struct validator *v, enum diag_level level, struct src_loc loc,
                     const char *fmt, va_list ap)
{
    diags_vadd(v->d, level, v->q->file, loc.line, loc.col, fmt, ap);
}

static void v_error(struct validator *v, struct src_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    v_report(v, DIAG_ERROR, loc, fmt, ap);
    va_end(ap);
}

static void v_warning(struct validator *v, struct src_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    v_report(v, DIAG_WARNING, loc, fmt, ap);
    va_end(ap);
}

/* A name as written in the file (a reference that resolved to nothing, so not checked as an
 * id), safe to print (utf8_escape_buf): at most SHOWN_MAX characters. Valid until the second
 * call after this one. */
static const char *shown(struct validator *v, const char *s)
{
    char *out = v->shown[v->next_shown];
    v->next_shown = !v->next_shown;
    return utf8_escape_buf(out, sizeof v->shown[0], s, strlen(s));
}

/* ---- suggestions: the nearest id by edit distance ---- */

/* The candidate nearest to `wrong`, if near enough to be a typo; NULL otherwise. */
static const char *suggest(struct validator *v, const char *wrong,
                           const char *(*name)(const void *set, size_t i), const void *set,
                           size_t n)
{
    if (v->suggestions_left == 0)
        return NULL;
    v->suggestions_left--;
    return suggest_nearest(wrong, strlen(wrong), SUGGEST_BY_WORD, name, set, n);
}

static const char *question_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->questions[i].id;
}

static const char *finding_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->findings[i].id;
}

static const char *option_name(const void *set, size_t i)
{
    return model_option_value(set, i);
}

/* "; did you mean 'x'?" or "" (into buf). */
static const char *did_you_mean(const char *best, char *buf, size_t size)
{
    if (!best)
        return "";
    snprintf(buf, size, "; did you mean '%s'?", best);
    return buf;
}

/* ---- duplicates ---- */

static void check_duplicate_ids(struct validator *v)
{
    struct questionnaire *q = v->q;
    idtab_init(&v->questions, q->n_questions);
    for (size_t i = 0; i < q->n_questions; i++) {
        int first = idtab_put(&v->questions, q->questions[i].id, (int)i);
        if (first >= 0) {
            struct src_loc at = q->questions[first].loc;
            v_error(v, q->questions[i].loc, "duplicate question id '%s' (first at %u:%u)",
                    q->questions[i].id, at.line, at.col);
        }
    }
    idtab_init(&v->findings, q->n_findings);
    for (size_t i = 0; i < q->n_findings; i++) {
        int first = idtab_put(&v->findings, q->findings[i].id, (int)i);
        if (first >= 0) {
            struct src_loc at = q->findings[first].loc;
            v_error(v, q->findings[i].loc, "duplicate finding id '%s' (first at %u:%u)",
                    q->findings[i].id, at.line, at.col);
        }
    }

    struct idtab t;
    idtab_init(&t, q->n_sections);
    for (size_t i = 0; i < q->n_sections; i++) {
        int first = idtab_put(&t, q->sections[i].id, (int)i);
        if (first >= 0) {
            struct src_loc at = q->sections[first].loc;
            v_error(v, q->sections[i].loc, "duplicate section id '%s' (first at %u:%u)",
                    q->sections[i].id, at.line, at.col);
        }
    }
    idtab_free(&t);
    idtab_init(&t, q->n_recommendations);
    for (size_t i = 0; i < q->n_recommendations; i++) {
        int first = idtab_put(&t, q->recommendations[i].id, (int)i);
        if (first >= 0) {
            struct src_loc at = q->recommendations[first].loc;
            v_error(v, q->recommendations[i].loc,
                    "duplicate recommendation id '%s' (first at %u:%u)", q->recommendations[i].id,
                    at.line, at.col);
        }
    }
    idtab_free(&t);
}

/* Option values: duplicates, and `exclusive` where it means nothing. */
static void check_options(struct validator *v, const struct question *qn)
{
    for (size_t i = 0; i < qn->n_options; i++) {
        const struct qoption *o = &qn->options[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(qn->options[j].value, o->value) == 0) {
                v_error(v, o->loc, "duplicate option value '%s' in question '%s' (first at %u:%u)",
                        o->value, qn->id, qn->options[j].loc.line, qn->options[j].loc.col);
                break;
            }
        if (o->exclusive && qn->type != QTYPE_MULTI)
            v_warning(v, o->loc,
                      "option '%s' of question '%s' is marked exclusive, which only means "
                      "something in a multi question",
                      o->value, qn->id);
    }
}

/* ---- resolving conditions ---- */

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
        const char *best = suggest(v, c->ref, question_name, q, q->n_questions);
        v_error(v, c->ref_loc, "no question '%s'%s", shown(v, c->ref),
                did_you_mean(best, hint, sizeof hint));
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
        int oi = model_find_option(qn, c->values[i]);
        c->value_index[i] = oi;
        if (oi < 0) {
            const char *best = suggest(v, c->values[i], option_name, qn, model_option_count(qn));
            v_error(v, c->value_locs ? c->value_locs[i] : c->loc,
                    "question '%s' has no option '%s'%s", qn->id, shown(v, c->values[i]),
                    did_you_mean(best, hint, sizeof hint));
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
        if (!parse_whole(c->values[0], &n)) {
            v_error(v, c->value_locs ? c->value_locs[0] : c->loc,
                    "'%s' is not a whole number, and question '%s' is a number question",
                    shown(v, c->values[0]), qn->id);
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
            const char *best = suggest(v, c->ref, finding_name, q, q->n_findings);
            v_error(v, c->ref_loc, "no finding '%s'%s", shown(v, c->ref),
                    did_you_mean(best, hint, sizeof hint));
        }
        return;
    default:
        xdie("condition of unknown kind %d", (int)c->kind);
    }
}

/* The model must come with value_index arrays; make sure, and reset them to unresolved. */
static void prepare_cond(struct cond *c)
{
    if (!c)
        return;
    c->ref_index = -1;
    if (c->n_values > 0 && !c->value_index)
        xdie("condition without value_index (loader bug)");
    for (size_t i = 0; i < c->n_values; i++)
        c->value_index[i] = -1;
    for (size_t i = 0; i < c->n_items; i++)
        prepare_cond(c->items[i]);
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
            const char *best = suggest(v, r->value, option_name, qn, model_option_count(qn));
            v_error(v, r->loc, "question '%s' has no option '%s'%s", qn->id, shown(v, r->value),
                    did_you_mean(best, hint, sizeof hint));
        }
        r->finding_index = idtab_get(&v->findings, r->finding);
        if (r->finding_index < 0) {
            const char *best = suggest(v, r->finding, finding_name, v->q, v->q->n_findings);
            v_error(v, r->finding_loc, "no finding '%s'%s", shown(v, r->finding),
                    did_you_mean(best, hint, sizeof hint));
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
        int o = model_find_option(qn, qn->default_values[i]);
        if (o < 0 || o >= MODEL_MAX_OPTIONS) {
            const char *best =
                suggest(v, qn->default_values[i], option_name, qn, model_option_count(qn));
            v_error(v, qn->default_locs[i], "question '%s' has no option '%s'%s", qn->id,
                    shown(v, qn->default_values[i]), did_you_mean(best, hint, sizeof hint));
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

static void resolve_all(struct validator *v)
{
    struct questionnaire *q = v->q;
    for (size_t s = 0; s < q->n_sections; s++)
        prepare_cond(q->sections[s].when);
    for (size_t i = 0; i < q->n_questions; i++) {
        prepare_cond(q->questions[i].when);
        for (size_t o = 0; o < q->questions[i].n_options; o++)
            prepare_cond(q->questions[i].options[o].when);
    }
    for (size_t f = 0; f < q->n_findings; f++)
        prepare_cond(q->findings[f].when);
    for (size_t r = 0; r < q->n_role_rules; r++)
        prepare_cond(q->role_rules[r].when);
    for (size_t r = 0; r < q->n_recommendations; r++)
        prepare_cond(q->recommendations[r].when);

    for (size_t s = 0; s < q->n_sections; s++) {
        const struct section *sec = &q->sections[s];
        struct ctx cx = {CTX_SECTION, sec->first_question, sec->id, NULL};
        resolve_cond(v, sec->when, &cx);
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        struct question *qn = &q->questions[i];
        struct ctx cx = {CTX_QUESTION, i, qn->id, NULL};
        resolve_cond(v, qn->when, &cx);
        check_options(v, qn);
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
static bool check_finding_cycles(struct validator *v)
{
    const struct questionnaire *q = v->q;
    size_t n = q->n_findings;
    if (n == 0)
        return true;
    size_t *first = xcalloc(n + 1, sizeof *first);
    int *edges = NULL;
    size_t n_edges = 0, cap = 0;
    for (size_t f = 0; f < n; f++) {
        first[f] = n_edges;
        collect_findings(q->findings[f].when, &edges, &n_edges, &cap);
    }
    first[n] = n_edges;

    enum { WHITE, GREY, BLACK };
    unsigned char *colour = xcalloc(n, 1);
    size_t *stack = xcalloc(n, sizeof *stack); /* the grey path */
    size_t *next = xcalloc(n, sizeof *next);   /* next edge to follow, per finding */
    bool ok = true;
    for (size_t root = 0; root < n; root++) {
        if (colour[root] != WHITE)
            continue;
        size_t depth = 0;
        stack[depth++] = root;
        colour[root] = GREY;
        next[root] = first[root];
        while (depth > 0) {
            size_t f = stack[depth - 1];
            if (next[f] == first[f + 1]) {
                colour[f] = BLACK;
                depth--;
                continue;
            }
            size_t g = (size_t)edges[next[f]++];
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

/* ---- warnings: unused findings, translations, unreachable role rows ---- */

static void mark_raised_by_questions(const struct questionnaire *q, bool *named)
{
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++)
            if (q->questions[i].raises[r].finding_index >= 0)
                named[q->questions[i].raises[r].finding_index] = true;
}

static void check_unused_findings(struct validator *v)
{
    const struct questionnaire *q = v->q;
    bool *named = xcalloc(q->n_findings + 1, sizeof *named);
    mark_raised_by_questions(q, named);
    for (size_t f = 0; f < q->n_findings; f++)
        if (!q->findings[f].when && !named[f])
            v_warning(v, q->findings[f].loc,
                      "finding '%s' is never raised: it has no 'when' and no question raises it",
                      q->findings[f].id);
    free(named);
}

static void check_text(struct validator *v, const struct text *t, const char *what, const char *id)
{
    if (!t->by_lang)
        return;
    for (size_t l = 1; l < v->q->n_languages; l++)
        if (!t->by_lang[l])
            v_warning(v, t->loc, "missing '%s' translation of the %s%s%s%s", v->q->languages[l],
                      what, id ? " '" : "", id ? id : "", id ? "'" : "");
}

static void check_translations(struct validator *v)
{
    const struct questionnaire *q = v->q;
    if (q->n_languages < 2)
        return;
    check_text(v, &q->title, "title", NULL);
    check_text(v, &q->disclaimer, "disclaimer", NULL);
    for (size_t i = 0; i < q->n_labels; i++)
        check_text(v, &q->labels[i].text, "label", q->labels[i].key);
    for (size_t s = 0; s < q->n_sections; s++)
        check_text(v, &q->sections[s].title, "title of section", q->sections[s].id);
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct question *qn = &q->questions[i];
        check_text(v, &qn->text, "text of question", qn->id);
        check_text(v, &qn->help, "help of question", qn->id);
        check_text(v, &qn->unit, "unit of question", qn->id);
        for (size_t o = 0; o < qn->n_options; o++) {
            check_text(v, &qn->options[o].text, "text of option", qn->options[o].value);
            check_text(v, &qn->options[o].help, "help of option", qn->options[o].value);
        }
    }
    for (size_t f = 0; f < q->n_findings; f++)
        check_text(v, &q->findings[f].text, "text of finding", q->findings[f].id);
    for (size_t r = 0; r < q->n_recommendations; r++)
        check_text(v, &q->recommendations[r].text, "text of recommendation",
                   q->recommendations[r].id);
}

/* `url` must be an absolute URI that can stand as a FHIR canonical: a scheme, then no
 * spaces, '|' (it separates the version) or '#' (a fragment), at most 1024 bytes. */
static void check_url(struct validator *v)
{
    const char *u = v->q->url;
    if (!u)
        return;
    size_t scheme = 0;
    if ((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z'))
        scheme =
            1 + strspn(u + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    size_t n = strlen(u);
    bool ok = scheme > 0 && u[scheme] == ':' && u[scheme + 1] != '\0' && n <= 1024;
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)u[i] > 0x20 && u[i] != 0x7f && u[i] != '|' && u[i] != '#';
    if (!ok)
        v_error(v, v->q->url_loc,
                "url '%s' is not an absolute URL such as https://clinic.example/fhir/Questionnaire/"
                "hair (a scheme and no spaces, '|' or '#', at most 1024 bytes)",
                shown(v, u));
}

static void check_role_order(struct validator *v)
{
    const struct questionnaire *q = v->q;
    for (size_t i = 0; i + 1 < q->n_role_rules; i++) {
        if (q->role_rules[i].when)
            continue;
        struct src_loc at = q->role_rules[i].loc;
        for (size_t j = i + 1; j < q->n_role_rules; j++)
            v_warning(v, q->role_rules[j].loc,
                      "role row '%s' is never used: the row at %u:%u above it has no 'when' and "
                      "always matches",
                      model_role_name(q->role_rules[j].role), at.line, at.col);
        return;
    }
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
 * questionnaire needs about 45 a question (a generated one of 100,000 questions, 4.45
 * million), so that a valid file of any size is proven, in time linear in its questions. */
#define STATES_PER_QUESTION 64

size_t validator_paths_budget(const struct questionnaire *q)
{
    if (q->n_questions > PATHS_DEFAULT_BUDGET / STATES_PER_QUESTION)
        return q->n_questions * STATES_PER_QUESTION;
    return PATHS_DEFAULT_BUDGET;
}

static void check_paths(struct validator *v)
{
    const struct questionnaire *q = v->q;
    size_t budget = validator_paths_budget(q);
    /* Merged verdicts first: exact for everything checked here but the eligibility a path
     * without a role ends with, which only an error message needs. */
    struct paths *p = paths_check(q, budget);
    struct src_loc top = {1, 1};
    if (!paths_complete(p)) {
        v_warning(v, top, "%s", paths_stop_reason(p));
    } else {
        for (size_t i = 0; i < q->n_questions; i++)
            if (!paths_question_reached(p, i))
                v_error(v, q->questions[i].loc,
                        "question '%s' is never asked: no answers to the questions before it "
                        "make its conditions hold",
                        q->questions[i].id);
    }
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

bool validator_check(struct questionnaire *q, struct diags *d)
{
    struct validator v = {.q = q, .d = d, .suggestions_left = MAX_SUGGESTIONS};
    size_t errors_before = d->n_errors;
    q->resolved = false;

    check_duplicate_ids(&v);
    resolve_all(&v);
    bool acyclic = check_finding_cycles(&v);
    check_unused_findings(&v);
    check_translations(&v);
    check_role_order(&v);
    check_url(&v);
    /* The path analysis needs every name resolved and the findings in an order. */
    if (acyclic && d->n_errors == errors_before)
        check_paths(&v);

    idtab_free(&v.questions);
    idtab_free(&v.findings);
    q->resolved = d->n_errors == errors_before;
    return q->resolved;
}
