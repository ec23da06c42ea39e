/* test_diag.c - diagnostics: thousands of the same warning show as the first few and a count,
 * per kind and per file, while errors and other kinds are untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "loader.h"
#include "strbuf.h"
#include "validator.h"

static void warn_missing(struct diags *d, const char *file, unsigned i)
{
    diags_add(d, DIAG_WARNING, file, i + 1, 3, "missing 'es' translation of question 'q%u'", i);
}

static void test_same_warning_capped(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    for (unsigned i = 0; i < 10000; i++)
        warn_missing(&d, "a.yaml", i);
    diags_add(&d, DIAG_WARNING, "a.yaml", 1, 1, "role rule %d can never match", 2);
    diags_add(&d, DIAG_ERROR, "a.yaml", 2, 1, "unknown key '%s'", "foo");
    assert_int_equal(d.n, DIAGS_SAME_WARNINGS + 1 + 2);
    assert_int_equal(d.n_warnings, 10001);
    assert_int_equal(d.n_errors, 1);
    const struct diag *summary = &d.items[DIAGS_SAME_WARNINGS];
    assert_int_equal(summary->line, DIAGS_SAME_WARNINGS + 1);
    assert_string_equal(summary->message,
                        "missing 'es' translation of question 'q10' (and 9989 more like it, not "
                        "shown)");
    assert_string_equal(d.items[DIAGS_SAME_WARNINGS - 1].message,
                        "missing 'es' translation of question 'q9'");
    diags_clear(&d);
}

/* The eleventh of a kind still shows plainly; the count starts with the twelfth. */
static void test_few_warnings_untouched(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    for (unsigned i = 0; i <= DIAGS_SAME_WARNINGS; i++)
        warn_missing(&d, "a.yaml", i);
    assert_int_equal(d.n, DIAGS_SAME_WARNINGS + 1);
    for (size_t i = 0; i < d.n; i++)
        assert_null(strstr(d.items[i].message, "more like it"));
    diags_clear(&d);
}

static void test_files_counted_apart(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    for (unsigned i = 0; i < 100; i++) {
        warn_missing(&d, "a.yaml", i);
        warn_missing(&d, "b.yaml", i);
    }
    assert_int_equal(d.n, 2 * (DIAGS_SAME_WARNINGS + 1));
    diags_clear(&d);
}

/* Sorting between two warnings of a kind keeps the count on the right line. */
static void test_count_survives_sorting(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    diags_add(&d, DIAG_ERROR, "a.yaml", 99999, 1, "late error");
    for (unsigned i = 0; i < 20; i++)
        warn_missing(&d, "a.yaml", i);
    diags_sort(&d);
    for (unsigned i = 20; i < 30; i++)
        warn_missing(&d, "a.yaml", i);
    assert_int_equal(d.n, DIAGS_SAME_WARNINGS + 2);
    assert_string_equal(d.items[DIAGS_SAME_WARNINGS].message,
                        "missing 'es' translation of question 'q10' (and 19 more like it, not "
                        "shown)");
    assert_string_equal(d.items[DIAGS_SAME_WARNINGS + 1].message, "late error");
    diags_clear(&d);
}

/* A questionnaire whose every question lacks its Spanish text, through the validator. */
static void test_validator_warnings_capped(void **state)
{
    (void)state;
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "format: mesoscreen/1\nid: t\nversion: \"1\"\nlanguages: [en, es]\n"
                    "title: {en: T, es: T}\nsections:\n"
                    "  - id: s\n    title: {en: S, es: S}\n    questions:\n");
    for (int i = 0; i < 5000; i++)
        strbuf_printf(&b, "      - {id: q%d, type: yesno, text: Question %d}\n", i, i);
    strbuf_puts(&b, "roles:\n  - role: single\n");
    size_t len;
    char *yaml = strbuf_release(&b, &len);
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", yaml, len, &d, &q), LOAD_OK);
    assert_true(validator_check(q, &d));
    assert_int_equal(d.n_warnings, 5000);
    assert_int_equal(d.n, DIAGS_SAME_WARNINGS + 1);
    assert_non_null(strstr(d.items[d.n - 1].message, "(and 4989 more like it, not shown)"));
    model_free(q);
    diags_clear(&d);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_warning_capped),
        cmocka_unit_test(test_few_warnings_untouched),
        cmocka_unit_test(test_files_counted_apart),
        cmocka_unit_test(test_count_survives_sorting),
        cmocka_unit_test(test_validator_warnings_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
