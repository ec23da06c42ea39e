/* test_rules.c - findings (raises and `when`, in dependency order, with their because),
 * eligibility as the most severe verdict, the first matching role, recommendations and the
 * orders rules.h promises. Runs on the fixture model (fixture_model.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "answer.h"
#include "answers_file.h"
#include "builtin.h"
#include "fixture_model.h"
#include "loader.h"
#include "validator.h"
#include "rules.h"
#include "walk.h"

struct ctx {
    struct questionnaire *q;
    struct walk *w;
    struct outcome out;
};

static int setup(void **state)
{
    struct ctx *c = xcalloc(1, sizeof *c);
    c->q = fixture_model(true);
    c->w = walk_new(c->q);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    struct ctx *c = *state;
    outcome_free(&c->out);
    walk_free(c->w);
    model_free(c->q);
    free(c);
    return 0;
}

static void set(struct walk *w, size_t qi, const char *value)
{
    struct answer a;
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    char *msg = answer_parse(qn, value, &a);
    if (msg)
        fail_msg("%s: %s", qn->id, msg);
    assert_true(walk_set(w, qi, &a));
    answer_clear(&a);
}

static void set_multi(struct walk *w, size_t qi, const char *const *values, size_t n)
{
    struct answer a;
    char *msg = answer_parse_multi(&walk_questionnaire(w)->questions[qi], values, n, &a);
    if (msg)
        fail_msg("%s", msg);
    assert_true(walk_set(w, qi, &a));
}

/* A complete walk: sex, age, pregnant (unless male), scalp none, diagnosis. stage NULL when
 * the diagnosis takes none; diagnosis NULL for diagnosis_done no. */
static void answer_all(struct walk *w, const char *sex, const char *age, const char *pregnant,
                       const char *diagnosis, const char *stage)
{
    set(w, FX_SEX, sex);
    set(w, FX_AGE, age);
    if (pregnant)
        set(w, FX_PREGNANT, pregnant);
    set(w, FX_SCALP, "none");
    set(w, FX_DIAGNOSIS_DONE, diagnosis ? "yes" : "no");
    if (diagnosis)
        set(w, FX_DIAGNOSIS, diagnosis);
    if (stage)
        set(w, FX_STAGE, stage);
    walk_visit(w, FX_NOTES);
    assert_true(walk_complete(w));
}

static void assert_findings(const struct outcome *o, size_t n, const size_t *expected)
{
    assert_int_equal(o->n_findings, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(o->findings[i].finding, expected[i]);
}

static void assert_because(const struct raised_finding *rf, size_t n, const size_t *expected)
{
    assert_int_equal(rf->n_because, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(rf->because[i].question, expected[i]);
}

static void test_eligible_single(void **state)
{
    struct ctx *c = *state;
    answer_all(c->w, "male", "40", NULL, "androgenetic", "norwood_2");
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_ELIGIBLE);
    assert_true(c->out.has_role);
    assert_int_equal(c->out.role, ROLE_SINGLE);
    assert_int_equal(c->out.n_findings, 0);
    /* by kind (next_step before aftercare), not file order */
    assert_int_equal(c->out.n_recommendations, 2);
    assert_int_equal(c->out.recommendations[0], FX_REC_TREAT);
    assert_int_equal(c->out.recommendations[1], FX_REC_AFTERCARE);
}

static void test_info_changes_nothing(void **state)
{
    struct ctx *c = *state;
    answer_all(c->w, "male", "40", NULL, "androgenetic", "norwood_6");
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_ELIGIBLE);
    assert_int_equal(c->out.role, ROLE_ADJUVANT);
    assert_findings(&c->out, 1, (size_t[]){FX_ADVANCED});
    assert_because(&c->out.findings[0], 1, (size_t[]){FX_STAGE});
}

static void test_dependency_order_and_severity_order(void **state)
{
    struct ctx *c = *state;
    /* minor and pregnancy raise risky, which is declared before both */
    answer_all(c->w, "female", "17", "unknown", "androgenetic", "ludwig_1");
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_DEFERRED);
    /* deferred keeps the role of the rows below */
    assert_int_equal(c->out.role, ROLE_SINGLE);
    assert_findings(&c->out, 3, (size_t[]){FX_PREGNANCY, FX_MINOR, FX_RISKY});
    assert_because(&c->out.findings[0], 1, (size_t[]){FX_PREGNANT});
    assert_because(&c->out.findings[1], 1, (size_t[]){FX_AGE});
    /* through `finding:` leaves, in asking order */
    assert_because(&c->out.findings[2], 2, (size_t[]){FX_AGE, FX_PREGNANT});
    /* deferred: no "treat" step */
    assert_int_equal(c->out.n_recommendations, 1);
    assert_int_equal(c->out.recommendations[0], FX_REC_AFTERCARE);
}

static void test_absolute_wins(void **state)
{
    struct ctx *c = *state;
    set(c->w, FX_SEX, "female");
    set(c->w, FX_AGE, "16");
    set(c->w, FX_PREGNANT, "yes");
    static const char *const scalp[] = {"infection", "psoriasis"};
    set_multi(c->w, FX_SCALP, scalp, 2);
    set(c->w, FX_DIAGNOSIS_DONE, "yes");
    set(c->w, FX_DIAGNOSIS, "scarring");
    walk_visit(c->w, FX_NOTES);
    assert_true(walk_complete(c->w));
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_NOT_ELIGIBLE);
    assert_int_equal(c->out.role, ROLE_NONE);
    /* every finding listed, most severe first, then file order */
    assert_findings(&c->out, 5,
                    (size_t[]){FX_SCARRING, FX_PREGNANCY, FX_SCALP_INFECTION, FX_MINOR, FX_RISKY});
    assert_because(&c->out.findings[0], 1, (size_t[]){FX_DIAGNOSIS});
    assert_because(&c->out.findings[2], 1, (size_t[]){FX_SCALP});
    assert_int_equal(c->out.n_recommendations, 1);
}

static void test_refer_for_diagnosis(void **state)
{
    struct ctx *c = *state;
    answer_all(c->w, "other", "18", "no", NULL, NULL);
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_REFER_FOR_DIAGNOSIS);
    assert_int_equal(c->out.role, ROLE_UNDETERMINED);
    assert_findings(&c->out, 1, (size_t[]){FX_NO_DIAGNOSIS});
    assert_because(&c->out.findings[0], 1, (size_t[]){FX_DIAGNOSIS_DONE});
}

static void test_skipped_answers_do_not_count(void **state)
{
    struct ctx *c = *state;
    /* pregnant yes given while female, then the patient turns out male: not asked, no finding */
    set(c->w, FX_SEX, "female");
    set(c->w, FX_PREGNANT, "yes");
    set(c->w, FX_SEX, "male");
    set(c->w, FX_AGE, "30");
    set(c->w, FX_SCALP, "none");
    set(c->w, FX_DIAGNOSIS_DONE, "yes");
    set(c->w, FX_DIAGNOSIS, "telogen_acute");
    /* a stage answered before it was skipped raises nothing either */
    set(c->w, FX_STAGE, "norwood_6");
    walk_visit(c->w, FX_NOTES);
    assert_true(rules_evaluate(c->w, &c->out));
    assert_int_equal(c->out.eligibility, ELIG_ELIGIBLE);
    assert_int_equal(c->out.role, ROLE_SINGLE);
    assert_int_equal(c->out.n_findings, 0);
    assert_int_equal(c->out.n_recommendations, 3);
    assert_int_equal(c->out.recommendations[0], FX_REC_TREAT);
    assert_int_equal(c->out.recommendations[1], FX_REC_ACUTE);
    assert_int_equal(c->out.recommendations[2], FX_REC_AFTERCARE);
}

static void test_no_role(void **state)
{
    (void)state;
    struct questionnaire *q = fixture_model(false);
    struct walk *w = walk_new(q);
    answer_all(w, "male", "40", NULL, "androgenetic", "norwood_6");
    struct outcome out;
    assert_false(rules_evaluate(w, &out));
    assert_false(out.has_role);
    assert_int_equal(out.eligibility, ELIG_ELIGIBLE);
    outcome_free(&out);
    /* the rows that exist still decide */
    struct walk *w2 = walk_new(q);
    answer_all(w2, "male", "40", NULL, NULL, NULL);
    assert_true(rules_evaluate(w2, &out));
    assert_int_equal(out.role, ROLE_UNDETERMINED);
    outcome_free(&out);
    walk_free(w2);
    walk_free(w);
    model_free(q);
}

/* The built-in questionnaire with every question answered "unknown" (tests/cases): nothing
 * is ignored, the verdict is deferred, the role undetermined, and the findings come by the
 * verdict they impose (most severe first), each traced to the unknown that raised it. */
static void test_builtin_all_unknown(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q),
                     LOAD_OK);
    assert_true(validator_check(q, &d));
    struct answers_file *af = NULL;
    assert_int_equal(answers_file_load(TEST_SOURCE_DIR "/cases/all_unknown.yaml", &d, &af),
                     LOAD_OK);
    struct walk *w = walk_new(q);
    assert_true(answers_file_apply(af, w, &d));
    assert_int_equal(d.n, 0);
    struct outcome out;
    assert_true(rules_evaluate(w, &out));
    assert_int_equal(out.eligibility, ELIG_DEFERRED);
    assert_int_equal(out.role, ROLE_UNDETERMINED);
    assert_int_equal(out.n_findings, 14);
    for (size_t i = 0; i < out.n_findings; i++) {
        const struct finding *f = &q->findings[out.findings[i].finding];
        if (i > 0)
            assert_true(q->findings[out.findings[i - 1].finding].verdict <= f->verdict);
        assert_int_equal(out.findings[i].n_because, 1);
        const struct because *b = &out.findings[i].because[0];
        size_t qi = b->question;
        assert_true(walk_reached(w, qi));
        assert_false(b->defaulted);
        /* the raising value is the unknown answer (a single bit, also for blood_thinners) */
        int unknown = q->questions[qi].type == QTYPE_YESNO
                          ? YESNO_UNKNOWN
                          : model_find_option(&q->questions[qi], "unknown");
        assert_int_equal(b->values, UINT64_C(1) << unknown);
    }
    assert_string_equal(q->findings[out.findings[0].finding].id, "pregnancy_unconfirmed");
    assert_string_equal(q->findings[out.findings[out.n_findings - 1].finding].id,
                        "heart_kidney_disease_unconfirmed");
    outcome_free(&out);
    walk_free(w);
    answers_file_free(af);
    model_free(q);
    diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_eligible_single, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dependency_order_and_severity_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_absolute_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refer_for_diagnosis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_skipped_answers_do_not_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_role, setup, teardown),
        cmocka_unit_test(test_builtin_all_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
