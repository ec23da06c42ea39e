/* test_people.c - the people fields' checks: who answers, safe free text, birth dates and ages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "people.h"

/* 2026-11-27 12:00 UTC; the tests run with TZ=UTC. */
static const time_t today = 1795780800;

static void test_answered_by(void **state)
{
    (void)state;
    assert_int_equal(people_answered_by_parse("patient"), ANSWERED_BY_PATIENT);
    assert_int_equal(people_answered_by_parse("guardian"), ANSWERED_BY_GUARDIAN);
    assert_int_equal(people_answered_by_parse("interpreter"), ANSWERED_BY_INTERPRETER);
    assert_int_equal(people_answered_by_parse("Patient"), -1);
    assert_int_equal(people_answered_by_parse(""), -1);
    assert_int_equal(people_answered_by_parse(NULL), -1);
}

static void test_text(void **state)
{
    (void)state;
    assert_null(people_text_problem("P-0042"));
    assert_null(people_text_problem("María José Núñez"));
    assert_null(people_text_problem(""));
    assert_string_equal(people_text_problem("a\x1b]52;c;x\a"), "a control character");
    assert_string_equal(people_text_problem("two\nlines"), "a control character");
    assert_string_equal(people_text_problem("tab\there"), "a control character");
    assert_string_equal(people_text_problem("del\x7f"), "a control character");
    assert_string_equal(people_text_problem("c1\xc2\x9b"), "a control character");
    assert_string_equal(people_text_problem("\u202Eevil"), /* U+202E */
                        "a bidirectional control character");
    assert_string_equal(people_text_problem("x\xe2\x81\xa6y"), /* U+2066 */
                        "a bidirectional control character");
    assert_null(people_text_problem("\xe2\x80\xa9")); /* U+2029 is not a bidi control */
    assert_string_equal(people_text_problem("bad \xff byte"), "invalid UTF-8");
    assert_string_equal(people_text_problem("cut \xc3"), "invalid UTF-8");
}

static void test_birth_date(void **state)
{
    (void)state;
    const char *why = NULL;
    assert_true(people_birth_date_check("1990-05-17", today, &why));
    assert_true(people_birth_date_check("2000-02-29", today, &why));
    assert_true(people_birth_date_check("2026-11-27", today, &why));
    assert_false(people_birth_date_check("1900-02-29", today, &why));
    assert_string_equal(why, "expected a date as YYYY-MM-DD");
    assert_false(people_birth_date_check("1990-13-01", today, &why));
    assert_false(people_birth_date_check("1990-04-31", today, &why));
    assert_false(people_birth_date_check("1990-5-17", today, &why));
    assert_false(people_birth_date_check("17/05/1990", today, &why));
    assert_false(people_birth_date_check("1990-05-17x", today, &why));
    assert_false(people_birth_date_check("1990-00-10", today, &why));
    assert_false(people_birth_date_check("1899-12-31", today, &why));
    assert_string_equal(why, "the date is before 1900");
    assert_false(people_birth_date_check("2026-11-28", today, &why));
    assert_string_equal(why, "the date is in the future");
}

static void test_age(void **state)
{
    (void)state;
    assert_int_equal(people_age_on("1990-05-17", today), 36);
    assert_int_equal(people_age_on("1990-11-27", today), 36); /* birthday today */
    assert_int_equal(people_age_on("1990-11-28", today), 35); /* tomorrow */
    assert_int_equal(people_age_on("2026-11-27", today), 0);
    assert_int_equal(people_age_on("2026-11-28", today), -1);
    assert_int_equal(people_age_on("nonsense", today), -1);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_answered_by),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_birth_date),
        cmocka_unit_test(test_age),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
