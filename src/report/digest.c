/* digest.c - SHA-256 through nettle: the report names exactly which questionnaire it used. */
#include "digest.h"

#include <nettle/sha2.h>
#include <string.h>

void digest_sha256_hex(const void *data, size_t len, char hex[DIGEST_HEX_LEN + 1])
{
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t sum[SHA256_DIGEST_SIZE];

    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof sum, sum);
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[sum[i] >> 4];
        hex[2 * i + 1] = digits[sum[i] & 15];
    }
    hex[DIGEST_HEX_LEN] = '\0';
}

void digest_questionnaire_hex(const struct questionnaire *q, char hex[DIGEST_HEX_LEN + 1])
{
    if (q->source_sha256) {
        memcpy(hex, q->source_sha256, DIGEST_HEX_LEN);
        hex[DIGEST_HEX_LEN] = '\0';
        return;
    }
    digest_sha256_hex(q->source ? q->source : "", q->source ? q->source_len : 0, hex);
}
