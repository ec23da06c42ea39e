/* model.c - freeing the questionnaire model, lookups, and the product's stable vocabulary.
 * Words here are a contract (product.md section 4): reports and answers files use them. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

static const char *const severity_names[SEV_COUNT] = {
    [SEV_ABSOLUTE] = "absolute",
    [SEV_TEMPORARY] = "temporary",
    [SEV_PRECAUTION] = "precaution",
    [SEV_INFO] = "info",
};

static const char *const eligibility_names[ELIG_COUNT] = {
    [ELIG_NOT_ELIGIBLE] = "not_eligible",
    [ELIG_DEFERRED] = "deferred",
    [ELIG_REFER_FOR_DIAGNOSIS] = "refer_for_diagnosis",
    [ELIG_ELIGIBLE_WITH_PRECAUTIONS] = "eligible_with_precautions",
    [ELIG_ELIGIBLE] = "eligible",
};

static const char *const role_names[ROLE_COUNT] = {
    [ROLE_SINGLE] = "single",
    [ROLE_ADJUVANT] = "adjuvant",
    [ROLE_UNDETERMINED] = "undetermined",
    [ROLE_NONE] = "none",
};

static const char *const qtype_names[QTYPE_COUNT] = {
    [QTYPE_YESNO] = "yesno",   [QTYPE_CHOICE] = "choice", [QTYPE_MULTI] = "multi",
    [QTYPE_NUMBER] = "number", [QTYPE_TEXT] = "text",
};

static const char *const recommendation_kind_names[REC_KIND_COUNT] = {
    [REC_NEXT_STEP] = "next_step",
    [REC_COURSE] = "course",
    [REC_FOLLOW_UP] = "follow_up",
    [REC_AFTERCARE] = "aftercare",
};

static const enum eligibility severity_verdicts[SEV_COUNT] = {
    [SEV_ABSOLUTE] = ELIG_NOT_ELIGIBLE,
    [SEV_TEMPORARY] = ELIG_DEFERRED,
    [SEV_PRECAUTION] = ELIG_ELIGIBLE_WITH_PRECAUTIONS,
    [SEV_INFO] = ELIG_ELIGIBLE,
};

static const char *const yesno_values[YESNO_COUNT] = {"yes", "no", "unknown"};

static int lookup(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *model_severity_name(enum severity s)
{
    return severity_names[s];
}
const char *model_eligibility_name(enum eligibility e)
{
    return eligibility_names[e];
}
const char *model_role_name(enum role r)
{
    return role_names[r];
}
const char *model_qtype_name(enum question_type t)
{
    return qtype_names[t];
}
const char *model_recommendation_kind_name(enum recommendation_kind k)
{
    return recommendation_kind_names[k];
}
int model_severity_parse(const char *s)
{
    return lookup(severity_names, SEV_COUNT, s);
}
int model_eligibility_parse(const char *s)
{
    return lookup(eligibility_names, ELIG_COUNT, s);
}
int model_role_parse(const char *s)
{
    return lookup(role_names, ROLE_COUNT, s);
}
int model_qtype_parse(const char *s)
{
    return lookup(qtype_names, QTYPE_COUNT, s);
}
int model_recommendation_kind_parse(const char *s)
{
    return lookup(recommendation_kind_names, REC_KIND_COUNT, s);
}

enum eligibility model_severity_verdict(enum severity s)
{
    return severity_verdicts[s];
}

const char *model_text(const struct text *t, size_t lang)
{
    if (!t->by_lang)
        return "";
    if (t->by_lang[lang])
        return t->by_lang[lang];
    return t->by_lang[0] ? t->by_lang[0] : "";
}

const char *model_label(const struct questionnaire *q, const char *key, size_t lang,
                        const char *fallback)
{
    for (size_t i = 0; i < q->n_labels; i++)
        if (strcmp(q->labels[i].key, key) == 0)
            return model_text(&q->labels[i].text, lang);
    return fallback;
}

int model_find_question(const struct questionnaire *q, const char *id)
{
    for (size_t i = 0; i < q->n_questions; i++)
        if (strcmp(q->questions[i].id, id) == 0)
            return (int)i;
    return -1;
}

size_t model_option_count(const struct question *qn)
{
    switch (qn->type) {
    case QTYPE_YESNO:
        return YESNO_COUNT;
    case QTYPE_CHOICE:
    case QTYPE_MULTI:
        return qn->n_options;
    default:
        return 0;
    }
}

const char *model_option_value(const struct question *qn, size_t i)
{
    if (qn->type == QTYPE_YESNO)
        return yesno_values[i];
    return qn->options[i].value;
}

int model_find_option(const struct question *qn, const char *value)
{
    size_t n = model_option_count(qn);
    for (size_t i = 0; i < n; i++)
        if (strcmp(model_option_value(qn, i), value) == 0)
            return (int)i;
    return -1;
}

/* ---- freeing ---- */

/* A text of a questionnaire of n_languages languages. */
static void text_free(struct text *t, size_t n_languages)
{
    if (!t->by_lang)
        return;
    for (size_t i = 0; i < n_languages; i++)
        free(t->by_lang[i]);
    free(t->by_lang);
}

void model_cond_free(struct cond *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_items; i++)
        model_cond_free(c->items[i]);
    free(c->items);
    free(c->ref);
    for (size_t i = 0; i < c->n_values; i++)
        free(c->values[i].value);
    free(c->values);
    free(c);
}

void model_drop_source(struct questionnaire *q)
{
    if (!q || q->compiled)
        return;
    free(q->source);
    q->source = NULL;
    q->source_len = 0;
}

void model_free(struct questionnaire *q)
{
    if (!q || q->compiled)
        return;
    if (q->arena) {
        arena_free(q->arena);
        free(q->source);
        free(q);
        return;
    }
    size_t n = q->n_languages;
    for (size_t i = 0; i < q->n_sections; i++) {
        struct section *s = &q->sections[i];
        free(s->id);
        text_free(&s->title, n);
        model_cond_free(s->when);
    }
    free(q->sections);
    for (size_t i = 0; i < q->n_questions; i++) {
        struct question *qn = &q->questions[i];
        free(qn->id);
        text_free(&qn->text, n);
        text_free(&qn->help, n);
        text_free(&qn->unit, n);
        model_cond_free(qn->when);
        for (size_t j = 0; j < qn->n_options; j++) {
            free(qn->options[j].value);
            free(qn->options[j].key);
            text_free(&qn->options[j].text, n);
            text_free(&qn->options[j].help, n);
            model_cond_free(qn->options[j].when);
        }
        free(qn->options);
        for (size_t j = 0; j < qn->n_raises; j++) {
            free(qn->raises[j].value);
            free(qn->raises[j].finding);
        }
        free(qn->raises);
        for (size_t j = 0; j < qn->n_defaults; j++)
            free(qn->defaults[j].value);
        free(qn->defaults);
    }
    free(q->questions);
    for (size_t i = 0; i < q->n_findings; i++) {
        free(q->findings[i].id);
        text_free(&q->findings[i].text, n);
        model_cond_free(q->findings[i].when);
    }
    free(q->findings);
    for (size_t i = 0; i < q->n_role_rules; i++)
        model_cond_free(q->role_rules[i].when);
    free(q->role_rules);
    for (size_t i = 0; i < q->n_recommendations; i++) {
        free(q->recommendations[i].id);
        text_free(&q->recommendations[i].text, n);
        model_cond_free(q->recommendations[i].when);
    }
    free(q->recommendations);
    for (size_t i = 0; i < q->n_labels; i++) {
        free(q->labels[i].key);
        text_free(&q->labels[i].text, n);
    }
    free(q->labels);
    text_free(&q->title, n);
    text_free(&q->disclaimer, n);
    for (size_t i = 0; i < q->n_languages; i++)
        free(q->languages[i]);
    free(q->id);
    free(q->version);
    free(q->url);
    free(q->file);
    free(q->source);
    free(q);
}
