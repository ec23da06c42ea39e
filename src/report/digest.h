/* digest.h - SHA-256 of a questionnaire's source, as the report header and journal show it. */
#ifndef MESOSCREEN_DIGEST_H
#define MESOSCREEN_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define DIGEST_HEX_LEN     64
#define DIGEST_SHA256_SIZE 32 /* bytes of a SHA-256 */

/* A SHA-256 being computed over data given in pieces: digest_sha256_init, then
 * digest_sha256_update any number of times, then digest_sha256_final once. No allocation. */
struct digest_sha256 {
    uint32_t h[8];
    uint8_t block[64]; /* the bytes of the block not yet complete */
    size_t used;       /* how many of them */
    uint64_t total;    /* bytes given so far */
};
void digest_sha256_init(struct digest_sha256 *s);
void digest_sha256_update(struct digest_sha256 *s, const void *data, size_t len);
/* Writes the digest of everything given into out; s is spent. */
void digest_sha256_final(struct digest_sha256 *s, uint8_t out[DIGEST_SHA256_SIZE]);

/* Writes the lowercase hex SHA-256 of data[0..len) and a NUL into hex (65 bytes). */
void digest_sha256_hex(const void *data, size_t len, char hex[DIGEST_HEX_LEN + 1]);

/* The same for q's source (the empty string when it has none), or the digest computed ahead
 * when q carries one (q->source_sha256: the built-in, at build time). */
void digest_questionnaire_hex(const struct questionnaire *q, char hex[DIGEST_HEX_LEN + 1]);

#endif
