/* option_keys.h - the key that picks each offered answer of a question, the same on screen
 * (shown beside the answer) and in the plain prompts: yes/no/unknown by the letters of the
 * screening's language, options by their declared `key` (a staging scale by its grades) or
 * else by position, 1-9. */
#ifndef MESOSCREEN_OPTION_KEYS_H
#define MESOSCREEN_OPTION_KEYS_H

#include <stddef.h>
#include <wchar.h>

#include "session.h"

/* The key of the answer shown at position pos among those offered for question qi, or 0
 * when it has none (an unkeyed option past the ninth: arrows only). */
wint_t option_keys_key(const struct session *s, size_t qi, size_t pos);

/* The answer (option index; yes/no/unknown as YESNO_*) that key k picks on question qi, or
 * -1. Letters match in either case; on yes/no questions the English y/n/u are accepted too
 * where the language's letters do not give them another meaning. */
int option_keys_option(const struct session *s, size_t qi, wint_t k);

/* The keys of the offered answers for the key line, runs of digits shortened: "1-4",
 * "1-3,v,4-7". The caller frees it. */
char *option_keys_summary(const struct session *s, size_t qi);

#endif
