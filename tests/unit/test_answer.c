/* test_answer.c - parsing, checking, describing and formatting single answers: every
 * message names the value and what is allowed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "fixture_model.h"

static struct questionnaire *q;

static int setup(void **state)
{
    (void)state;
    q = fixture_model(true);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    model_free(q);
    return 0;
}

/* answer_parse must fail with exactly `expected`. */
static void assert_parse_error(size_t qi, const char *s, const char *expected)
{
    struct answer a = {0};
    char *msg = answer_parse(&q->questions[qi], s, &a);
    assert_non_null(msg);
    assert_string_equal(msg, expected);
    assert_false(a.given);
    free(msg);
}

static void test_yesno(void **state)
{
    (void)state;
    const struct question *qn = &q->questions[FX_PREGNANT];
    static const char *const words[] = {"yes", "no", "unknown"};
    for (int i = 0; i < 3; i++) {
        struct answer a;
        assert_null(answer_parse(qn, words[i], &a));
        assert_true(a.given);
        assert_int_equal(a.choice, i);
        assert_null(answer_check(qn, &a));
        char *s = answer_format(qn, &a);
        assert_string_equal(s, words[i]);
        free(s);
    }
    assert_parse_error(FX_PREGNANT, "maybe",
                       "'maybe' is not an answer to 'pregnant': expected yes, no or unknown");
    /* the stable words are case-sensitive and nothing is trimmed */
    assert_parse_error(FX_PREGNANT, "Yes",
                       "'Yes' is not an answer to 'pregnant': expected yes, no or unknown");
    assert_parse_error(FX_PREGNANT, "yes\n",
                       "'yes\\x0A' is not an answer to 'pregnant': expected yes, no or unknown");
    assert_parse_error(FX_PREGNANT, "",
                       "'' is not an answer to 'pregnant': expected yes, no or unknown");
}

static void test_choice(void **state)
{
    (void)state;
    struct answer a;
    assert_null(answer_parse(&q->questions[FX_SEX], "other", &a));
    assert_int_equal(a.choice, 2);
    assert_parse_error(FX_SEX, "\x1b[31mred",
                       "'\\x1B[31mred' is not an answer to 'sex': expected female, male or other");
    struct answer bad = {.given = true, .choice = 3};
    assert_string_equal(answer_check(&q->questions[FX_SEX], &bad), "is not one of the options");
    bad.choice = -1;
    assert_string_equal(answer_check(&q->questions[FX_SEX], &bad), "is not one of the options");
}

static void test_number(void **state)
{
    (void)state;
    const struct question *qn = &q->questions[FX_AGE];
    struct answer a;
    assert_null(answer_parse(qn, "34", &a));
    assert_int_equal(a.number, 34);
    assert_null(answer_parse(qn, "0", &a));
    assert_null(answer_parse(qn, "120", &a));
    assert_int_equal(a.number, 120);
    char *s = answer_format(qn, &a);
    assert_string_equal(s, "120");
    free(s);
    assert_parse_error(FX_AGE, "150",
                       "150 is out of range for 'age': expected a whole number from 0 to 120");
    assert_parse_error(FX_AGE, "-1",
                       "-1 is out of range for 'age': expected a whole number from 0 to 120");
    assert_parse_error(FX_AGE, "34.5",
                       "'34.5' is not a whole number: 'age' expects a whole number from 0 to 120");
    assert_parse_error(FX_AGE, " 34",
                       "' 34' is not a whole number: 'age' expects a whole number from 0 to 120");
    assert_parse_error(FX_AGE, "",
                       "'' is not a whole number: 'age' expects a whole number from 0 to 120");
    assert_parse_error(FX_AGE, "-",
                       "'-' is not a whole number: 'age' expects a whole number from 0 to 120");
    assert_parse_error(FX_AGE, "99999999999999999999999",
                       "99999999999999999999999 is out of range for 'age': expected a whole "
                       "number from 0 to 120");
    struct answer big = {.given = true, .number = 121};
    assert_string_equal(answer_check(qn, &big), "is out of range");
}

static void test_multi(void **state)
{
    (void)state;
    const struct question *qn = &q->questions[FX_SCALP];
    struct answer a;
    static const char *const two[] = {"psoriasis", "infection"};
    assert_null(answer_parse_multi(qn, two, 2, &a));
    assert_int_equal(a.selected, 0x6);
    assert_null(answer_check(qn, &a));
    char *s = answer_format(qn, &a);
    assert_string_equal(s, "infection, psoriasis"); /* option order */
    free(s);

    static const char *const none_and[] = {"none", "infection"};
    char *msg = answer_parse_multi(qn, none_and, 2, &a);
    assert_string_equal(msg, "'none' must stand alone in the answer to 'scalp': it cannot be "
                             "combined with other values");
    free(msg);
    static const char *const twice[] = {"infection", "infection"};
    msg = answer_parse_multi(qn, twice, 2, &a);
    assert_string_equal(msg, "'infection' is listed twice in the answer to 'scalp'");
    free(msg);
    static const char *const unknown[] = {"infection", "lice"};
    msg = answer_parse_multi(qn, unknown, 2, &a);
    assert_string_equal(msg, "'lice' is not an answer to 'scalp': expected none, infection or "
                             "psoriasis");
    free(msg);
    msg = answer_parse_multi(qn, NULL, 0, &a);
    assert_string_equal(msg, "'scalp' needs at least one value: expected a list of one or more "
                             "of none, infection or psoriasis");
    free(msg);
    /* a single scalar through answer_parse is a one-item list */
    assert_null(answer_parse(qn, "none", &a));
    assert_int_equal(a.selected, 0x1);

    struct answer bad = {.given = true, .selected = 0x3};
    assert_string_equal(answer_check(qn, &bad), "an exclusive option must stand alone");
    bad.selected = 0;
    assert_string_equal(answer_check(qn, &bad), "needs at least one option");
    bad.selected = 0x8;
    assert_string_equal(answer_check(qn, &bad), "is not one of the options");
}

static void test_text(void **state)
{
    (void)state;
    const struct question *qn = &q->questions[FX_NOTES];
    struct answer a;
    assert_null(answer_parse(qn, "Línea 1\n\tlínea 2", &a));
    assert_string_equal(a.text, "Línea 1\n\tlínea 2");
    struct answer copy;
    answer_copy(&copy, &a);
    assert_ptr_not_equal(copy.text, a.text);
    assert_string_equal(copy.text, a.text);
    answer_clear(&a);
    assert_false(a.given);
    assert_null(a.text);
    answer_clear(&copy);

    char *msg = answer_parse(qn, "bell\a", &a);
    assert_string_equal(msg, "the answer to 'notes' contains a control character");
    free(msg);
    msg = answer_parse(qn, "bad \xff byte", &a);
    assert_string_equal(msg, "the answer to 'notes' is not valid UTF-8");
    free(msg);
    msg = answer_parse(qn, "overlong \xc0\xaf", &a);
    assert_string_equal(msg, "the answer to 'notes' is not valid UTF-8");
    free(msg);
    msg = answer_parse(qn, "surrogate \xed\xa0\x80", &a);
    assert_string_equal(msg, "the answer to 'notes' is not valid UTF-8");
    free(msg);
    msg = answer_parse(qn, "c1 \xc2\x9b", &a);
    assert_string_equal(msg, "the answer to 'notes' contains a control character");
    free(msg);
    struct answer empty = {.given = true};
    assert_null(answer_check(qn, &empty));
    struct answer del = {.given = true, .text = (char *)"x\x7f"};
    assert_string_equal(answer_check(qn, &del), "contains a control character");
}

static void test_allowed(void **state)
{
    (void)state;
    static const struct {
        size_t qi;
        const char *allowed;
    } cases[] = {
        {FX_PREGNANT, "yes, no or unknown"},
        {FX_SEX, "female, male or other"},
        {FX_AGE, "a whole number from 0 to 120"},
        {FX_SCALP, "a list of one or more of none, infection or psoriasis"},
        {FX_NOTES, "any text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = answer_allowed(&q->questions[cases[i].qi]);
        assert_string_equal(s, cases[i].allowed);
        free(s);
    }
    struct answer none = {0};
    char *s = answer_format(&q->questions[FX_SEX], &none);
    assert_string_equal(s, "");
    free(s);
    assert_string_equal(answer_check(&q->questions[FX_SEX], &none), "no answer given");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yesno), cmocka_unit_test(test_choice), cmocka_unit_test(test_number),
        cmocka_unit_test(test_multi), cmocka_unit_test(test_text),   cmocka_unit_test(test_allowed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
