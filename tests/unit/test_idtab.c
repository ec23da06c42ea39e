/* test_idtab.c - the table from ids to indexes: every id found among many (so that probes run
 * past collisions and wrap around the table), duplicates answered with the first, absent ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "idtab.h"
#include "xalloc.h"

enum { N_IDS = 1000 };

static const char *id_at(const void *set, size_t i)
{
    return ((char *const *)set)[i];
}

/* "q0", "q1", ... with ids[N_IDS - 1] a second "q7". */
static char **make_ids(void)
{
    char **ids = xcalloc(N_IDS, sizeof *ids);
    for (size_t i = 0; i + 1 < N_IDS; i++)
        ids[i] = xasprintf("q%zu", i);
    ids[N_IDS - 1] = xasprintf("q7");
    return ids;
}

static void free_ids(char **ids)
{
    for (size_t i = 0; i < N_IDS; i++)
        free(ids[i]);
    free(ids);
}

static void test_every_id_found(void **state)
{
    (void)state;
    char **ids = make_ids();
    struct idtab t;
    idtab_init(&t, N_IDS, id_at, ids);
    for (size_t i = 0; i + 1 < N_IDS; i++)
        assert_int_equal(idtab_put(&t, i), -1);
    for (size_t i = 0; i + 1 < N_IDS; i++)
        assert_int_equal(idtab_get(&t, ids[i]), (int)i);
    idtab_free(&t);
    free_ids(ids);
}

static void test_duplicate_keeps_first(void **state)
{
    (void)state;
    char **ids = make_ids();
    struct idtab t;
    idtab_init(&t, N_IDS, id_at, ids);
    for (size_t i = 0; i + 1 < N_IDS; i++)
        idtab_put(&t, i);
    assert_int_equal(idtab_put(&t, N_IDS - 1), 7);
    assert_int_equal(idtab_get(&t, "q7"), 7);
    idtab_free(&t);
    free_ids(ids);
}

static void test_absent(void **state)
{
    (void)state;
    char **ids = make_ids();
    struct idtab t;
    idtab_init(&t, N_IDS, id_at, ids);
    assert_int_equal(idtab_get(&t, "q1"), -1); /* empty */
    for (size_t i = 0; i + 1 < N_IDS; i++)
        idtab_put(&t, i);
    assert_int_equal(idtab_get(&t, "q1000"), -1);
    assert_int_equal(idtab_get(&t, ""), -1);
    assert_int_equal(idtab_get(&t, "Q1"), -1);
    idtab_free(&t);
    struct idtab zero = {0};
    assert_int_equal(idtab_get(&zero, "q1"), -1); /* a zeroed (freed) table */
    idtab_free(&zero);
    free_ids(ids);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_id_found),
        cmocka_unit_test(test_duplicate_keeps_first),
        cmocka_unit_test(test_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
