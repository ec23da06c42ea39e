/* test_wrap.c - word wrapping for the 80-column report: UTF-8 character boundaries, display
 * columns, words longer than a line, hard newlines and escaped control characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

/* Wraps text and compares with the expected lines (NULL-terminated). */
static void check_wrap(const char *text, size_t width, const char *const *expected)
{
    struct wrap_lines l;
    wrap_text(text, width, &l);
    size_t n = 0;
    while (expected[n])
        n++;
    for (size_t i = 0; i < l.n && i < n; i++) {
        assert_string_equal(l.line[i], expected[i]);
        assert_int_equal(l.width[i], utf8_width(expected[i]));
    }
    assert_int_equal(l.n, n);
    wrap_lines_free(&l);
}

/* Every line is valid UTF-8 and at most width columns; the words come back in order. */
static void check_invariants(const char *text, size_t width)
{
    struct wrap_lines l;
    wrap_text(text, width, &l);
    char *joined = xstrdup("");
    for (size_t i = 0; i < l.n; i++) {
        const char *s = l.line[i];
        size_t n = strlen(s);
        for (size_t k = 0; k < n;) {
            uint32_t cp;
            size_t len = utf8_decode(s + k, n - k, &cp);
            assert_true(len > 0);
            k += len;
        }
        assert_true(utf8_width(s) <= width);
        assert_int_equal(utf8_width(s), l.width[i]);
        char *next = xasprintf("%s%s", joined, s);
        free(joined);
        joined = next;
    }
    /* Without the spaces, the text is intact. */
    char *squeezed = xstrdup(text);
    size_t k = 0;
    for (size_t i = 0; squeezed[i]; i++)
        if (squeezed[i] != ' ')
            squeezed[k++] = squeezed[i];
    squeezed[k] = '\0';
    char *j = joined;
    k = 0;
    for (size_t i = 0; j[i]; i++)
        if (j[i] != ' ')
            j[k++] = j[i];
    j[k] = '\0';
    assert_string_equal(joined, squeezed);
    free(squeezed);
    free(joined);
    wrap_lines_free(&l);
}

static void test_words(void **state)
{
    (void)state;
    check_wrap("aaa bbb ccc ddd", 7, (const char *const[]){"aaa bbb", "ccc ddd", NULL});
    check_wrap("aaa bbb ccc ddd", 8, (const char *const[]){"aaa bbb", "ccc ddd", NULL});
    check_wrap("aaa  bbb   ccc", 80, (const char *const[]){"aaa bbb ccc", NULL});
    check_wrap("exactly ten", 11, (const char *const[]){"exactly ten", NULL});
    check_wrap("", 10, (const char *const[]){"", NULL});
    check_wrap("   ", 10, (const char *const[]){"", NULL});
}

static void test_accents(void **state)
{
    (void)state;
    /* Ten columns, though more bytes: accented letters count one column each. */
    check_wrap("José Muñoz Ibáñez está aquí", 10,
               (const char *const[]){"José Muñoz", "Ibáñez", "está aquí", NULL});
    assert_int_equal(utf8_width("Ibáñez"), 6);
    /* e + COMBINING ACUTE ACCENT is one column, and never split. */
    assert_int_equal(utf8_width("e\xCC\x81"), 1);
    check_wrap("e\xCC\x81"
               "e\xCC\x81"
               "e\xCC\x81",
               2,
               (const char *const[]){"e\xCC\x81"
                                     "e\xCC\x81",
                                     "e\xCC\x81", NULL});
    /* East Asian wide characters take two columns. */
    assert_int_equal(utf8_width("日本語"), 6);
    check_wrap("日本語", 4, (const char *const[]){"日本", "語", NULL});
}

static void test_long_words(void **state)
{
    (void)state;
    check_wrap("abcdefghijklmnopqrstuvwxyz", 10,
               (const char *const[]){"abcdefghij", "klmnopqrst", "uvwxyz", NULL});
    check_wrap("a ñññññññññññ b", 4, (const char *const[]){"a", "ññññ", "ññññ", "ñññ", "b", NULL});
    check_invariants("Übermäßig-lange-Wörter-ohne-Leerzeichen-müssen-trotzdem-umbrechen-ohne-"
                     "ein-Zeichen-zu-zerschneiden",
                     13);
}

static void test_newlines(void **state)
{
    (void)state;
    check_wrap("first\n\nthird line", 80, (const char *const[]){"first", "", "third line", NULL});
    check_wrap("a\n", 80, (const char *const[]){"a", "", NULL});
}

static void test_escapes(void **state)
{
    (void)state;
    check_wrap("red \x1b[31m!", 80, (const char *const[]){"red \\x1B[31m!", NULL});
    check_wrap("tab\there", 80, (const char *const[]){"tab here", NULL});
    check_wrap("bad \xff byte", 80, (const char *const[]){"bad \\xFF byte", NULL});
    check_wrap("c1 \xC2\x85 next", 80, (const char *const[]){"c1 \\u0085 next", NULL});
    check_wrap("del\x7f", 80, (const char *const[]){"del\\x7F", NULL});
    /* A long word with an escape inside is broken like any other. */
    check_wrap("xxxxxxxxx\x01yyyyyyyyyyy", 8,
               (const char *const[]){"xxxxxxxx", "x\\x01yyy", "yyyyyyyy", NULL});
}

static void test_eighty_columns(void **state)
{
    (void)state;
    const char *text =
        "Mild pain or inflammation can follow a session; an anti-inflammatory cream may be "
        "recommended. A balanced diet with iron, antioxidants, folic acid and vitamins A, B, C "
        "and E; less stress; good hydration; gentle hair care: nourishing masks, no very hot "
        "water, limited dryer and iron use, a trim every three months. Pequeña inflamación "
        "y dolor leve después de la sesión: crema antiinflamatoria según indicación médica.";
    for (size_t width = 1; width <= 80; width++)
        check_invariants(text, width);
}

static void test_utf8_decode(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("\xC3\xB1", 2, &cp), 2);
    assert_int_equal(cp, 0xF1);
    assert_int_equal(utf8_decode("\xC3", 1, &cp), 0);             /* truncated */
    assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong '/' */
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* beyond U+10FFFF */
    assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    char *s = utf8_sanitize("a\xffz\xC3");
    assert_string_equal(s, "a\xEF\xBF\xBDz\xEF\xBF\xBD");
    free(s);
}

/* wrap_count is the number of lines wrap_text makes, whether it takes the short way (one line
 * of printable characters that fits) or wraps: random texts of letters, spaces, accents, wide
 * characters, combining marks, newlines, tabs, controls, bidi controls and invalid bytes, at
 * widths 1 to 24. */
static void test_count(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a",  "word", " ",    "  ",           "\xC3\xA9", "\xE6\xBC\xA2", "\xCC\x81",
        "\n", "\t",   "\x1B", "\xE2\x80\xAE", "\xFF",     "\xC2\x85",     "\x7F"};
    size_t n_pieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    size_t short_way = 0;
    for (int round = 0; round < 4000; round++) {
        char text[256] = "";
        seed = seed * 1103515245u + 12345u;
        size_t parts = (seed >> 16) % 12;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly letters and spaces, so that many texts take the short way */
            size_t pick = (seed >> 16) % 4 ? (seed >> 16) % 5 : (seed >> 16) % n_pieces;
            strcat(text, pieces[pick]);
        }
        for (size_t width = 1; width <= 24; width++) {
            struct wrap_lines l;
            wrap_text(text, width, &l);
            size_t got = wrap_count(text, width);
            if (got != l.n)
                fail_msg("'%s' at %zu: wrap_count %zu, wrap_text %zu", text, width, got, l.n);
            short_way += l.n == 1;
            wrap_lines_free(&l);
        }
    }
    assert_true(short_way > 1000); /* many one-line texts: the short way's case is tested */
    assert_int_equal(wrap_count(NULL, 5), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),       cmocka_unit_test(test_accents),
        cmocka_unit_test(test_long_words),  cmocka_unit_test(test_newlines),
        cmocka_unit_test(test_escapes),     cmocka_unit_test(test_eighty_columns),
        cmocka_unit_test(test_utf8_decode), cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
