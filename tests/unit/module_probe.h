/* module_probe.h - the table that the test module exports. */
#ifndef MESOSCREEN_MODULE_PROBE_H
#define MESOSCREEN_MODULE_PROBE_H

struct module_probe {
    int (*answer)(void);
};

extern const struct module_probe module_probe;

#endif
