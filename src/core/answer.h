/* answer.h - one answer to one question, and turning text into an answer.
 * Shared by the answers file, the plain prompts and the curses screens. */
#ifndef MESOSCREEN_ANSWER_H
#define MESOSCREEN_ANSWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct answer {
    bool given;
    int choice;        /* QTYPE_YESNO (YESNO_*), QTYPE_CHOICE: option index */
    uint64_t selected; /* QTYPE_MULTI: bit i set = option i picked */
    long long number;  /* QTYPE_NUMBER */
    char *text;        /* QTYPE_TEXT: owned by whoever owns the answer */
};

/* Checks that a is a valid answer to qn: an option index in range, a non-empty multi set
 * where an exclusive option stands alone, a number within [min, max], valid UTF-8 text
 * without control characters but newline and tab. Returns NULL when valid, otherwise a
 * static message ("must be between 0 and 120"). */
const char *answer_check(const struct question *qn, const struct answer *a);

/* Parses one scalar as written by a user (an option value, a whole number, or text) into
 * *out, for every type but QTYPE_MULTI (use answer_parse_multi). Returns NULL on success,
 * otherwise a message the caller frees, naming the value and what is allowed. The value is
 * taken exactly as written: nothing is trimmed and option values are case-sensitive ("yes",
 * not "Yes"), so a caller reading lines strips the line ending itself. A number is an
 * optional sign and decimal digits. */
char *answer_parse(const struct question *qn, const char *s, struct answer *out);

/* Parses a list of option values for a QTYPE_MULTI question. Same contract. */
char *answer_parse_multi(const struct question *qn, const char *const *values, size_t n,
                         struct answer *out);

/* Describes what qn accepts, e.g. "yes, no or unknown", "a whole number from 0 to 120".
 * The caller frees it. */
char *answer_allowed(const struct question *qn);

/* The answer as text in the stable vocabulary: option values ("aspirin, prp" for multi,
 * in option order), the number, or the text. The caller frees it. */
char *answer_format(const struct question *qn, const struct answer *a);

/* The answer qn's `default` stands for (resolved by the validator), in *out; false, with *out
 * not given, when qn has no default. Nothing to free. */
bool answer_default(const struct question *qn, struct answer *out);

/* Deep copy (text duplicated; dst's earlier contents are not freed: clear it first) and
 * release (frees text, resets to not given). */
void answer_copy(struct answer *dst, const struct answer *src);
void answer_clear(struct answer *a);

#endif
