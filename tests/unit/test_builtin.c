/* test_builtin.c - the built-in questionnaire compiled at build time (tools/builtin_gen.c) is
 * the model the loader and validator make of its YAML at run time: every question, option,
 * condition, finding, label and place, in every language, compared through model_dump, which
 * prints every field of model.h. Its digest is the SHA-256 of the bytes show-default prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "builtin.h"
#include "digest.h"
#include "loader.h"
#include "model_dump.h"
#include "validator.h"
#include "xalloc.h"

static struct questionnaire *load_yaml(void)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q),
                     LOAD_OK);
    assert_true(validator_check(q, &d));
    assert_int_equal(d.n, 0);
    diags_clear(&d);
    return q;
}

/* Fails naming the first line where the dumps differ (a dump is about 1 MB). */
static void assert_same_dump(const char *want, const char *got)
{
    size_t line = 1, i = 0;
    for (; want[i] && want[i] == got[i]; i++)
        line += want[i] == '\n';
    if (want[i] == got[i])
        return;
    size_t start = i;
    while (start > 0 && want[start - 1] != '\n')
        start--;
    fail_msg("the dumps differ at line %zu:\n  loaded:   %.200s\n  compiled: %.200s", line,
             want + start, got + start);
}

static void test_compiled_equals_loaded(void **state)
{
    (void)state;
    struct questionnaire *loaded = load_yaml();
    struct questionnaire *compiled = builtin_questionnaire();
    assert_true(compiled->compiled);
    assert_true(compiled->resolved);
    char *want = model_dump(loaded), *got = model_dump(compiled);
    assert_same_dump(want, got);
    assert_true(strlen(want) > builtin_yaml_len); /* the model, not just its source */
    free(want);
    free(got);
    model_free(loaded);
}

static void test_digest_is_of_the_bytes(void **state)
{
    (void)state;
    const struct questionnaire *q = builtin_questionnaire();
    assert_ptr_equal(q->source, builtin_yaml);
    assert_int_equal(q->source_len, builtin_yaml_len);
    char want[DIGEST_HEX_LEN + 1], got[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(builtin_yaml, builtin_yaml_len, want);
    digest_questionnaire_hex(q, got);
    assert_string_equal(got, want);
    assert_string_equal(q->source_sha256, want);
}

/* The dump sees a change anywhere: a Spanish option help, a resolved index deep in a
 * condition, a place, a label. */
static void test_dump_sees_every_change(void **state)
{
    (void)state;
    struct questionnaire *q = load_yaml();
    char *before = model_dump(q);
    struct question *with_options = NULL;
    struct cond *leaf = NULL;
    for (size_t i = 0; i < q->n_questions && (!with_options || !leaf); i++) {
        struct question *qn = &q->questions[i];
        if (qn->n_options && !with_options)
            with_options = qn;
        if (qn->when && qn->when->n_values && !leaf)
            leaf = qn->when;
    }
    assert_non_null(with_options);
    assert_non_null(leaf);

    char **es = &with_options->options[0].text.by_lang[1];
    char *saved = *es;
    *es = xstrdup(saved ? "otro texto" : "nuevo");
    char *after = model_dump(q);
    assert_string_not_equal(before, after);
    free(after);
    free(*es);
    *es = saved;

    leaf->values[0].index++;
    after = model_dump(q);
    assert_string_not_equal(before, after);
    free(after);
    leaf->values[0].index--;

    q->questions[0].loc.col++;
    after = model_dump(q);
    assert_string_not_equal(before, after);
    free(after);
    q->questions[0].loc.col--;

    after = model_dump(q);
    assert_string_equal(before, after); /* everything restored */
    free(after);
    free(before);
    model_free(q);
}

/* The compiled model is static data: freeing it is a no-op and it stays usable. */
static void test_compiled_is_never_freed(void **state)
{
    (void)state;
    struct questionnaire *q = builtin_questionnaire();
    model_free(q);
    assert_ptr_equal(builtin_questionnaire(), q);
    assert_true(q->n_questions > 0);
    assert_non_null(q->questions[0].id);
}

/* Dropping the bytes (as `check` does once loaded) leaves the model whole: a loaded one equals
 * the compiled one but for its source; the compiled one keeps its bytes. */
static void test_drop_source(void **state)
{
    (void)state;
    struct questionnaire *q = load_yaml();
    model_drop_source(q);
    assert_null(q->source);
    assert_int_equal(q->source_len, 0);
    struct questionnaire *b = builtin_questionnaire();
    assert_int_equal(q->n_questions, b->n_questions);
    assert_string_equal(q->questions[q->n_questions - 1].id, b->questions[b->n_questions - 1].id);
    model_free(q);
    model_drop_source(b);
    assert_non_null(b->source);
    assert_int_equal(b->source_len, builtin_yaml_len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compiled_equals_loaded),
        cmocka_unit_test(test_digest_is_of_the_bytes),
        cmocka_unit_test(test_dump_sees_every_change),
        cmocka_unit_test(test_compiled_is_never_freed),
        cmocka_unit_test(test_drop_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
