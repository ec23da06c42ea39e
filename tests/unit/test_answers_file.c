/* test_answers_file.c - reading answers files and walking with them: every bad input is a
 * FILE:LINE:COL diagnostic naming the question, the value and what is allowed. Runs on the
 * fixture model (fixture_model.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answers_file.h"
#include "fixture_model.h"
#include "walk.h"

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

/* What loading and applying `len` bytes of yaml printed, and whether it succeeded. */
struct run {
    enum load_status status;
    bool applied;
    char *out; /* the diagnostics as printed */
    struct answers_file *af;
    struct walk *w;
};

static struct run run_n(const char *yaml, size_t len)
{
    struct run r = {0};
    struct diags d = DIAGS_INIT;
    r.status = answers_file_load_buffer("a.yaml", yaml, len, &d, &r.af);
    if (r.status == LOAD_OK) {
        r.w = walk_new(q);
        r.applied = answers_file_apply(r.af, r.w, &d);
    }
    size_t size;
    FILE *f = open_memstream(&r.out, &size);
    assert_non_null(f);
    diags_sort(&d);
    diags_print(&d, f);
    fclose(f);
    diags_clear(&d);
    return r;
}

static struct run run(const char *yaml)
{
    return run_n(yaml, strlen(yaml));
}

static void run_free(struct run *r)
{
    walk_free(r->w);
    answers_file_free(r->af);
    free(r->out);
}

/* Loading or applying yaml fails with exactly the diagnostics `expected`. */
static void assert_fails(const char *yaml, const char *expected)
{
    struct run r = run(yaml);
    assert_false(r.status == LOAD_OK && r.applied);
    assert_string_equal(r.out, expected);
    run_free(&r);
}

#define MALE_BASE                                                                                  \
    "answers:\n"                                                                                   \
    "  sex: male\n"                                                                                \
    "  age: 40\n"                                                                                  \
    "  scalp: [none]\n"                                                                            \
    "  diagnosis_done: yes\n"                                                                      \
    "  diagnosis: androgenetic\n"

static void test_complete_file(void **state)
{
    (void)state;
    struct run r = run("patient: P-0042\n"
                       "practitioner: Dr. Ruiz\n"
                       "answers:\n"
                       "  sex: female\n"
                       "  age: 34\n"
                       "  pregnant: \"no\"\n"
                       "  scalp: [infection, psoriasis]\n"
                       "  diagnosis_done: yes\n"
                       "  diagnosis: androgenetic\n"
                       "  stage: ludwig_1\n"
                       "  notes: \"free text\"\n");
    assert_int_equal(r.status, LOAD_OK);
    assert_true(r.applied);
    assert_string_equal(r.out, "");
    assert_string_equal(r.af->patient, "P-0042");
    assert_string_equal(r.af->practitioner, "Dr. Ruiz");
    assert_true(walk_complete(r.w));
    assert_int_equal(walk_get(r.w, FX_AGE)->number, 34);
    assert_int_equal(walk_get(r.w, FX_PREGNANT)->choice, YESNO_NO);
    assert_int_equal(walk_get(r.w, FX_SCALP)->selected, 0x6);
    assert_int_equal(walk_get(r.w, FX_STAGE)->choice, 2);
    assert_string_equal(walk_get(r.w, FX_NOTES)->text, "free text");
    run_free(&r);
}

static void test_optional_and_quoted(void **state)
{
    (void)state;
    /* no patient, no notes; a quoted number is still a number */
    struct run r = run("answers:\n  sex: other\n  age: \"18\"\n  pregnant: unknown\n"
                       "  scalp: [none]\n  diagnosis_done: 'no'\n  notes:\n");
    assert_true(r.applied);
    assert_string_equal(r.out, "");
    assert_null(r.af->patient);
    assert_true(walk_complete(r.w));
    assert_false(walk_get(r.w, FX_NOTES)->given);
    run_free(&r);
}

/* A single value without brackets answers a multi question as a one-element list
 * (product.md 3); a question with a default may be left out and stays unanswered. */
static void test_bare_multi_value_and_default(void **state)
{
    (void)state;
    struct run r = run("answers:\n  sex: other\n  age: 40\n  pregnant: no\n"
                       "  scalp: infection\n  diagnosis_done: 'no'\n");
    assert_true(r.applied);
    assert_string_equal(r.out, "");
    assert_true(walk_get(r.w, FX_SCALP)->given);
    assert_int_equal(walk_get(r.w, FX_SCALP)->selected,
                     UINT64_C(1) << model_find_option(&q->questions[FX_SCALP], "infection"));
    run_free(&r);

    q->questions[FX_PREGNANT].required = false;
    q->questions[FX_PREGNANT].default_mask = UINT64_C(1) << YESNO_NO;
    r = run("answers:\n  sex: other\n  age: 40\n  scalp: [none]\n  diagnosis_done: 'no'\n");
    assert_true(r.applied);
    assert_string_equal(r.out, "");
    assert_true(walk_reached(r.w, FX_PREGNANT));
    assert_false(walk_get(r.w, FX_PREGNANT)->given);
    assert_true(walk_complete(r.w));
    run_free(&r);
    q->questions[FX_PREGNANT].required = true;
    q->questions[FX_PREGNANT].default_mask = 0;
}

static void test_ignored_answers_warn(void **state)
{
    (void)state;
    struct run r = run(MALE_BASE "  stage: norwood_2\n"
                                 "  pregnant: yes\n");
    assert_true(r.applied);
    assert_string_equal(r.out, "a.yaml:8:3: warning: answer to 'pregnant' ignored: the question "
                               "is not asked for these answers\n");
    assert_false(walk_reached(r.w, FX_PREGNANT));
    run_free(&r);
}

static void test_unknown_question(void **state)
{
    (void)state;
    assert_fails(MALE_BASE "  stage: norwood_2\n"
                           "  stgae: norwood_2\n"
                           "  hair_colour: red\n",
                 "a.yaml:8:3: error: unknown question 'stgae' (did you mean 'stage'?)\n"
                 "a.yaml:9:3: error: unknown question 'hair_colour' in questionnaire "
                 "'fixture'\n");
}

static void test_missing_required(void **state)
{
    (void)state;
    assert_fails("answers:\n  sex: female\n  scalp: [none]\n  diagnosis_done: yes\n"
                 "  diagnosis: androgenetic\n",
                 "a.yaml:1:1: error: no answer to required question 'age' (expected a whole "
                 "number from 0 to 120)\n"
                 "a.yaml:1:1: error: no answer to required question 'pregnant' (expected yes, "
                 "no or unknown)\n"
                 "a.yaml:1:1: error: no answer to required question 'stage' (expected ludwig_1 "
                 "or ludwig_3)\n");
}

static void test_values_not_allowed(void **state)
{
    (void)state;
    assert_fails(MALE_BASE "  stage: ludwig_1\n",
                 "a.yaml:7:10: error: 'ludwig_1' is not offered for 'stage' with these answers: "
                 "expected norwood_2 or norwood_6\n");
    assert_fails("answers:\n  sex: male\n  age: 34.5\n  scalp: [none, infection]\n"
                 "  diagnosis_done: maybe\n",
                 "a.yaml:3:8: error: '34.5' is not a whole number: 'age' expects a whole number "
                 "from 0 to 120\n"
                 "a.yaml:4:11: error: 'none' must stand alone in the answer to 'scalp': it "
                 "cannot be combined with other values\n"
                 "a.yaml:5:19: error: 'maybe' is not an answer to 'diagnosis_done': expected "
                 "yes, no or unknown\n");
    assert_fails("answers:\n  sex: male\n  age: 150\n  scalp: none\n  diagnosis_done: [yes]\n",
                 "a.yaml:3:8: error: 150 is out of range for 'age': expected a whole number "
                 "from 0 to 120\n"
                 "a.yaml:5:19: error: 'diagnosis_done' takes a single value, not a list: "
                 "expected yes, no or unknown\n");
    assert_fails("answers:\n  sex:\n  age: 3\n  scalp: [none, lice]\n  diagnosis_done: no\n",
                 "a.yaml:2:7: error: no value given for 'sex': expected female, male or other\n"
                 "a.yaml:4:17: error: 'lice' is not an answer to 'scalp': expected none, "
                 "infection or psoriasis\n");
    assert_fails("answers:\n  sex: male\n  age: 3\n  scalp: []\n  diagnosis_done: no\n"
                 "  notes: \"ring \\a\"\n",
                 "a.yaml:4:10: error: 'scalp' needs at least one value: expected a list of one "
                 "or more of none, infection or psoriasis\n"
                 "a.yaml:6:10: error: the answer to 'notes' contains a control character\n");
    assert_fails("answers:\n  sex: {a: b}\n  age: [[1]]\n",
                 "a.yaml:2:8: error: the answer to 'sex' must be a value or a list, not a map\n"
                 "a.yaml:3:9: error: the answer to 'age' must list values, not a list\n");
}

static void test_structure(void **state)
{
    (void)state;
    assert_fails("patient: P-1\npatient: P-2\nanswer: {}\n",
                 "a.yaml:1:1: error: missing key 'answers': the answers by question id\n"
                 "a.yaml:2:1: error: duplicate key 'patient' (first given at line 1)\n"
                 "a.yaml:3:1: error: unknown key 'answer' (did you mean 'answers'?)\n");
    assert_fails(MALE_BASE "  age: 41\n  age: 42\n",
                 "a.yaml:7:3: error: duplicate answer to 'age' (first given at line 3)\n"
                 "a.yaml:8:3: error: duplicate answer to 'age' (first given at line 3)\n");
    assert_fails("- answers\n", "a.yaml:1:1: error: an answers file is a map with 'patient', "
                                "'practitioner' and 'answers', not a list\n");
    assert_fails("", "a.yaml:1:1: error: the answers file is empty: expected a map with "
                     "'answers'\n");
    assert_fails("# only a comment\n", "a.yaml:1:1: error: the answers file is empty: expected "
                                       "a map with 'answers'\n");
    assert_fails("answers: {}\n---\nanswers: {}\n",
                 "a.yaml:2:1: error: an answers file holds one YAML document, not several\n");
    assert_fails("answers: 3\n", "a.yaml:1:10: error: 'answers' must be a map of question id "
                                 "to answer, not a value\n");
    assert_fails("patient: [a]\npractitioner: ''\nanswers:\n  sex: male\n",
                 "a.yaml:1:10: error: 'patient' must be a text, not a list\n"
                 "a.yaml:2:15: error: 'practitioner' is empty: give a value or leave the key "
                 "out\n");
    assert_fails("patient: \"P\\e[2J\"\nanswers: {}\n",
                 "a.yaml:1:10: error: 'patient' contains a control character: 'P\\x1B[2J'\n");
}

static void test_yaml_hazards(void **state)
{
    (void)state;
    assert_fails("answers:\n  sex: &s male\n",
                 "a.yaml:2:8: error: YAML anchors are not allowed in an answers file\n");
    assert_fails("x: &a 1\nanswers:\n  sex: *a\n",
                 "a.yaml:1:4: error: YAML anchors are not allowed in an answers file\n");
    assert_fails("answers:\n  sex: !!str male\n",
                 "a.yaml:2:8: error: YAML tags are not allowed in an answers file\n");
    assert_fails("answers: [\n", "a.yaml:2:1: error: malformed YAML: did not find expected node "
                                 "content while parsing a flow node\n");
    assert_fails("answers:\n  notes: \"a\\0b\"\n",
                 "a.yaml:2:10: error: a NUL character is not allowed here\n");

    /* invalid UTF-8 and raw control characters: libyaml refuses them with their place */
    assert_fails("answers:\n  notes: caf\xc3\n",
                 "a.yaml:2:14: error: not valid UTF-8 (invalid trailing UTF-8 octet)\n");
    assert_fails("answers:\n  notes: \xff\n",
                 "a.yaml:2:10: error: not valid UTF-8 (invalid leading UTF-8 octet)\n");
    assert_fails("answers:\n  notes: a\x01\n",
                 "a.yaml:2:11: error: control character 0x01 is not allowed\n");
    struct run r = run_n("answers:\n  notes: a\0b\n", 20);
    assert_int_equal(r.status, LOAD_BAD_DATA);
    assert_string_equal(r.out, "a.yaml:2:11: error: control character 0x00 is not allowed\n");
    run_free(&r);

    /* nesting: 32 levels (the document's map, answers, 30 lists) parse, and are refused as an
     * answer; a 33rd level is refused by the parser */
    assert_fails(
        "answers:\n  notes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        "a.yaml:2:11: error: the answer to 'notes' must list values, not a list\n");
    char deep[200];
    size_t n = 0;
    n += (size_t)sprintf(deep, "answers:\n  notes: ");
    for (int i = 0; i < 32; i++)
        deep[n++] = '[';
    deep[n] = '\0';
    r = run(deep);
    assert_int_equal(r.status, LOAD_BAD_DATA);
    assert_string_equal(r.out, "a.yaml:2:40: error: nesting deeper than 32 levels\n");
    run_free(&r);
}

static void test_size_bound(void **state)
{
    (void)state;
    size_t len = ANSWERS_FILE_MAX_BYTES + 1;
    char *big = xmalloc(len);
    memset(big, '#', len);
    struct run r = run_n(big, len);
    assert_int_equal(r.status, LOAD_BAD_DATA);
    assert_string_equal(r.out,
                        "a.yaml:1:1: error: the file is larger than 1048576 bytes: not an answers "
                        "file\n");
    run_free(&r);
    free(big);
}

static void test_error_cap(void **state)
{
    (void)state;
    /* thousands of unknown questions: the first ANSWERS_FILE_MAX_ERRORS, then one line */
    size_t cap = 64 * 1024, n = 0;
    char *yaml = xmalloc(cap);
    n += (size_t)snprintf(yaml, cap, "answers:\n");
    for (int i = 0; n + 32 < cap; i++)
        n += (size_t)snprintf(yaml + n, cap - n, "  q%d: 1\n", i);
    struct run r = run_n(yaml, n);
    assert_false(r.applied);
    size_t lines = 0;
    for (const char *p = r.out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, ANSWERS_FILE_MAX_ERRORS + 1);
    assert_non_null(strstr(r.out, "a.yaml: error: too many errors; the rest is not examined\n"));
    run_free(&r);
    free(yaml);
}

/* The same bound while reading: thousands of duplicate answers. */
static void test_error_cap_while_reading(void **state)
{
    (void)state;
    size_t cap = 64 * 1024, n = 0;
    char *yaml = xmalloc(cap);
    n += (size_t)snprintf(yaml, cap, "answers:\n");
    while (n + 16 < cap)
        n += (size_t)snprintf(yaml + n, cap - n, "  age: 1\n");
    struct run r = run_n(yaml, n);
    assert_int_equal(r.status, LOAD_BAD_DATA);
    size_t lines = 0;
    for (const char *p = r.out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, ANSWERS_FILE_MAX_ERRORS + 1);
    assert_non_null(strstr(r.out, "a.yaml:3:3: error: duplicate answer to 'age' (first given "
                                  "at line 2)\n"));
    assert_non_null(strstr(r.out, "a.yaml: error: too many errors; the rest is not examined\n"));
    run_free(&r);
    free(yaml);
}

static void test_files(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    struct answers_file *af = NULL;
    assert_int_equal(answers_file_load("/nonexistent/answers.yaml", &d, &af), LOAD_IO_ERROR);
    assert_null(af);
    assert_int_equal(d.n_errors, 1);
    assert_int_equal(d.items[0].line, 0);
    diags_clear(&d);

    char path[] = TEST_BINARY_DIR "/test_answers_file.yaml";
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(MALE_BASE "  stage: norwood_6\n", f);
    fclose(f);
    assert_int_equal(answers_file_load(path, &d, &af), LOAD_OK);
    assert_string_equal(af->file, path);
    struct walk *w = walk_new(q);
    assert_true(answers_file_apply(af, w, &d));
    assert_int_equal(d.n, 0);
    assert_int_equal(walk_get(w, FX_STAGE)->choice, 1);
    walk_free(w);
    answers_file_free(af);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete_file),
        cmocka_unit_test(test_optional_and_quoted),
        cmocka_unit_test(test_bare_multi_value_and_default),
        cmocka_unit_test(test_ignored_answers_warn),
        cmocka_unit_test(test_unknown_question),
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_values_not_allowed),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_yaml_hazards),
        cmocka_unit_test(test_size_bound),
        cmocka_unit_test(test_error_cap),
        cmocka_unit_test(test_error_cap_while_reading),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
