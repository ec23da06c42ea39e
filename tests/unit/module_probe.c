/* module_probe.c - a tiny optional module for test_module: like every module, it exports one
 * constant table of functions, found by name with module_symbol. */
#include "module_probe.h"

static int answer(void)
{
    return 42;
}

const struct module_probe module_probe = {.answer = answer};
