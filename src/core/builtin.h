/* builtin.h - the hair-mesotherapy questionnaire compiled into the binary
 * (questionnaires/hair-mesotherapy.yaml, embedded by cmake/embed.cmake). */
#ifndef MESOSCREEN_BUILTIN_H
#define MESOSCREEN_BUILTIN_H

#include <stddef.h>

/* The exact bytes of the file, followed by a NUL that builtin_yaml_len does not count. */
extern const char *const builtin_yaml;
extern const size_t builtin_yaml_len;

/* The name diagnostics and reports use for it. */
#define BUILTIN_NAME "<built-in>/hair-mesotherapy.yaml"

#endif
