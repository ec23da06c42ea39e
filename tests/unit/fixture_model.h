/* fixture_model.h - a small questionnaire built in C, already resolved, for the walk, rules
 * and answers-file unit tests: they then depend on neither the loader nor the validator.
 *
 * It mirrors the shape of the built-in one:
 *   patient:  sex (female|male|other), age (0..120)
 *   safety:   pregnant (yes/no, not for male; yes|unknown -> pregnancy),
 *             scalp (multi: none*, infection, psoriasis; infection -> scalp_infection)
 *   hair:     diagnosis_done (yes/no; no|unknown -> no_diagnosis)
 *   dx (when diagnosis_done is yes):
 *             diagnosis (androgenetic|scarring|telogen_acute; scarring -> scarring),
 *             stage (when androgenetic; norwood_2, norwood_6 for male; ludwig_1, ludwig_3
 *             otherwise)
 *   closing:  notes (text, optional)
 * Findings in file order: risky (info, when finding minor and finding pregnancy: declared
 * first to test dependency order), pregnancy (temporary), scalp_infection (temporary),
 * no_diagnosis (precaution, verdict refer_for_diagnosis), scarring (absolute), minor
 * (precaution, age below 18), advanced (info, stage in norwood_6, ludwig_3).
 * Roles: none if not_eligible; undetermined if diagnosis_done in no, unknown; single if stage
 * in norwood_2, ludwig_1 or diagnosis telogen_acute; adjuvant otherwise.
 * Recommendations in file order: aftercare (aftercare, always), treat (next_step, eligible or
 * with precautions), acute_follow_up (follow_up, diagnosis telogen_acute). */
#ifndef FIXTURE_MODEL_H
#define FIXTURE_MODEL_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "xalloc.h"

enum {
    FX_SEX,
    FX_AGE,
    FX_PREGNANT,
    FX_SCALP,
    FX_DIAGNOSIS_DONE,
    FX_DIAGNOSIS,
    FX_STAGE,
    FX_NOTES,
    FX_N_QUESTIONS
};
enum {
    FX_RISKY,
    FX_PREGNANCY,
    FX_SCALP_INFECTION,
    FX_NO_DIAGNOSIS,
    FX_SCARRING,
    FX_MINOR,
    FX_ADVANCED
};
enum { FX_REC_AFTERCARE, FX_REC_TREAT, FX_REC_ACUTE };

/* A text of the fixture's one language. */
static inline struct text fx_text(const char *s)
{
    struct text t = {.by_lang = xcalloc(1, sizeof(char *))};
    t.by_lang[0] = xstrdup(s);
    return t;
}

static inline void fx_section(struct questionnaire *q, const char *id, struct cond *when)
{
    q->sections = xreallocarray(q->sections, q->n_sections + 1, sizeof *q->sections);
    q->sections[q->n_sections++] = (struct section){
        .id = xstrdup(id),
        .title = fx_text(id),
        .when = when,
        .first_question = q->n_questions,
    };
}

static inline size_t fx_question(struct questionnaire *q, const char *id, enum question_type type,
                                 struct cond *when)
{
    q->questions = xreallocarray(q->questions, q->n_questions + 1, sizeof *q->questions);
    q->questions[q->n_questions] = (struct question){
        .id = xstrdup(id),
        .type = type,
        .section = q->n_sections - 1,
        .text = fx_text(id),
        .required = type != QTYPE_TEXT,
        .when = when,
    };
    q->sections[q->n_sections - 1].n_questions++;
    return q->n_questions++;
}

static inline void fx_option(struct questionnaire *q, size_t qi, const char *value, bool exclusive,
                             struct cond *when)
{
    struct question *qn = &q->questions[qi];
    qn->options = xreallocarray(qn->options, qn->n_options + 1, sizeof *qn->options);
    qn->options[qn->n_options++] = (struct qoption){
        .value = xstrdup(value),
        .text = fx_text(value),
        .exclusive = exclusive,
        .when = when,
    };
}

static inline size_t fx_finding(struct questionnaire *q, const char *id, enum severity sev,
                                enum eligibility verdict, struct cond *when)
{
    q->findings = xreallocarray(q->findings, q->n_findings + 1, sizeof *q->findings);
    q->findings[q->n_findings] = (struct finding){
        .id = xstrdup(id),
        .severity = sev,
        .verdict = verdict,
        .text = fx_text(id),
        .when = when,
    };
    return q->n_findings++;
}

static inline void fx_raise(struct questionnaire *q, size_t qi, const char *value, size_t f)
{
    struct question *qn = &q->questions[qi];
    qn->raises = xreallocarray(qn->raises, qn->n_raises + 1, sizeof *qn->raises);
    qn->raises[qn->n_raises++] = (struct raise){
        .value = xstrdup(value),
        .value_index = model_find_option(qn, value),
        .finding = xstrdup(q->findings[f].id),
        .finding_index = (int)f,
    };
}

static inline struct cond *fx_cond(enum cond_kind kind)
{
    struct cond *c = xcalloc(1, sizeof *c);
    c->kind = kind;
    c->ref_index = -1;
    return c;
}

/* {question: Q, in: [values...]} (one value: `is`), resolved. NULL ends the values. */
static inline struct cond *fx_in(const struct questionnaire *q, size_t qi, ...)
{
    struct cond *c = fx_cond(COND_IN);
    c->ref = xstrdup(q->questions[qi].id);
    c->ref_index = (int)qi;
    va_list ap;
    va_start(ap, qi);
    for (const char *v; (v = va_arg(ap, const char *)) != NULL;) {
        c->values = xreallocarray(c->values, c->n_values + 1, sizeof *c->values);
        int index = model_find_option(&q->questions[qi], v);
        if (index < 0)
            xdie("fixture: no option %s", v);
        c->values[c->n_values++] = (struct cond_value){.value = xstrdup(v), .index = index};
    }
    va_end(ap);
    return c;
}

static inline struct cond *fx_below(const struct questionnaire *q, size_t qi, long long n)
{
    struct cond *c = fx_cond(COND_COMPARE);
    c->ref = xstrdup(q->questions[qi].id);
    c->ref_index = (int)qi;
    c->op = CMP_BELOW;
    c->number = n;
    return c;
}

static inline struct cond *fx_finding_ref(const struct questionnaire *q, size_t f)
{
    struct cond *c = fx_cond(COND_FINDING);
    c->ref = xstrdup(q->findings[f].id);
    c->ref_index = (int)f;
    return c;
}

static inline struct cond *fx_elig(unsigned mask)
{
    struct cond *c = fx_cond(COND_ELIGIBILITY);
    c->eligibilities = mask;
    return c;
}

static inline struct cond *fx_node(enum cond_kind kind, size_t n, ...)
{
    struct cond *c = fx_cond(kind);
    c->items = xcalloc(n, sizeof *c->items);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        c->items[c->n_items++] = va_arg(ap, struct cond *);
    va_end(ap);
    return c;
}

static inline void fx_role(struct questionnaire *q, enum role role, struct cond *when)
{
    q->role_rules = xreallocarray(q->role_rules, q->n_role_rules + 1, sizeof *q->role_rules);
    q->role_rules[q->n_role_rules++] = (struct role_rule){.role = role, .when = when};
}

static inline void fx_rec(struct questionnaire *q, const char *id, enum recommendation_kind kind,
                          struct cond *when)
{
    q->recommendations =
        xreallocarray(q->recommendations, q->n_recommendations + 1, sizeof *q->recommendations);
    q->recommendations[q->n_recommendations++] = (struct recommendation){
        .id = xstrdup(id),
        .kind = kind,
        .text = fx_text(id),
        .when = when,
    };
}

#define ELIG_BIT(e) (1u << (e))

/* The fixture questionnaire (see the top of this file); free with model_free. With
 * catch_all false the last role row (adjuvant, no when) is left out, so that some answers
 * end without a role. */
static inline struct questionnaire *fixture_model(bool catch_all)
{
    struct questionnaire *q = xcalloc(1, sizeof *q);
    q->file = xstrdup("fixture.yaml");
    q->source = xstrdup("");
    q->id = xstrdup("fixture");
    q->version = xstrdup("1");
    q->title = fx_text("Fixture");
    q->languages[0] = xstrdup("en");
    q->n_languages = 1;

    fx_section(q, "patient", NULL);
    size_t sex = fx_question(q, "sex", QTYPE_CHOICE, NULL);
    fx_option(q, sex, "female", false, NULL);
    fx_option(q, sex, "male", false, NULL);
    fx_option(q, sex, "other", false, NULL);
    size_t age = fx_question(q, "age", QTYPE_NUMBER, NULL);
    q->questions[age].min = 0;
    q->questions[age].max = 120;

    fx_section(q, "safety", NULL);
    size_t pregnant =
        fx_question(q, "pregnant", QTYPE_YESNO, fx_node(COND_NOT, 1, fx_in(q, sex, "male", NULL)));
    size_t scalp = fx_question(q, "scalp", QTYPE_MULTI, NULL);
    fx_option(q, scalp, "none", true, NULL);
    fx_option(q, scalp, "infection", false, NULL);
    fx_option(q, scalp, "psoriasis", false, NULL);

    fx_section(q, "hair", NULL);
    size_t done = fx_question(q, "diagnosis_done", QTYPE_YESNO, NULL);

    fx_section(q, "dx", fx_in(q, done, "yes", NULL));
    size_t dx = fx_question(q, "diagnosis", QTYPE_CHOICE, NULL);
    fx_option(q, dx, "androgenetic", false, NULL);
    fx_option(q, dx, "scarring", false, NULL);
    fx_option(q, dx, "telogen_acute", false, NULL);
    size_t stage = fx_question(q, "stage", QTYPE_CHOICE, fx_in(q, dx, "androgenetic", NULL));
    fx_option(q, stage, "norwood_2", false, fx_in(q, sex, "male", NULL));
    fx_option(q, stage, "norwood_6", false, fx_in(q, sex, "male", NULL));
    fx_option(q, stage, "ludwig_1", false, fx_node(COND_NOT, 1, fx_in(q, sex, "male", NULL)));
    fx_option(q, stage, "ludwig_3", false, fx_node(COND_NOT, 1, fx_in(q, sex, "male", NULL)));

    fx_section(q, "closing", NULL);
    fx_question(q, "notes", QTYPE_TEXT, NULL);

    /* risky refers to findings declared after it: rules must decide those first */
    size_t risky = fx_finding(q, "risky", SEV_INFO, ELIG_ELIGIBLE, NULL);
    size_t pregnancy = fx_finding(q, "pregnancy", SEV_TEMPORARY, ELIG_DEFERRED, NULL);
    size_t infection = fx_finding(q, "scalp_infection", SEV_TEMPORARY, ELIG_DEFERRED, NULL);
    size_t nodx = fx_finding(q, "no_diagnosis", SEV_PRECAUTION, ELIG_REFER_FOR_DIAGNOSIS, NULL);
    size_t scarring = fx_finding(q, "scarring", SEV_ABSOLUTE, ELIG_NOT_ELIGIBLE, NULL);
    size_t minor = fx_finding(q, "minor", SEV_PRECAUTION, ELIG_ELIGIBLE_WITH_PRECAUTIONS,
                              fx_below(q, age, 18));
    fx_finding(q, "advanced", SEV_INFO, ELIG_ELIGIBLE,
               fx_in(q, stage, "norwood_6", "ludwig_3", NULL));
    q->findings[risky].when =
        fx_node(COND_ALL, 2, fx_finding_ref(q, minor), fx_finding_ref(q, pregnancy));

    fx_raise(q, pregnant, "yes", pregnancy);
    fx_raise(q, pregnant, "unknown", pregnancy);
    fx_raise(q, scalp, "infection", infection);
    fx_raise(q, done, "no", nodx);
    fx_raise(q, done, "unknown", nodx);
    fx_raise(q, dx, "scarring", scarring);

    fx_role(q, ROLE_NONE, fx_elig(ELIG_BIT(ELIG_NOT_ELIGIBLE)));
    fx_role(q, ROLE_UNDETERMINED, fx_in(q, done, "no", "unknown", NULL));
    fx_role(q, ROLE_SINGLE,
            fx_node(COND_ANY, 2, fx_in(q, stage, "norwood_2", "ludwig_1", NULL),
                    fx_in(q, dx, "telogen_acute", NULL)));
    if (catch_all)
        fx_role(q, ROLE_ADJUVANT, NULL);

    fx_rec(q, "aftercare", REC_AFTERCARE, NULL);
    fx_rec(q, "treat", REC_NEXT_STEP,
           fx_elig(ELIG_BIT(ELIG_ELIGIBLE) | ELIG_BIT(ELIG_ELIGIBLE_WITH_PRECAUTIONS)));
    fx_rec(q, "acute_follow_up", REC_FOLLOW_UP, fx_in(q, dx, "telogen_acute", NULL));

    q->resolved = true;
    return q;
}

#endif
