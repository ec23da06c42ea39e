/* test_suggest.c - edit distances and the "did you mean" bounds each caller relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "suggest.h"

static size_t dist(const char *a, const char *b, bool transpositions)
{
    return suggest_distance(a, strlen(a), b, strlen(b), transpositions);
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(dist("", "", false), 0);
    assert_int_equal(dist("", "abc", false), 3);
    assert_int_equal(dist("kitten", "sitting", false), 3);
    assert_int_equal(dist("kitten", "sitting", true), 3);
    assert_int_equal(dist("smoker", "smkoer", false), 2);
    assert_int_equal(dist("smoker", "smkoer", true), 1);
    char long_word[SUGGEST_MAX_LEN + 2];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    assert_int_equal(dist(long_word, "a", false), SIZE_MAX);
    long_word[SUGGEST_MAX_LEN] = '\0';
    assert_int_equal(dist(long_word, "", false), SUGGEST_MAX_LEN);
}

static void test_bounds(void **state)
{
    (void)state;
    static const char *const keys[] = {"text", "options", "recommendations"};
    /* by candidate: "tetx" is 1 transposition from "text" (4 bytes: 1 allowed) */
    assert_string_equal(suggest_among("tetx", 4, SUGGEST_BY_CANDIDATE, keys, 3), "text");
    assert_null(suggest_among("txxx", 4, SUGGEST_BY_CANDIDATE, keys, 3));
    assert_string_equal(suggest_among("recomendation", 13, SUGGEST_BY_CANDIDATE, keys, 3),
                        "recommendations");
    /* by word: Levenshtein, "tetx" is 2 away, and a 4-byte word allows 2 */
    assert_string_equal(suggest_among("tetx", 4, SUGGEST_BY_WORD, keys, 3), "text");
    assert_null(suggest_among("tex", 3, SUGGEST_BY_WORD, (const char *const[]){"taxi"}, 1));
    /* by a third of the word: "answer" (6 bytes) allows 3 */
    static const char *const top[] = {"patient", "practitioner", "answers"};
    assert_string_equal(suggest_among("answer", 6, SUGGEST_BY_WORD_THIRD, top, 3), "answers");
    assert_null(suggest_among("zzzzzz", 6, SUGGEST_BY_WORD_THIRD, top, 3));
    /* the first of equals */
    static const char *const ab[] = {"ab", "ba"};
    assert_string_equal(suggest_among("aa", 2, SUGGEST_BY_CANDIDATE, ab, 2), "ab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
