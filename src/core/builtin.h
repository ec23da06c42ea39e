/* builtin.h - the hair-mesotherapy questionnaire compiled into the binary: its YAML
 * (questionnaires/hair-mesotherapy.yaml, embedded by cmake/embed.cmake, for show-default and
 * its digest) and its model, loaded and validated at build time by tools/builtin_gen.c. */
#ifndef MESOSCREEN_BUILTIN_H
#define MESOSCREEN_BUILTIN_H

#include <stddef.h>

struct questionnaire;

/* The exact bytes of the file, followed by a NUL that builtin_yaml_len does not count. */
extern const char *const builtin_yaml;
extern const size_t builtin_yaml_len;

/* The name diagnostics and reports use for it. */
#define BUILTIN_NAME "<built-in>/hair-mesotherapy.yaml"

/* The built-in questionnaire's model, resolved (validated at build time) and with its
 * source_sha256: static data, the same on every call, that model_free leaves alone. Defined
 * in the generated builtin_model.c (the mesoscreen_builtin library). */
struct questionnaire *builtin_questionnaire(void);

#endif
