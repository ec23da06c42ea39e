/* test_loader_stream.c - the streamed reading (items converted as yamltree hands them over)
 * against the reading of the whole tree: the same status, the same diagnostics in the same
 * order, the same model, on every questionnaire of the test suite and on the files that break
 * an assumption of streaming (languages last, repeated keys, a syntax error after a bad item,
 * more errors than the cap). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "file.h"
#include "loader.h"
#include "loader_int.h"
#include "model_dump.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---- helpers ---- */

/* The diagnostics as `check` prints them, sorted. */
static char *diags_text(struct diags *d)
{
    diags_sort(d);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    diags_print(d, f);
    fclose(f);
    return buf;
}

struct outcome {
    enum load_status st;
    char *diags; /* as printed */
    char *model; /* model_dump, or NULL */
};

static struct outcome outcome_of(const char *yaml, size_t len, bool whole)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    struct outcome o;
    o.st = whole ? loader_load_buffer_whole("t.yaml", yaml, len, &d, &q)
                 : loader_load_buffer("t.yaml", yaml, len, &d, &q);
    o.diags = diags_text(&d);
    o.model = q ? model_dump(q) : NULL;
    model_free(q);
    diags_clear(&d);
    return o;
}

/* Loads yaml both ways, asserts the outcomes are equal, and returns the streamed diagnostics
 * (caller frees). */
static char *same_both_ways(const char *yaml, size_t len, const char *what)
{
    struct outcome s = outcome_of(yaml, len, false), w = outcome_of(yaml, len, true);
    if (s.st != w.st || strcmp(s.diags, w.diags) != 0 || !s.model != !w.model ||
        (s.model && strcmp(s.model, w.model) != 0))
        fail_msg("%s: streamed and whole readings differ:\n--- streamed (%d)\n%s--- whole "
                 "(%d)\n%s",
                 what, s.st, s.diags, w.st, w.diags);
    free(s.model);
    free(w.model);
    free(w.diags);
    return s.diags;
}

static void expect_same(const char *yaml)
{
    free(same_both_ways(yaml, strlen(yaml), yaml));
}

/* Asserts that the streamed diagnostics contain `line` (a whole printed line). */
static void expect_line(const char *yaml, const char *line)
{
    char *got = same_both_ways(yaml, strlen(yaml), yaml);
    if (!strstr(got, line))
        fail_msg("expected the line\n%s\namong\n%s", line, got);
    free(got);
}

static void expect_no_line(const char *yaml, const char *line)
{
    char *got = same_both_ways(yaml, strlen(yaml), yaml);
    if (strstr(got, line))
        fail_msg("did not expect the line\n%s\namong\n%s", line, got);
    free(got);
}

#define HEAD  "format: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"
#define ROLES "roles: [{role: single}]\n"

/* ---- every questionnaire of the suite ---- */

/* Each .yaml file of dir (under the tests), or each file when any, both ways. */
static size_t same_for_dir(const char *dir, bool any)
{
    char *path = xasprintf("%s/%s", TEST_SOURCE_DIR, dir);
    DIR *dp = opendir(path);
    assert_non_null(dp);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dp));) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || (!any && (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)))
            continue;
        char *file = xasprintf("%s/%s", path, e->d_name);
        size_t size;
        struct file_error err;
        char *bytes = file_read(file, LOADER_MAX_BYTES, &size, &err);
        assert_non_null(bytes);
        free(same_both_ways(bytes, size, file));
        free(bytes);
        free(file);
        n++;
    }
    closedir(dp);
    free(path);
    return n;
}

static void test_suite_files(void **state)
{
    (void)state;
    size_t n = same_for_dir("golden/check", false) + same_for_dir("golden/paths", false) +
               same_for_dir("golden/lang", false) +
               same_for_dir("golden/reports/questionnaires", false) +
               same_for_dir("fuzz/corpus/loader", true) + same_for_dir("../questionnaires", false);
    assert_true(n > 140);
}

/* ---- files that break an assumption of streaming ---- */

#define SECTION                                                                                    \
    "sections:\n"                                                                                  \
    "  - id: s\n"                                                                                  \
    "    title: {en: S, es: S}\n"                                                                  \
    "    questions:\n"                                                                             \
    "      - {id: a, type: yesno, text: {en: A, es: A}}\n"                                         \
    "      - {id: b, type: yesno, text: {en: B, es: B}, raises: {yes: f}}\n"
#define FINDINGS                                                                                   \
    "findings:\n"                                                                                  \
    "  - {id: f, severity: info, text: {en: F, es: F}}\n"
#define QUESTIONS SECTION FINDINGS

/* `languages:` after the lists: the texts were read with the default language, and the file
 * is read again whole. */
static void test_languages_last(void **state)
{
    (void)state;
    expect_same(HEAD QUESTIONS ROLES "languages: [en, es]\n");
    expect_same(HEAD QUESTIONS ROLES "languages: [en, es, en]\n");
    expect_same(HEAD "languages: [en, es]\n" QUESTIONS ROLES);
    expect_line(HEAD "languages: [en, xx_1]\n" QUESTIONS ROLES,
                "t.yaml:5:17: error: invalid language code 'xx_1': use a code such as 'en' or "
                "'pt-BR'\n");
    expect_line(HEAD "languages: [en]\n" QUESTIONS ROLES "languages: [en, es]\n",
                "t.yaml:15:1: error: duplicate key 'languages' (first at 5:1)\n");
    expect_same(HEAD "languages: en\n" QUESTIONS ROLES);
    expect_same(HEAD QUESTIONS ROLES); /* the default language: 'es' is unknown */
}

/* A repeated `questions:`, `sections:` or `findings:` key: its items are not in the model. */
static void test_repeated_keys(void **state)
{
    (void)state;
    expect_line(HEAD "languages: [en, es]\n" SECTION "    questions:\n"
                     "      - {id: c, type: nope, text: C}\n" FINDINGS ROLES,
                "t.yaml:12:5: error: duplicate key 'questions' (first at 9:5)\n");
    expect_no_line(HEAD "languages: [en, es]\n" SECTION "    questions:\n"
                        "      - {id: c, type: nope, text: C}\n" FINDINGS ROLES,
                   "nope");
    expect_same(HEAD "languages: [en, es]\n"
                     "sections:\n"
                     "  - id: s\n"
                     "    questions: 3\n"
                     "    title: S\n"
                     "    questions: [{id: a, type: nope, text: A}]\n" ROLES);
    expect_same(HEAD "languages: [en, es]\n" QUESTIONS ROLES QUESTIONS);
    expect_same(HEAD "languages: [en, es]\nfindings: 1\n" QUESTIONS ROLES);
    /* keys equal to a name up to a NUL: another key to YAML, the same to the walk */
    expect_same(HEAD "languages: [en, es]\n" QUESTIONS ROLES "\"sections\\0\": []\n");
    expect_same(HEAD "\"languages\\0x\": [en]\nlanguages: [en, es]\n" QUESTIONS ROLES);
    expect_same(HEAD "languages: [en, es]\n" QUESTIONS ROLES "\"languages\\0x\": [en]\n");
    expect_same(HEAD "languages: [en, es]\n"
                     "sections:\n"
                     "  - id: s\n"
                     "    title: S\n"
                     "    \"questions\\0\": [{id: z, type: yesno, text: Z}]\n"
                     "    questions: [{id: a, type: yesno, text: A}]\n" ROLES);
    expect_same(HEAD "languages: [en, es]\n"
                     "sections:\n"
                     "  - id: s\n"
                     "    title: S\n"
                     "    questions: [{id: a, type: yesno, text: A}]\n"
                     "    \"questions\\0\": [{id: z, type: yesno, text: Z}]\n" ROLES);
}

/* A file that turns out broken shows yamltree's diagnostics only, not those of the items
 * converted before the break. */
static void test_broken_after_items(void **state)
{
    (void)state;
    const char *yaml = HEAD "languages: [en, es]\n"
                            "sections:\n"
                            "  - id: s\n"
                            "    title: S\n"
                            "    questions:\n"
                            "      - {id: a, type: nope, text: A}\n"
                            "      - {id: b, type: yesno, text: [B\n" ROLES;
    char *got = same_both_ways(yaml, strlen(yaml), "broken");
    assert_null(strstr(got, "nope"));
    assert_non_null(strstr(got, "malformed YAML"));
    free(got);
    expect_same(HEAD "languages: [en, es]\n" QUESTIONS "recommendations:\n  - {id: r, kind: "
                     "bad, text: R}\n  - &x {id: s, kind: next_step, text: S}\n" ROLES);
}

/* A file of q bad questions (streamed), r unknown keys at the root (half before the sections,
 * half after: read by the walk) and y repeated label keys (yamltree's). */
static char *many_errors(int q, int r, int y, size_t *len)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, HEAD "languages: [en, es]\n");
    for (int i = 0; i < r / 2; i++)
        strbuf_printf(&b, "before%d: 1\n", i);
    strbuf_puts(&b, "sections:\n");
    for (int i = 0; i < q || i == 0; i++) {
        if (i % 10 == 0)
            strbuf_printf(&b, "  - id: s%d\n    title: S\n    questions:\n", i);
        strbuf_printf(&b, "      - {id: q%d, type: %s, text: Q}\n", i, i < q ? "nope" : "yesno");
    }
    for (int i = r / 2; i < r; i++)
        strbuf_printf(&b, "after%d: 1\n", i);
    if (y > 0)
        strbuf_puts(&b, "labels:\n");
    for (int i = 0; i < y; i++)
        strbuf_printf(&b, "  k: L\n");
    strbuf_puts(&b, ROLES);
    return strbuf_release(&b, len);
}

/* More errors than the cap: the same 1000 shown and the same "too many errors" line whether
 * the errors are in streamed items, in the skeleton or yamltree's, in any mix. */
static void test_error_cap(void **state)
{
    (void)state;
    static const int mixes[][3] = {
        {995, 10, 0}, {990, 0, 20}, {500, 495, 5},   {1000, 0, 0},  {1001, 0, 0}, {999, 1, 1},
        {10, 995, 0}, {0, 0, 1005}, {400, 300, 400}, {600, 600, 0}, {2000, 0, 0}, {0, 1200, 0},
    };
    for (size_t i = 0; i < sizeof mixes / sizeof mixes[0]; i++) {
        size_t len;
        char *yaml = many_errors(mixes[i][0], mixes[i][1], mixes[i][2], &len);
        char *got = same_both_ways(yaml, len, "error cap");
        size_t total = (size_t)(mixes[i][0] + mixes[i][1] + (mixes[i][2] ? mixes[i][2] - 1 : 0));
        if ((strstr(got, "too many errors") != NULL) != (total > 1000))
            fail_msg("mix %zu: %zu errors, and:\n%s", i, total, got);
        free(got);
        free(yaml);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suite_files),   cmocka_unit_test(test_languages_last),
        cmocka_unit_test(test_repeated_keys), cmocka_unit_test(test_broken_after_items),
        cmocka_unit_test(test_error_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
