/* uuid.c - RFC 9562 UUIDs as text: random, or from 16 bytes of a hash. */
#include "uuid.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

void uuid_format(const unsigned char bytes[16], unsigned version, char out[UUID_STR_SIZE])
{
    unsigned char b[16];
    memcpy(b, bytes, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0f) | ((version & 0x0f) << 4));
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < sizeof b; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 0x0f];
    }
    out[o] = '\0';
}

bool uuid_random(char out[UUID_STR_SIZE])
{
    unsigned char b[16];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t n = getrandom(b + got, sizeof b - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        got += (size_t)n;
    }
    uuid_format(b, 4, out);
    return true;
}

bool uuid_valid(const char *s)
{
    if (!s || strlen(s) != UUID_STR_SIZE - 1)
        return false;
    for (size_t i = 0; i < UUID_STR_SIZE - 1; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    }
    return true;
}
