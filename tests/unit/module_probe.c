/* module_probe.c - a tiny optional module for test_module: like every module, it exports one
 * constant table of functions, headed by its interface and build, found by name with
 * module_table. */
#include "module_probe.h"

static int answer(void)
{
    return 42;
}

const struct module_probe module_probe = {.head = {MODULE_PROBE_ABI, MESOSCREEN_VERSION},
                                          .answer = answer};
