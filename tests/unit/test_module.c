/* test_module.c - optional modules load from beside the program; a missing module or symbol is
 * an error message, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "module.h"
#include "module_probe.h"

static void test_found(void **state)
{
    (void)state;
    char *err = NULL;
    const struct module_probe *probe = module_symbol("probe", "module_probe", &err);
    assert_null(err);
    assert_non_null(probe);
    assert_int_equal(probe->answer(), 42);
    /* the second look-up reuses the loaded module */
    assert_ptr_equal(module_symbol("probe", "module_probe", &err), probe);
}

/* A table of another interface is refused, naming both. */
static void test_table(void **state)
{
    (void)state;
    char *err = NULL;
    const struct module_probe *probe =
        module_table("probe", "module_probe", MODULE_PROBE_ABI, &err);
    assert_null(err);
    assert_non_null(probe);
    assert_int_equal(probe->answer(), 42);
    assert_null(module_table("probe", "module_probe", MODULE_PROBE_ABI + 1, &err));
    assert_non_null(strstr(err, "the probe module (mesoscreen-probe.so) was built for another "
                                "version of mesoscreen (interface 7, this program needs 8)"));
    free(err);
}

static void test_missing_symbol(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(module_symbol("probe", "no_such_symbol", &err));
    assert_non_null(strstr(err, "the probe module lacks no_such_symbol"));
    free(err);
}

static void test_missing_module(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(module_symbol("absent", "anything", &err));
    assert_non_null(strstr(err, "the absent module (mesoscreen-absent.so) is not installed"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_found),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_missing_symbol),
        cmocka_unit_test(test_missing_module),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
