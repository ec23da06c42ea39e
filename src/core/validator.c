/* validator.c - resolves a questionnaire's names into indexes and checks it as a whole.
 * Every problem becomes a FILE:LINE:COL diagnostic; all of them are collected. This file holds
 * the validator's diagnostics, the checks of ids and options, the warnings and the order of the
 * stages; names are resolved in validator_resolve.c, the findings' graph and the paths are
 * checked in validator_paths.c. */
#include "validator.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "validator_int.h"
#include "xalloc.h"

/* ---- the validator's state ---- */

#define MAX_SUGGESTIONS 200

static void v_report(struct validator *v, enum diag_level level, struct src_loc loc,
                     const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static void v_report(struct validator *v, enum diag_level level, struct src_loc loc,
                     const char *fmt, va_list ap)
{
    diags_vadd(v->d, level, v->q->file, loc.line, loc.col, fmt, ap);
}

void v_error(struct validator *v, struct src_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    v_report(v, DIAG_ERROR, loc, fmt, ap);
    va_end(ap);
}

void v_warning(struct validator *v, struct src_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    v_report(v, DIAG_WARNING, loc, fmt, ap);
    va_end(ap);
}

/* A name as written in the file (a reference that resolved to nothing, so not checked as an
 * id), safe to print (utf8_escape_buf): at most SHOWN_MAX characters. Valid until the second
 * call after this one. */
const char *v_shown(struct validator *v, const char *s)
{
    char *out = v->shown[v->next_shown];
    v->next_shown = !v->next_shown;
    return utf8_escape_buf(out, sizeof v->shown[0], s, strlen(s));
}

/* ---- suggestions: the nearest id by edit distance ---- */

/* The candidate nearest to `wrong`, if near enough to be a typo; NULL otherwise. */
const char *v_suggest(struct validator *v, const char *wrong,
                      const char *(*name)(const void *set, size_t i), const void *set, size_t n)
{
    if (v->suggestions_left == 0)
        return NULL;
    v->suggestions_left--;
    return suggest_nearest(wrong, strlen(wrong), SUGGEST_BY_WORD, name, set, n);
}

const char *v_question_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->questions[i].id;
}

const char *v_finding_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->findings[i].id;
}

const char *v_option_name(const void *set, size_t i)
{
    return model_option_value(set, i);
}

/* "; did you mean 'x'?" or "" (into buf). */
const char *v_did_you_mean(const char *best, char *buf, size_t size)
{
    if (!best)
        return "";
    snprintf(buf, size, "; did you mean '%s'?", best);
    return buf;
}

/* ---- duplicates ---- */

static const char *section_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->sections[i].id;
}

static const char *recommendation_name(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->recommendations[i].id;
}

static void check_duplicate_ids(struct validator *v)
{
    struct questionnaire *q = v->q;
    idtab_init(&v->questions, q->n_questions, v_question_name, q);
    for (size_t i = 0; i < q->n_questions; i++) {
        int first = idtab_put(&v->questions, i);
        if (first >= 0) {
            struct src_loc at = q->questions[first].loc;
            v_error(v, q->questions[i].loc, "duplicate question id '%s' (first at %u:%u)",
                    q->questions[i].id, at.line, at.col);
        }
    }
    idtab_init(&v->findings, q->n_findings, v_finding_name, q);
    for (size_t i = 0; i < q->n_findings; i++) {
        int first = idtab_put(&v->findings, i);
        if (first >= 0) {
            struct src_loc at = q->findings[first].loc;
            v_error(v, q->findings[i].loc, "duplicate finding id '%s' (first at %u:%u)",
                    q->findings[i].id, at.line, at.col);
        }
    }

    struct idtab t;
    idtab_init(&t, q->n_sections, section_name, q);
    for (size_t i = 0; i < q->n_sections; i++) {
        int first = idtab_put(&t, i);
        if (first >= 0) {
            struct src_loc at = q->sections[first].loc;
            v_error(v, q->sections[i].loc, "duplicate section id '%s' (first at %u:%u)",
                    q->sections[i].id, at.line, at.col);
        }
    }
    idtab_free(&t);
    idtab_init(&t, q->n_recommendations, recommendation_name, q);
    for (size_t i = 0; i < q->n_recommendations; i++) {
        int first = idtab_put(&t, i);
        if (first >= 0) {
            struct src_loc at = q->recommendations[first].loc;
            v_error(v, q->recommendations[i].loc,
                    "duplicate recommendation id '%s' (first at %u:%u)", q->recommendations[i].id,
                    at.line, at.col);
        }
    }
    idtab_free(&t);
}

/* An option's `key`: one digit or lower-case letter, not q (quit on every screen). */
static bool option_key_ok(const char *k)
{
    return k[0] && !k[1] && ((k[0] >= '0' && k[0] <= '9') || (k[0] >= 'a' && k[0] <= 'z')) &&
           k[0] != 'q';
}

/* Option keys: all or none of a question's options have one, each a single allowed
 * character, and two options that can be offered together never share one (options with
 * `when`s of their own may, e.g. "1" for Norwood 1 and for Ludwig 1). */
static void check_option_keys(struct validator *v, const struct question *qn)
{
    size_t keyed = 0;
    for (size_t i = 0; i < qn->n_options; i++) {
        const struct qoption *o = &qn->options[i];
        if (!o->key)
            continue;
        keyed++;
        if (!option_key_ok(o->key)) {
            v_error(v, o->loc,
                    "option '%s' of question '%s' has the key '%s': a key is one digit or "
                    "lower-case letter other than q",
                    o->value, qn->id, o->key);
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (qn->options[j].key && strcmp(qn->options[j].key, o->key) == 0 &&
                (!o->when || !qn->options[j].when)) {
                v_error(v, o->loc,
                        "options '%s' and '%s' of question '%s' share the key '%s' and can be "
                        "offered together",
                        qn->options[j].value, o->value, qn->id, o->key);
                break;
            }
    }
    if (keyed && keyed < qn->n_options)
        v_error(v, qn->loc,
                "question '%s' gives a key to %zu of its %zu options: give one to every option, "
                "or to none",
                qn->id, keyed, (size_t)qn->n_options);
}

/* Option values: duplicates, and `exclusive` where it means nothing. */
void v_check_options(struct validator *v, const struct question *qn)
{
    check_option_keys(v, qn);
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
                v_shown(v, u));
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

bool validator_check(struct questionnaire *q, struct diags *d)
{
    struct validator v = {.q = q, .d = d, .suggestions_left = MAX_SUGGESTIONS};
    size_t errors_before = d->n_errors;
    q->resolved = false;

    check_duplicate_ids(&v);
    v_resolve_all(&v);
    bool acyclic = v_check_finding_cycles(&v);
    check_unused_findings(&v);
    check_translations(&v);
    check_role_order(&v);
    check_url(&v);
    /* The tables of ids go before the path analysis, the peak of the validator's memory. */
    idtab_free(&v.questions);
    idtab_free(&v.findings);
    /* The path analysis needs every name resolved and the findings in an order. */
    if (acyclic && d->n_errors == errors_before)
        v_check_paths(&v);

    q->resolved = d->n_errors == errors_before;
    return q->resolved;
}
