/* uuid.h - RFC 9562 UUIDs as text: random ones (a screening's identifier, minted when it
 * starts) and ones built from a hash (names derived from content). */
#ifndef MESOSCREEN_UUID_H
#define MESOSCREEN_UUID_H

#include <stdbool.h>

#define UUID_STR_SIZE 37 /* 36 characters and the NUL */

/* A random (version 4) UUID in lower-case hex with dashes, from the kernel's random source.
 * Returns false (out untouched) when no randomness can be had. */
bool uuid_random(char out[UUID_STR_SIZE]);

/* The UUID of 16 bytes, with its version nibble set to `version` (4 random, 8 custom, e.g.
 * a truncated SHA-256) and the RFC 9562 variant bits. */
void uuid_format(const unsigned char bytes[16], unsigned version, char out[UUID_STR_SIZE]);

/* Whether s is a UUID as uuid_format writes it (36 characters, lower-case hex, dashes at
 * 8, 13, 18 and 23). */
bool uuid_valid(const char *s);

#endif
