/* test_cond.c - cond_eval and cond_because on conditions built by hand in C (already resolved),
 * so that they depend on neither the loader nor the validator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cond.h"
#include "xalloc.h"

/* ---- a small resolved questionnaire ----
 * questions: smoker (yesno), diabetes (choice: none, controlled, uncontrolled),
 *            scalp (multi: none*, infection, psoriasis, wound), age (number 0..120),
 *            notes (text)
 * findings:  heavy (when smoker is yes), diabetic (raised by diabetes = controlled),
 *            combined (when finding heavy and finding diabetic), scalp (raised by scalp
 *            includes infection) */
enum { SMOKER, DIABETES, SCALP, AGE, NOTES, N_QUESTIONS };
enum { HEAVY, DIABETIC, COMBINED, F_SCALP, N_FINDINGS };
enum { D_NONE, D_CONTROLLED, D_UNCONTROLLED };
enum { S_NONE, S_INFECTION, S_PSORIASIS, S_WOUND };

struct fixture {
    struct questionnaire *q;
    struct answer answers[N_QUESTIONS];
    bool reached[N_QUESTIONS];
    bool raised[N_FINDINGS];
    struct cond_env env;
    struct cond *extra[16]; /* conditions a test builds, freed by teardown */
    size_t n_extra;
};

static struct cond *leaf(enum cond_kind kind, int ref)
{
    struct cond *c = xcalloc(1, sizeof *c);
    c->kind = kind;
    c->ref = xstrdup("ref");
    c->ref_index = ref;
    return c;
}

/* A COND_IN or COND_INCLUDES leaf on question qi with n option indexes. */
static struct cond *leaf_values(enum cond_kind kind, int qi, size_t n, ...)
{
    struct cond *c = leaf(kind, qi);
    va_list ap;
    va_start(ap, n);
    c->n_values = n;
    c->values = xcalloc(n, sizeof *c->values);
    for (size_t i = 0; i < n; i++)
        c->values[i] = (struct cond_value){.value = xstrdup("v"), .index = va_arg(ap, int)};
    va_end(ap);
    return c;
}

static struct cond *compare(int qi, enum compare_op op, long long n)
{
    struct cond *c = leaf(COND_COMPARE, qi);
    c->op = op;
    c->number = n;
    return c;
}

static struct cond *answered(int qi, bool flag)
{
    struct cond *c = leaf(COND_ANSWERED, qi);
    c->flag = flag;
    return c;
}

static struct cond *node(enum cond_kind kind, size_t n, ...)
{
    struct cond *c = xcalloc(1, sizeof *c);
    c->kind = kind;
    c->ref_index = -1;
    c->n_items = n;
    c->items = xcalloc(n + 1, sizeof *c->items);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        c->items[i] = va_arg(ap, struct cond *);
    va_end(ap);
    return c;
}

static struct cond *keep(struct fixture *f, struct cond *c)
{
    assert_true(f->n_extra < sizeof f->extra / sizeof f->extra[0]);
    f->extra[f->n_extra++] = c;
    return c;
}

static void add_question(struct questionnaire *q, size_t i, const char *id, enum question_type t,
                         size_t n_options, const char *const *values)
{
    struct question *qn = &q->questions[i];
    qn->id = xstrdup(id);
    qn->type = t;
    qn->required = true;
    qn->n_options = n_options;
    qn->options = n_options ? xcalloc(n_options, sizeof *qn->options) : NULL;
    for (size_t o = 0; o < n_options; o++)
        qn->options[o].value = xstrdup(values[o]);
    qn->min = 0;
    qn->max = 120;
}

static void add_raise(struct question *qn, int value, int finding)
{
    qn->raises = xreallocarray(qn->raises, qn->n_raises + 1, sizeof *qn->raises);
    qn->raises[qn->n_raises++] = (struct raise){.value = xstrdup("v"),
                                                .value_index = value,
                                                .finding = xstrdup("f"),
                                                .finding_index = finding};
}

static int setup(void **state)
{
    static const char *const diabetes[] = {"none", "controlled", "uncontrolled"};
    static const char *const scalp[] = {"none", "infection", "psoriasis", "wound"};
    struct fixture *f = xcalloc(1, sizeof *f);
    struct questionnaire *q = xcalloc(1, sizeof *q);
    q->n_sections = 1;
    q->sections = xcalloc(1, sizeof *q->sections);
    q->sections[0].id = xstrdup("all");
    q->sections[0].n_questions = N_QUESTIONS;
    q->n_questions = N_QUESTIONS;
    q->questions = xcalloc(N_QUESTIONS, sizeof *q->questions);
    add_question(q, SMOKER, "smoker", QTYPE_YESNO, 0, NULL);
    add_question(q, DIABETES, "diabetes", QTYPE_CHOICE, 3, diabetes);
    add_question(q, SCALP, "scalp", QTYPE_MULTI, 4, scalp);
    q->questions[SCALP].options[S_NONE].exclusive = true;
    add_question(q, AGE, "age", QTYPE_NUMBER, 0, NULL);
    add_question(q, NOTES, "notes", QTYPE_TEXT, 0, NULL);
    q->questions[NOTES].required = false;
    add_raise(&q->questions[DIABETES], D_CONTROLLED, DIABETIC);
    add_raise(&q->questions[SCALP], S_INFECTION, F_SCALP);

    q->n_findings = N_FINDINGS;
    q->findings = xcalloc(N_FINDINGS, sizeof *q->findings);
    const char *ids[N_FINDINGS] = {"heavy", "diabetic", "combined", "scalp"};
    for (size_t i = 0; i < N_FINDINGS; i++)
        q->findings[i].id = xstrdup(ids[i]);
    q->findings[HEAVY].when = leaf_values(COND_IN, SMOKER, 1, YESNO_YES);
    q->findings[COMBINED].when =
        node(COND_ALL, 2, leaf(COND_FINDING, HEAVY), leaf(COND_FINDING, DIABETIC));
    q->resolved = true;

    f->q = q;
    f->env = (struct cond_env){q, f->answers, f->reached, NULL, -1};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    for (size_t i = 0; i < f->n_extra; i++)
        model_cond_free(f->extra[i]);
    model_free(f->q);
    free(f);
    return 0;
}

static void answer_choice(struct fixture *f, int qi, int choice)
{
    f->reached[qi] = true;
    f->answers[qi] = (struct answer){.given = true, .choice = choice};
}

static void answer_multi(struct fixture *f, int qi, uint64_t selected)
{
    f->reached[qi] = true;
    f->answers[qi] = (struct answer){.given = true, .selected = selected};
}

static void answer_number(struct fixture *f, int qi, long long n)
{
    f->reached[qi] = true;
    f->answers[qi] = (struct answer){.given = true, .number = n};
}

#define BIT(i) (UINT64_C(1) << (i))

/* ---- cond_eval ---- */

static void null_holds(void **state)
{
    struct fixture *f = *state;
    assert_true(cond_eval(NULL, &f->env));
}

static void unreached_is_false_and_not_of_it_true(void **state)
{
    struct fixture *f = *state;
    struct cond *c = keep(f, leaf_values(COND_IN, SMOKER, 1, YESNO_YES));
    struct cond *n = keep(f, node(COND_NOT, 1, leaf_values(COND_IN, SMOKER, 1, YESNO_YES)));
    /* An answer given to a question the walk did not reach does not count. */
    f->answers[SMOKER] = (struct answer){.given = true, .choice = YESNO_YES};
    assert_false(cond_eval(c, &f->env));
    assert_true(cond_eval(n, &f->env));
    f->reached[SMOKER] = true;
    assert_true(cond_eval(c, &f->env));
    assert_false(cond_eval(n, &f->env));
    /* Reached but not answered: false as well. */
    f->answers[SMOKER].given = false;
    assert_false(cond_eval(c, &f->env));
}

static void in_on_single_answers(void **state)
{
    struct fixture *f = *state;
    struct cond *c = keep(f, leaf_values(COND_IN, DIABETES, 2, D_CONTROLLED, D_UNCONTROLLED));
    answer_choice(f, DIABETES, D_NONE);
    assert_false(cond_eval(c, &f->env));
    answer_choice(f, DIABETES, D_CONTROLLED);
    assert_true(cond_eval(c, &f->env));
    answer_choice(f, DIABETES, D_UNCONTROLLED);
    assert_true(cond_eval(c, &f->env));
}

static void in_and_includes_on_multi(void **state)
{
    struct fixture *f = *state;
    struct cond *any = keep(f, leaf_values(COND_IN, SCALP, 2, S_INFECTION, S_WOUND));
    struct cond *all = keep(f, leaf_values(COND_INCLUDES, SCALP, 2, S_INFECTION, S_WOUND));
    answer_multi(f, SCALP, BIT(S_NONE));
    assert_false(cond_eval(any, &f->env));
    assert_false(cond_eval(all, &f->env));
    answer_multi(f, SCALP, BIT(S_INFECTION) | BIT(S_PSORIASIS));
    assert_true(cond_eval(any, &f->env));
    assert_false(cond_eval(all, &f->env));
    answer_multi(f, SCALP, BIT(S_INFECTION) | BIT(S_WOUND));
    assert_true(cond_eval(any, &f->env));
    assert_true(cond_eval(all, &f->env));
}

static void comparisons(void **state)
{
    struct fixture *f = *state;
    static const struct {
        enum compare_op op;
        bool at17, at18, at19;
    } table[] = {
        {CMP_BELOW, true, false, false}, {CMP_AT_MOST, true, true, false},
        {CMP_ABOVE, false, false, true}, {CMP_AT_LEAST, false, true, true},
        {CMP_EQUAL, false, true, false},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        struct cond *c = compare(AGE, table[i].op, 18);
        answer_number(f, AGE, 17);
        assert_int_equal(cond_eval(c, &f->env), table[i].at17);
        answer_number(f, AGE, 18);
        assert_int_equal(cond_eval(c, &f->env), table[i].at18);
        answer_number(f, AGE, 19);
        assert_int_equal(cond_eval(c, &f->env), table[i].at19);
        model_cond_free(c);
    }
}

static void answered_flag(void **state)
{
    struct fixture *f = *state;
    struct cond *yes = keep(f, answered(NOTES, true));
    struct cond *no = keep(f, answered(NOTES, false));
    assert_false(cond_eval(yes, &f->env)); /* not reached */
    assert_true(cond_eval(no, &f->env));
    f->reached[NOTES] = true;
    f->answers[NOTES] = (struct answer){.given = true, .text = (char *)""};
    assert_false(cond_eval(yes, &f->env)); /* empty text is not an answer */
    assert_true(cond_eval(no, &f->env));
    f->answers[NOTES].text = (char *)"allergic to latex";
    assert_true(cond_eval(yes, &f->env));
    assert_false(cond_eval(no, &f->env));
}

static void eligibility_and_findings(void **state)
{
    struct fixture *f = *state;
    struct cond *e = keep(f, leaf(COND_ELIGIBILITY, -1));
    e->eligibilities = (1u << ELIG_DEFERRED) | (1u << ELIG_ELIGIBLE);
    struct cond *fd = keep(f, leaf(COND_FINDING, HEAVY));
    assert_false(cond_eval(e, &f->env));  /* eligibility -1: not known yet */
    assert_false(cond_eval(fd, &f->env)); /* raised NULL: not known yet */
    f->env.eligibility = ELIG_DEFERRED;
    assert_true(cond_eval(e, &f->env));
    f->env.eligibility = ELIG_NOT_ELIGIBLE;
    assert_false(cond_eval(e, &f->env));
    f->env.raised = f->raised;
    assert_false(cond_eval(fd, &f->env));
    f->raised[HEAVY] = true;
    assert_true(cond_eval(fd, &f->env));
}

static void empty_all_and_any(void **state)
{
    struct fixture *f = *state;
    struct cond *all = keep(f, node(COND_ALL, 0));
    struct cond *any = keep(f, node(COND_ANY, 0));
    assert_true(cond_eval(all, &f->env));
    assert_false(cond_eval(any, &f->env));
}

/* ---- cond_because ---- */

static void because_of_all_any_not(void **state)
{
    struct fixture *f = *state;
    answer_choice(f, SMOKER, YESNO_YES);
    answer_choice(f, DIABETES, D_NONE);
    answer_number(f, AGE, 40);
    struct cond_mark because[N_QUESTIONS];

    /* all: every item's question */
    struct cond *all = keep(f, node(COND_ALL, 2, leaf_values(COND_IN, SMOKER, 1, YESNO_YES),
                                    compare(AGE, CMP_AT_LEAST, 18)));
    memset(because, 0, sizeof because);
    assert_true(cond_eval(all, &f->env));
    cond_because(all, &f->env, because);
    assert_true(because[SMOKER].on);
    assert_true(because[AGE].on);
    assert_false(because[DIABETES].on);

    /* any: only the items that hold */
    struct cond *any = keep(f, node(COND_ANY, 2, leaf_values(COND_IN, SMOKER, 1, YESNO_YES),
                                    leaf_values(COND_IN, DIABETES, 1, D_CONTROLLED)));
    memset(because, 0, sizeof because);
    cond_because(any, &f->env, because);
    assert_true(because[SMOKER].on);
    assert_false(because[DIABETES].on);

    /* not: the item's questions; an unreached question is never a reason */
    struct cond *not =
        keep(f, node(COND_NOT, 1,
                     node(COND_ANY, 2, leaf_values(COND_IN, DIABETES, 1, D_CONTROLLED),
                          leaf_values(COND_IN, SCALP, 1, S_WOUND))));
    memset(because, 0, sizeof because);
    assert_true(cond_eval(not, &f->env));
    cond_because(not, &f->env, because);
    assert_true(because[DIABETES].on);
    assert_false(because[SCALP].on);
    assert_false(because[SMOKER].on);
}

static void because_through_findings(void **state)
{
    struct fixture *f = *state;
    answer_choice(f, SMOKER, YESNO_YES);
    answer_choice(f, DIABETES, D_CONTROLLED);
    answer_multi(f, SCALP, BIT(S_PSORIASIS));
    f->env.raised = f->raised;
    f->raised[HEAVY] = f->raised[DIABETIC] = f->raised[COMBINED] = true;
    struct cond_mark because[N_QUESTIONS] = {0};
    /* combined <- heavy (smoker's answer, through its when) and diabetic (a raises) */
    struct cond *c = keep(f, leaf(COND_FINDING, COMBINED));
    cond_because(c, &f->env, because);
    assert_true(because[SMOKER].on);
    assert_true(because[DIABETES].on);
    assert_false(because[SCALP].on);
    assert_false(because[AGE].on);

    /* A finding that was not raised contributes nothing. */
    struct cond_mark none[N_QUESTIONS] = {0};
    struct cond *s = keep(f, leaf(COND_FINDING, F_SCALP));
    cond_because(s, &f->env, none);
    for (size_t i = 0; i < N_QUESTIONS; i++)
        assert_false(none[i].on);
}

/* A diamond of findings, each depending twice on the one before: followed once each, so this
 * finishes at once instead of after 2^60 steps. */
static void because_through_a_diamond(void **state)
{
    struct fixture *f = *state;
    enum { CHAIN = 60 };
    struct questionnaire *q = f->q;
    q->findings = xreallocarray(q->findings, N_FINDINGS + CHAIN, sizeof *q->findings);
    bool raised[N_FINDINGS + CHAIN] = {0};
    for (int i = 0; i < CHAIN; i++) {
        int prev = i == 0 ? HEAVY : N_FINDINGS + i - 1;
        q->findings[N_FINDINGS + i] = (struct finding){
            .id = xstrdup("link"),
            .when = node(COND_ALL, 2, leaf(COND_FINDING, prev), leaf(COND_FINDING, prev)),
        };
        raised[N_FINDINGS + i] = true;
    }
    q->n_findings = N_FINDINGS + CHAIN;
    raised[HEAVY] = true;
    answer_choice(f, SMOKER, YESNO_YES);
    f->env.raised = raised;
    struct cond_mark because[N_QUESTIONS] = {0};
    struct cond *c = keep(f, leaf(COND_FINDING, N_FINDINGS + CHAIN - 1));
    cond_because(c, &f->env, because);
    assert_true(because[SMOKER].on);
    assert_false(because[DIABETES].on);
}

/* The values behind a leaf: only the tested values the answer picks when it holds, the
 * whole answer when it does not (under `not`). */
static void because_names_the_raising_values(void **state)
{
    struct fixture *f = *state;
    answer_multi(f, SCALP, BIT(S_WOUND) | BIT(S_PSORIASIS));
    struct cond_mark because[N_QUESTIONS] = {0};
    struct cond *in = keep(f, leaf_values(COND_IN, SCALP, 1, S_WOUND));
    assert_true(cond_eval(in, &f->env));
    cond_because(in, &f->env, because);
    assert_true(because[SCALP].on);
    assert_int_equal(because[SCALP].values, BIT(S_WOUND));
    assert_false(because[SCALP].defaulted);

    struct cond_mark whole[N_QUESTIONS] = {0};
    struct cond *not = keep(f, node(COND_NOT, 1, leaf_values(COND_IN, SCALP, 1, S_INFECTION)));
    assert_true(cond_eval(not, &f->env));
    cond_because(not, &f->env, whole);
    assert_int_equal(whole[SCALP].values, BIT(S_WOUND) | BIT(S_PSORIASIS));
}

/* A reached question left unanswered reads as its default; `answered` stays false. */
static void default_counts_when_unanswered(void **state)
{
    struct fixture *f = *state;
    f->q->questions[SMOKER].default_mask = BIT(YESNO_YES);
    f->reached[SMOKER] = true;
    struct cond *yes = keep(f, leaf_values(COND_IN, SMOKER, 1, YESNO_YES));
    struct cond *answered = keep(f, leaf(COND_ANSWERED, SMOKER));
    answered->flag = true;
    assert_true(cond_eval(yes, &f->env));
    assert_false(cond_eval(answered, &f->env));
    assert_true(cond_defaulted(&f->env, SMOKER));
    struct cond_mark because[N_QUESTIONS] = {0};
    cond_because(yes, &f->env, because);
    assert_true(because[SMOKER].on);
    assert_true(because[SMOKER].defaulted);
    answer_choice(f, SMOKER, YESNO_NO);
    assert_false(cond_eval(yes, &f->env));
    assert_false(cond_defaulted(&f->env, SMOKER));
    f->q->questions[SMOKER].default_mask = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(null_holds, setup, teardown),
        cmocka_unit_test_setup_teardown(because_names_the_raising_values, setup, teardown),
        cmocka_unit_test_setup_teardown(default_counts_when_unanswered, setup, teardown),
        cmocka_unit_test_setup_teardown(unreached_is_false_and_not_of_it_true, setup, teardown),
        cmocka_unit_test_setup_teardown(in_on_single_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(in_and_includes_on_multi, setup, teardown),
        cmocka_unit_test_setup_teardown(comparisons, setup, teardown),
        cmocka_unit_test_setup_teardown(answered_flag, setup, teardown),
        cmocka_unit_test_setup_teardown(eligibility_and_findings, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_all_and_any, setup, teardown),
        cmocka_unit_test_setup_teardown(because_of_all_any_not, setup, teardown),
        cmocka_unit_test_setup_teardown(because_through_findings, setup, teardown),
        cmocka_unit_test_setup_teardown(because_through_a_diamond, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
