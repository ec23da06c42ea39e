/* test_walk.c - the walk: reachability, next/back, changing an earlier answer (later answers
 * kept when they still apply, ignored when not, restored when reached again), option
 * availability and progress. Runs on the fixture model (fixture_model.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "answer.h"
#include "builtin.h"
#include "fixture_model.h"
#include "loader.h"
#include "validator.h"
#include "walk.h"

struct ctx {
    struct questionnaire *q;
    struct walk *w;
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
    walk_free(c->w);
    model_free(c->q);
    free(c);
    return 0;
}

/* Parses value as an answer to qi and sets it; returns walk_set's result. */
static bool set(struct walk *w, size_t qi, const char *value)
{
    struct answer a;
    char *msg = answer_parse(&walk_questionnaire(w)->questions[qi], value, &a);
    if (msg) {
        print_error("%s\n", msg);
        free(msg);
        return false;
    }
    bool ok = walk_set(w, qi, &a);
    answer_clear(&a);
    return ok;
}

static void answer_male_androgenetic(struct walk *w)
{
    assert_true(set(w, FX_SEX, "male"));
    assert_true(set(w, FX_AGE, "40"));
    assert_true(set(w, FX_SCALP, "none"));
    assert_true(set(w, FX_DIAGNOSIS_DONE, "yes"));
    assert_true(set(w, FX_DIAGNOSIS, "androgenetic"));
    assert_true(set(w, FX_STAGE, "norwood_2"));
}

static void test_initial_reachability(void **state)
{
    struct ctx *c = *state;
    assert_int_equal(walk_next(c->w), FX_SEX);
    assert_true(walk_reached(c->w, FX_SEX));
    /* no sex yet: "not male" holds, so pregnancy is asked */
    assert_true(walk_reached(c->w, FX_PREGNANT));
    assert_true(walk_reached(c->w, FX_DIAGNOSIS_DONE));
    /* the dx section needs diagnosis_done yes */
    assert_false(walk_reached(c->w, FX_DIAGNOSIS));
    assert_false(walk_reached(c->w, FX_STAGE));
    assert_true(walk_reached(c->w, FX_NOTES));
    assert_false(walk_complete(c->w));
    assert_false(walk_get(c->w, FX_SEX)->given);
    assert_true(walk_reached_all(c->w)[FX_PREGNANT]);
}

static void test_next_skips_branches(void **state)
{
    struct ctx *c = *state;
    assert_true(set(c->w, FX_SEX, "male"));
    assert_false(walk_reached(c->w, FX_PREGNANT));
    assert_int_equal(walk_next(c->w), FX_AGE);
    assert_true(set(c->w, FX_AGE, "40"));
    assert_int_equal(walk_next(c->w), FX_SCALP);
    assert_true(set(c->w, FX_SCALP, "none"));
    assert_int_equal(walk_next(c->w), FX_DIAGNOSIS_DONE);
    assert_true(set(c->w, FX_DIAGNOSIS_DONE, "no"));
    /* the dx section is skipped; the optional notes come next, once */
    assert_int_equal(walk_next(c->w), FX_NOTES);
    walk_visit(c->w, FX_NOTES);
    assert_int_equal(walk_next(c->w), -1);
    assert_true(walk_complete(c->w));
}

static void test_prev_and_after(void **state)
{
    struct ctx *c = *state;
    assert_true(set(c->w, FX_SEX, "male"));
    /* pregnant is skipped both ways */
    assert_int_equal(walk_prev(c->w, FX_SCALP), FX_AGE);
    assert_int_equal(walk_after(c->w, FX_AGE), FX_SCALP);
    assert_int_equal(walk_prev(c->w, FX_SEX), -1);
    assert_int_equal(walk_after(c->w, FX_NOTES), -1);
    assert_int_equal(walk_after(c->w, FX_DIAGNOSIS_DONE), FX_NOTES);
    assert_true(set(c->w, FX_SEX, "female"));
    assert_int_equal(walk_prev(c->w, FX_SCALP), FX_PREGNANT);
    /* going back shows the earlier answer */
    const struct answer *a = walk_get(c->w, FX_SEX);
    assert_true(a->given);
    assert_int_equal(a->choice, 0);
}

static void test_change_keeps_and_restores(void **state)
{
    struct ctx *c = *state;
    answer_male_androgenetic(c->w);
    walk_visit(c->w, FX_NOTES);
    assert_true(walk_complete(c->w));

    /* diagnosis_done no: the dx answers stop counting but are kept */
    assert_true(set(c->w, FX_DIAGNOSIS_DONE, "no"));
    assert_false(walk_reached(c->w, FX_DIAGNOSIS));
    assert_false(walk_reached(c->w, FX_STAGE));
    assert_true(walk_complete(c->w));
    /* still answered answers before the change */
    assert_int_equal(walk_get(c->w, FX_AGE)->number, 40);

    /* back to yes: the kept answers apply again, nothing to re-ask */
    assert_true(set(c->w, FX_DIAGNOSIS_DONE, "yes"));
    assert_true(walk_reached(c->w, FX_STAGE));
    assert_true(walk_get(c->w, FX_STAGE)->given);
    assert_int_equal(walk_get(c->w, FX_STAGE)->choice, 0);
    assert_true(walk_complete(c->w));
}

static void test_change_makes_new_question(void **state)
{
    struct ctx *c = *state;
    answer_male_androgenetic(c->w);
    walk_visit(c->w, FX_NOTES);

    /* female: pregnancy is now asked, and Norwood no longer applies */
    assert_true(set(c->w, FX_SEX, "female"));
    assert_true(walk_reached(c->w, FX_PREGNANT));
    assert_int_equal(walk_next(c->w), FX_PREGNANT);
    assert_true(set(c->w, FX_PREGNANT, "no"));
    assert_true(walk_reached(c->w, FX_STAGE));
    assert_false(walk_get(c->w, FX_STAGE)->given);
    assert_false(walk_answers(c->w)[FX_STAGE].given);
    assert_int_equal(walk_next(c->w), FX_STAGE);
    /* the earlier answers are untouched */
    assert_true(walk_get(c->w, FX_DIAGNOSIS)->given);

    /* male again: norwood_2 comes back, pregnancy is skipped (its answer kept) */
    assert_true(set(c->w, FX_SEX, "male"));
    assert_true(walk_get(c->w, FX_STAGE)->given);
    assert_false(walk_reached(c->w, FX_PREGNANT));
    assert_true(walk_complete(c->w));
    assert_true(set(c->w, FX_SEX, "other"));
    assert_true(walk_get(c->w, FX_PREGNANT)->given);
    assert_int_equal(walk_next(c->w), FX_STAGE);
}

static void test_option_availability(void **state)
{
    struct ctx *c = *state;
    assert_true(set(c->w, FX_SEX, "female"));
    assert_false(walk_option_offered(c->w, FX_STAGE, 0)); /* norwood_2 */
    assert_false(walk_option_offered(c->w, FX_STAGE, 1));
    assert_true(walk_option_offered(c->w, FX_STAGE, 2)); /* ludwig_1 */
    assert_true(walk_option_offered(c->w, FX_STAGE, 3));
    assert_false(walk_option_offered(c->w, FX_STAGE, 4)); /* no such option */
    assert_true(walk_option_offered(c->w, FX_PREGNANT, YESNO_UNKNOWN));
    assert_true(walk_option_offered(c->w, FX_SCALP, 0));

    struct answer norwood = {.given = true, .choice = 0};
    assert_string_equal(walk_check(c->w, FX_STAGE, &norwood), "not offered for these answers");
    assert_false(walk_set(c->w, FX_STAGE, &norwood));
    assert_false(walk_get(c->w, FX_STAGE)->given);
    struct answer ludwig = {.given = true, .choice = 2};
    assert_null(walk_check(c->w, FX_STAGE, &ludwig));
    /* a question not reached yet may be answered first (as an answers file does) */
    assert_true(walk_set(c->w, FX_STAGE, &ludwig));
    assert_false(walk_reached(c->w, FX_STAGE));

    assert_true(set(c->w, FX_SEX, "male"));
    assert_true(walk_option_offered(c->w, FX_STAGE, 0));
    assert_false(walk_option_offered(c->w, FX_STAGE, 2));
}

static void test_invalid_answers_refused(void **state)
{
    struct ctx *c = *state;
    struct answer a = {.given = true, .number = 121};
    assert_non_null(walk_check(c->w, FX_AGE, &a));
    assert_false(walk_set(c->w, FX_AGE, &a));
    assert_false(walk_get(c->w, FX_AGE)->given);
    a.number = 120;
    assert_true(walk_set(c->w, FX_AGE, &a));
    assert_int_equal(walk_get(c->w, FX_AGE)->number, 120);

    struct answer multi = {.given = true, .selected = 0x3}; /* none + infection */
    assert_false(walk_set(c->w, FX_SCALP, &multi));
    struct answer not_given = {0};
    assert_false(walk_set(c->w, FX_SEX, &not_given));
    struct answer bad_choice = {.given = true, .choice = 3};
    assert_false(walk_set(c->w, FX_SEX, &bad_choice));
}

static void test_unset_and_self_set(void **state)
{
    struct ctx *c = *state;
    assert_true(set(c->w, FX_SEX, "male"));
    assert_true(set(c->w, FX_NOTES, "first visit"));
    /* setting a question to its own current answer must not use freed memory */
    assert_true(walk_set(c->w, FX_NOTES, walk_get(c->w, FX_NOTES)));
    assert_string_equal(walk_get(c->w, FX_NOTES)->text, "first visit");
    walk_unset(c->w, FX_SEX);
    assert_false(walk_get(c->w, FX_SEX)->given);
    assert_int_equal(walk_next(c->w), FX_SEX);
    assert_true(walk_reached(c->w, FX_PREGNANT));
}

static void test_progress(void **state)
{
    struct ctx *c = *state;
    size_t n, m;
    /* nothing known: every question may be asked (dx and stage too) */
    walk_progress(c->w, FX_SEX, &n, &m);
    assert_int_equal(n, 1);
    assert_int_equal(m, FX_N_QUESTIONS);

    assert_true(set(c->w, FX_SEX, "male"));
    walk_progress(c->w, FX_AGE, &n, &m);
    assert_int_equal(n, 2);
    assert_int_equal(m, FX_N_QUESTIONS - 1); /* no pregnancy */

    assert_true(set(c->w, FX_AGE, "40"));
    assert_true(set(c->w, FX_SCALP, "none"));
    assert_true(set(c->w, FX_DIAGNOSIS_DONE, "no"));
    walk_progress(c->w, FX_DIAGNOSIS_DONE, &n, &m);
    assert_int_equal(n, 4);
    assert_int_equal(m, 5); /* then only the notes */

    assert_true(set(c->w, FX_DIAGNOSIS_DONE, "yes"));
    walk_progress(c->w, FX_DIAGNOSIS, &n, &m);
    assert_int_equal(n, 5);
    assert_int_equal(m, 7); /* stage may follow, then notes */
    assert_true(set(c->w, FX_DIAGNOSIS, "telogen_acute"));
    walk_progress(c->w, FX_DIAGNOSIS, &n, &m);
    assert_int_equal(m, 6); /* no stage */
}

/* The same on the built-in questionnaire, as loaded from its YAML. */
static struct questionnaire *load_builtin(void)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q),
                     LOAD_OK);
    assert_true(validator_check(q, &d));
    assert_int_equal(d.n, 0);
    diags_clear(&d);
    return q;
}

static size_t qidx(const struct questionnaire *q, const char *id)
{
    int i = model_find_question(q, id);
    assert_true(i >= 0);
    return (size_t)i;
}

static void test_builtin_branches(void **state)
{
    (void)state;
    struct questionnaire *q = load_builtin();
    struct walk *w = walk_new(q);
    size_t sex = qidx(q, "sex"), pregnant = qidx(q, "pregnant"), stage = qidx(q, "stage");
    size_t done = qidx(q, "diagnosis_done"), dx = qidx(q, "diagnosis");
    size_t other = qidx(q, "other_treatments"), months = qidx(q, "months_since_transplant");
    size_t norwood_1 = (size_t)model_find_option(&q->questions[stage], "norwood_1");
    size_t ludwig_1 = (size_t)model_find_option(&q->questions[stage], "ludwig_1");

    size_t n, m;
    walk_progress(w, sex, &n, &m);
    assert_int_equal(n, 1);
    assert_int_equal(m, q->n_questions); /* nothing decided yet */

    assert_true(set(w, sex, "male"));
    assert_false(walk_reached(w, pregnant));
    assert_false(walk_reached(w, qidx(q, "breastfeeding")));
    assert_true(walk_option_offered(w, stage, norwood_1));
    assert_false(walk_option_offered(w, stage, ludwig_1));
    assert_false(walk_reached(w, dx));

    assert_true(set(w, done, "yes"));
    assert_true(walk_reached(w, dx));
    assert_false(walk_reached(w, stage));
    assert_true(set(w, dx, "androgenetic"));
    assert_true(walk_reached(w, stage));
    assert_true(walk_reached(w, other));
    assert_false(walk_reached(w, months));
    assert_true(set(w, stage, "norwood_3_vertex"));

    /* other_treatments is asked for every diagnosis but scarring */
    assert_true(set(w, dx, "scarring"));
    assert_false(walk_reached(w, other));
    assert_false(walk_reached(w, stage));
    assert_true(set(w, dx, "post_transplant"));
    assert_true(walk_reached(w, other));
    assert_true(walk_reached(w, months));

    /* female: the Norwood answer no longer applies once the stage is asked again */
    assert_true(set(w, dx, "androgenetic"));
    assert_true(walk_get(w, stage)->given);
    assert_true(set(w, sex, "female"));
    assert_true(walk_reached(w, pregnant));
    assert_false(walk_get(w, stage)->given);
    assert_true(walk_option_offered(w, stage, ludwig_1));

    /* no diagnosis: the rest of the hair-loss questions are skipped */
    assert_true(set(w, done, "unknown"));
    assert_false(walk_reached(w, dx));
    assert_false(walk_reached(w, stage));
    assert_false(walk_reached(w, other));
    walk_free(w);
    model_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_initial_reachability, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_skips_branches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prev_and_after, setup, teardown),
        cmocka_unit_test_setup_teardown(test_change_keeps_and_restores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_change_makes_new_question, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_availability, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_answers_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unset_and_self_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
        cmocka_unit_test(test_builtin_branches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
