/* module_probe.h - the table that the test module exports. */
#ifndef MESOSCREEN_MODULE_PROBE_H
#define MESOSCREEN_MODULE_PROBE_H

#include "module.h"

#define MODULE_PROBE_ABI 7

struct module_probe {
    struct module_head head; /* MODULE_PROBE_ABI, this build */
    int (*answer)(void);
};

extern const struct module_probe module_probe;

#endif
