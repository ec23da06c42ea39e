/* test_utf8.c - the one rule for showing text on a terminal or in a message: C0 controls and
 * DEL as \xNN, C1 controls as \u00NN, invalid bytes as \xNN, the rest as written; the flags
 * of running text (newline kept, tab as a space) and the limits of messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strbuf.h"
#include "utf8.h"

/* utf8_escape_add of s[0..n) with flags and a limit, as a string compared with expected. */
static void check_escape(const char *s, size_t n, unsigned flags, size_t max_chars,
                         const char *expected)
{
    struct strbuf b = STRBUF_INIT;
    utf8_escape_add(&b, s, n, flags, max_chars);
    char *out = strbuf_release(&b, NULL);
    assert_string_equal(out, expected);
    free(out);
}

static void test_rule(void **state)
{
    (void)state;
    check_escape("plain ñ 日本", 15, 0, SIZE_MAX, "plain ñ 日本");
    check_escape("esc\x1b[31m", 8, 0, SIZE_MAX, "esc\\x1B[31m");
    check_escape("nul\0inside", 10, 0, SIZE_MAX, "nul\\x00inside");
    check_escape("del\x7f", 4, 0, SIZE_MAX, "del\\x7F");
    check_escape("c1 \xc2\x85 \xc2\x9f", 8, 0, SIZE_MAX, "c1 \\u0085 \\u009F");
    check_escape("nbsp\xc2\xa0", 6, 0, SIZE_MAX, "nbsp\xc2\xa0"); /* U+00A0 is no control */
    check_escape("bad \xff \xc3", 7, 0, SIZE_MAX, "bad \\xFF \\xC3");
    check_escape("\xc0\xaf", 2, 0, SIZE_MAX, "\\xC0\\xAF"); /* overlong: two invalid bytes */
    check_escape("back\\slash", 10, 0, SIZE_MAX, "back\\slash");
}

static void test_flags(void **state)
{
    (void)state;
    check_escape("a\tb\nc", 5, 0, SIZE_MAX, "a\\x09b\\x0Ac");
    check_escape("a\tb\nc", 5, UTF8_TAB_AS_SPACE, SIZE_MAX, "a b\\x0Ac");
    check_escape("a\tb\nc", 5, UTF8_KEEP_NEWLINE, SIZE_MAX, "a\\x09b\nc");
    check_escape("a\tb\nc", 5, UTF8_TAB_AS_SPACE | UTF8_KEEP_NEWLINE, SIZE_MAX, "a b\nc");
    char *s = utf8_escape_controls("x\ty\nz\x01", true);
    assert_string_equal(s, "x y\nz\\x01");
    free(s);
    s = utf8_escape_controls("x\ty\nz\x01", false);
    assert_string_equal(s, "x y\\x0Az\\x01");
    free(s);
}

static void test_limit(void **state)
{
    (void)state;
    check_escape("abcdef", 6, 0, 3, "abc...");
    check_escape("abc", 3, 0, 3, "abc"); /* nothing more follows: no "..." */
    check_escape("ñññññ", 10, 0, 2, "ññ...");
    check_escape("\x01\x02\x03", 3, 0, 2, "\\x01\\x02...");
    check_escape("", 0, 0, 0, "");
}

static void test_buffer(void **state)
{
    (void)state;
    char b[UTF8_ESCAPED_SIZE(5)];
    assert_string_equal(utf8_escape_buf(b, sizeof b, "abcdefgh", 8), "abcde...");
    /* the worst case, C1 controls, still fits whole */
    assert_string_equal(utf8_escape_buf(b, sizeof b,
                                        "\xc2\x80\xc2\x80\xc2\x80\xc2\x80\xc2\x80"
                                        "\xc2\x80",
                                        12),
                        "\\u0080\\u0080\\u0080\\u0080\\u0080...");
    char long_value[200];
    memset(long_value, 'x', sizeof long_value);
    char q[UTF8_ESCAPED_SIZE(60)];
    utf8_escape_buf(q, sizeof q, long_value, sizeof long_value);
    assert_int_equal(strlen(q), 63);
    assert_string_equal(q + 60, "...");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
