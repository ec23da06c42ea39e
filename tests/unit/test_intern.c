/* test_intern.c - shared short strings: the same bytes give the same pointer (also after the
 * table grew), different bytes never do, and long strings or ones holding a NUL are copied. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "intern.h"

static void test_same_bytes_same_pointer(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct intern *t = intern_new(a);
    char *none = intern_strndup(t, "None of these", 4); /* "None" */
    assert_string_equal(none, "None");
    assert_ptr_equal(intern_strndup(t, "None", 4), none);
    assert_ptr_not_equal(intern_strndup(t, "Non", 3), none);
    assert_ptr_not_equal(intern_strndup(t, "None!", 5), none);
    char *empty = intern_strndup(t, "", 0);
    assert_string_equal(empty, "");
    assert_ptr_equal(intern_strndup(t, "x", 0), empty);
    intern_free(t);
    assert_string_equal(none, "None"); /* the strings stay in the arena */
    arena_free(a);
}

static void test_grows(void **state)
{
    (void)state;
    enum { N = 5000 };
    struct arena *a = arena_new();
    struct intern *t = intern_new(a);
    static char *first[N];
    char buf[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "q%d", i);
        first[i] = intern_strndup(t, buf, (size_t)n);
    }
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "q%d", i);
        char *again = intern_strndup(t, buf, (size_t)n);
        assert_ptr_equal(again, first[i]);
        assert_string_equal(again, buf);
    }
    intern_free(t);
    arena_free(a);
}

static void test_long_and_nul_copied(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct intern *t = intern_new(a);
    char text[INTERN_MAX_LEN + 2];
    memset(text, 'a', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    char *one = intern_strndup(t, text, INTERN_MAX_LEN + 1);
    char *two = intern_strndup(t, text, INTERN_MAX_LEN + 1);
    assert_string_equal(one, text);
    assert_ptr_not_equal(one, two); /* longer than INTERN_MAX_LEN: not shared */
    assert_ptr_equal(intern_strndup(t, text, INTERN_MAX_LEN),
                     intern_strndup(t, text, INTERN_MAX_LEN)); /* at the bound: shared */
    char *cut = intern_strndup(t, "ab\0c", 4);
    assert_string_equal(cut, "ab");
    assert_ptr_not_equal(cut, intern_strndup(t, "ab", 2)); /* a NUL inside: copied as read */
    intern_free(t);
    intern_free(NULL);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes_same_pointer),
        cmocka_unit_test(test_grows),
        cmocka_unit_test(test_long_and_nul_copied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
