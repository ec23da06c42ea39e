/* digest.h - SHA-256 of a questionnaire's source, as the report header and journal show it. */
#ifndef MESOSCREEN_DIGEST_H
#define MESOSCREEN_DIGEST_H

#include <stddef.h>

#include "model.h"

#define DIGEST_HEX_LEN 64

/* Writes the lowercase hex SHA-256 of data[0..len) and a NUL into hex (65 bytes). */
void digest_sha256_hex(const void *data, size_t len, char hex[DIGEST_HEX_LEN + 1]);

/* The same for q's source (the empty string when it has none), or the digest computed ahead
 * when q carries one (q->source_sha256: the built-in, at build time). */
void digest_questionnaire_hex(const struct questionnaire *q, char hex[DIGEST_HEX_LEN + 1]);

#endif
