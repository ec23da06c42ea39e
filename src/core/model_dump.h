/* model_dump.h - the questionnaire model as canonical text: every field of every structure of
 * model.h, one per line with its path (`questions[3].options[1].text[es] "..."`). Two models
 * are equal exactly when their dumps are, which is how the test of the built-in questionnaire
 * proves the model compiled at build time equals the one loaded from its YAML.
 *
 * Whoever adds a field to model.h adds it here too (a _Static_assert on each structure's size
 * in model_dump.c stops the build until then) and to the generator of the compiled model
 * (tools/builtin_gen.c), or the built-in's equality test fails. */
#ifndef MESOSCREEN_MODEL_DUMP_H
#define MESOSCREEN_MODEL_DUMP_H

#include "model.h"

/* The dump of q, which the caller frees. Covers everything but how the model is held in
 * memory (`arena`, `compiled`) and the digest of its source computed ahead (`source_sha256`):
 * the source bytes themselves are in it. */
char *model_dump(const struct questionnaire *q);

#endif
