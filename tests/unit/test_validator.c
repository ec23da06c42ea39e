/* test_validator.c - validator_check through YAML: what it resolves, what it refuses (with
 * the place), what only warns, and that it stays linear on a large questionnaire. The golden
 * files in tests/golden/check/v_*.yaml cover every message's exact wording. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "loader.h"
#include "paths.h"
#include "validator.h"
#include "xalloc.h"

/* Loads yaml (which must load) and validates it; *ok gets validator_check's result. */
static struct questionnaire *validate(const char *yaml, struct diags *d, bool *ok)
{
    struct questionnaire *q = NULL;
    enum load_status st = loader_load_buffer("t.yaml", yaml, strlen(yaml), d, &q);
    if (st != LOAD_OK) {
        diags_print(d, stderr);
        fail_msg("the test questionnaire does not load");
    }
    *ok = validator_check(q, d);
    return q;
}

/* Whether d holds a diagnostic of this level at line:col whose message contains `text`. */
static bool has_diag(const struct diags *d, enum diag_level level, uint32_t line, uint32_t col,
                     const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].level == level && d->items[i].line == line && d->items[i].col == col &&
            strstr(d->items[i].message, text))
            return true;
    return false;
}

static void expect_diag(const struct diags *d, enum diag_level level, uint32_t line, uint32_t col,
                        const char *text)
{
    if (!has_diag(d, level, line, col, text)) {
        diags_print(d, stderr);
        fail_msg("no %s at %u:%u containing \"%s\"", level == DIAG_ERROR ? "error" : "warning",
                 line, col, text);
    }
}

#define HEADER "format: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"

static const char clean_yaml[] = HEADER "sections:\n"            /* 5 */
                                        "  - id: patient\n"      /* 6 */
                                        "    title: Patient\n"   /* 7 */
                                        "    questions:\n"       /* 8 */
                                        "      - id: sex\n"      /* 9 */
                                        "        type: choice\n" /* 10 */
                                        "        text: Sex\n"
                                        "        options:\n"
                                        "          - {value: female, text: Female}\n"
                                        "          - {value: male, text: Male}\n"
                                        "      - id: age\n" /* 15 */
                                        "        type: number\n"
                                        "        text: Age\n"
                                        "        min: 0\n"
                                        "        max: 120\n"
                                        "      - id: pregnant\n" /* 20 */
                                        "        type: yesno\n"
                                        "        text: Pregnant?\n"
                                        "        when: {not: {question: sex, is: male}}\n"
                                        "        raises: {yes: pregnancy, unknown: pregnancy}\n"
                                        "findings:\n" /* 25 */
                                        "  - id: pregnancy\n"
                                        "    severity: temporary\n"
                                        "    text: Pregnancy.\n"
                                        "  - id: adult\n"
                                        "    severity: info\n" /* 30 */
                                        "    text: Adult.\n"
                                        "    when: {question: age, is: 18}\n"
                                        "roles:\n"
                                        "  - role: none\n"
                                        "    when: {finding: pregnancy}\n" /* 35 */
                                        "  - role: single\n";

static void clean_questionnaire_resolves(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    bool ok;
    struct questionnaire *q = validate(clean_yaml, &d, &ok);
    if (d.n)
        diags_print(&d, stderr);
    assert_true(ok);
    assert_true(q->resolved);
    assert_int_equal(d.n, 0);

    /* when: {not: {question: sex, is: male}} */
    const struct cond *leaf = q->questions[2].when->items[0];
    assert_int_equal(leaf->kind, COND_IN);
    assert_int_equal(leaf->ref_index, 0);
    assert_int_equal(leaf->values[0].index, 1);
    /* raises: yes and unknown -> pregnancy (finding 0) */
    const struct question *pregnant = &q->questions[2];
    assert_int_equal(pregnant->n_raises, 2);
    for (size_t r = 0; r < 2; r++) {
        assert_int_equal(pregnant->raises[r].finding_index, 0);
        int v = pregnant->raises[r].value_index;
        assert_true(v == YESNO_YES || v == YESNO_UNKNOWN);
    }
    /* {question: age, is: 18} on a number question becomes a comparison */
    const struct cond *adult = q->findings[1].when;
    assert_int_equal(adult->kind, COND_COMPARE);
    assert_int_equal(adult->op, CMP_EQUAL);
    assert_int_equal(adult->number, 18);
    assert_int_equal(adult->ref_index, 1);
    /* {finding: pregnancy} in a role */
    assert_int_equal(q->role_rules[0].when->ref_index, 0);
    model_free(q);
    diags_clear(&d);
}

/* Replaces the first `from` in clean_yaml with `to`, validates, and expects an error. */
static struct questionnaire *validate_variant(const char *from, const char *to, struct diags *d,
                                              bool *ok)
{
    const char *at = strstr(clean_yaml, from);
    assert_non_null(at);
    size_t head = (size_t)(at - clean_yaml);
    char *yaml = xasprintf("%.*s%s%s", (int)head, clean_yaml, to, at + strlen(from));
    struct questionnaire *q = validate(yaml, d, ok);
    free(yaml);
    return q;
}

static void errors_have_places(void **state)
{
    (void)state;
    static const struct {
        const char *from, *to;
        uint32_t line, col;
        const char *message;
    } cases[] = {
        {"id: age", "id: sex", 15, 9, "duplicate question id 'sex' (first at 9:9)"},
        {"{value: male, text: Male}", "{value: female, text: Male}", 14, 13,
         "duplicate option value 'female'"},
        {"question: sex, is: male", "question: sx, is: male", 23, 32,
         "no question 'sx'; did you mean 'sex'?"},
        {"question: sex, is: male", "question: sex, is: mal", 23, 41,
         "question 'sex' has no option 'mal'; did you mean 'male'?"},
        {"question: sex, is: male", "question: pregnant, is: yes", 23, 32,
         "names the question itself"},
        {"{question: sex, is: male}", "{eligibility: eligible}", 23, 21,
         "the 'when' of question 'pregnant' cannot test the eligibility"},
        {"raises: {yes: pregnancy,", "raises: {yes: pregnant,", 24, 23,
         "no finding 'pregnant'; did you mean 'pregnancy'?"},
        {"question: age, is: 18", "question: sex, below: 18", 32, 11,
         "'below' needs a number question, but 'sex' is a choice question"},
        {"question: age, is: 18", "question: age, is: adult", 32, 31,
         "'adult' is not a whole number"},
        {"question: age, is: 18", "question: sex, includes: [male]", 32, 11,
         "'includes' needs a multi question"},
        {"question: age, is: 18", "finding: adult", 29, 5, "finding 'adult' depends on itself"},
        {"when: {not: {question: sex, is: male}}", "when: {finding: pregnancy}", 23, 15,
         "cannot test a finding"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct diags d = DIAGS_INIT;
        bool ok;
        struct questionnaire *q = validate_variant(cases[i].from, cases[i].to, &d, &ok);
        if (ok)
            fail_msg("case %zu (%s) validated", i, cases[i].to);
        assert_false(q->resolved);
        expect_diag(&d, DIAG_ERROR, cases[i].line, cases[i].col, cases[i].message);
        model_free(q);
        diags_clear(&d);
    }
}

static void forward_reference_is_an_error(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    bool ok;
    /* sex's own when names age, asked after it */
    struct questionnaire *q = validate_variant("        type: choice\n",
                                               "        type: choice\n        when: {question: "
                                               "age, above: 1}\n",
                                               &d, &ok);
    assert_false(ok);
    expect_diag(&d, DIAG_ERROR, 11, 26, "names question 'age', which is not asked before it");
    model_free(q);
    diags_clear(&d);
}

static void warnings_do_not_fail(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    bool ok;
    struct questionnaire *q =
        validate_variant("findings:\n",
                         "findings:\n  - id: unused\n    severity: info\n    text: "
                         "Never raised.\n",
                         &d, &ok);
    assert_true(ok);
    assert_true(q->resolved);
    assert_int_equal(d.n_errors, 0);
    expect_diag(&d, DIAG_WARNING, 26, 5, "finding 'unused' is never raised");
    model_free(q);
    diags_clear(&d);
}

static void uncovered_path_and_unreachable_question(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    bool ok;
    /* Without the catch-all row, a path with no pregnancy finding has no role; and a question
     * asked only to men who are not men is never asked. */
    const char *yaml = HEADER
        "sections:\n"
        "  - id: s\n"
        "    title: S\n"
        "    questions:\n"
        "      - id: sex\n"
        "        type: choice\n"
        "        text: Sex\n"
        "        options: [{value: female, text: F}, {value: male, text: M}]\n"
        "      - id: never\n"
        "        type: yesno\n"
        "        text: Never?\n"
        "        when: {all: [{question: sex, is: male}, {not: {question: sex, in: [male]}}]}\n"
        "roles:\n"
        "  - role: single\n"
        "    when: {question: sex, is: female}\n";
    struct questionnaire *q = validate(yaml, &d, &ok);
    assert_false(ok);
    expect_diag(&d, DIAG_ERROR, 13, 9, "question 'never' is never asked");
    expect_diag(&d, DIAG_ERROR, 18, 5,
                "no role row matches these answers (eligibility eligible): "
                "(sex = male)");
    model_free(q);
    diags_clear(&d);
}

/* A long questionnaire whose conditions are local: each question depends on the one before
 * it and raises its own finding. The analysis must stay linear: a few states per question. */
static void large_local_questionnaire_is_linear(void **state)
{
    (void)state;
    enum { N = 20000 };
    size_t cap = 256 + (size_t)N * 200, len = 0;
    char *yaml = xmalloc(cap);
    len += (size_t)snprintf(yaml + len, cap - len,
                            HEADER "sections:\n  - id: s\n    title: S\n    questions:\n");
    for (int i = 0; i < N; i++) {
        len += (size_t)snprintf(yaml + len, cap - len,
                                "      - id: q%d\n        type: yesno\n        text: Q%d?\n", i, i);
        if (i > 0)
            len += (size_t)snprintf(yaml + len, cap - len,
                                    "        when: {question: q%d, in: [no, unknown]}\n", i - 1);
        len += (size_t)snprintf(yaml + len, cap - len, "        raises: {yes: f%d}\n", i);
    }
    len += (size_t)snprintf(yaml + len, cap - len, "findings:\n");
    for (int i = 0; i < N; i++)
        len +=
            (size_t)snprintf(yaml + len, cap - len, "  - id: f%d\n    severity: %s\n    text: F.\n",
                             i, i % 2 ? "temporary" : "precaution");
    snprintf(yaml + len, cap - len,
             "roles:\n  - role: none\n    when: {eligibility: deferred}\n"
             "  - role: single\n");

    struct diags d = DIAGS_INIT;
    bool ok;
    struct questionnaire *q = validate(yaml, &d, &ok);
    if (d.n)
        diags_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(d.n, 0);
    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    assert_true(paths_complete(p));
    assert_true(paths_state_count(p) <= 4 * (size_t)N);
    assert_true(paths_question_reached(p, N - 1));
    paths_free(p);
    model_free(q);
    diags_clear(&d);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_questionnaire_resolves),
        cmocka_unit_test(errors_have_places),
        cmocka_unit_test(forward_reference_is_an_error),
        cmocka_unit_test(warnings_do_not_fail),
        cmocka_unit_test(uncovered_path_and_unreachable_question),
        cmocka_unit_test(large_local_questionnaire_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
