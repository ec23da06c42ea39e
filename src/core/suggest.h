/* suggest.h - "did you mean": the edit distance between two words and the nearest of a set
 * of candidates, for messages about misspelt keys, ids and values. */
#ifndef MESOSCREEN_SUGGEST_H
#define MESOSCREEN_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* Words longer than this (in bytes) are never compared: no id or key is that long. */
#define SUGGEST_MAX_LEN 64

/* The Levenshtein distance between a[0..na) and b[0..nb), or with transpositions the optimal
 * string alignment distance (swapping two adjacent bytes costs 1). SIZE_MAX when either is
 * longer than SUGGEST_MAX_LEN. */
size_t suggest_distance(const char *a, size_t na, const char *b, size_t nb, bool transpositions);

/* How near a candidate must be to count as a likely typo of the word (each caller keeps the
 * rule its messages were written and tested with). */
enum suggest_bound {
    SUGGEST_BY_CANDIDATE, /* with transpositions: 1 for a candidate of up to 4 bytes, 2 up to
                           * 8, 3 beyond (the loader's keys and words) */
    SUGGEST_BY_WORD,      /* Levenshtein: 1 for a word of up to 3 bytes, 2 up to 6, 3 beyond
                           * (the validator's ids) */
    SUGGEST_BY_WORD_THIRD /* Levenshtein: a third of the word's length, plus 1 (the answers
                           * file's keys and question ids) */
};

/* The candidate nearest to word[0..len) within the bound, the first of equals; NULL when
 * there is none. name(set, i) gives candidate i of n; the result points into the set. */
const char *suggest_nearest(const char *word, size_t len, enum suggest_bound bound,
                            const char *(*name)(const void *set, size_t i), const void *set,
                            size_t n);

/* The same for an array of n NUL-terminated words. */
const char *suggest_among(const char *word, size_t len, enum suggest_bound bound,
                          const char *const *words, size_t n);

#endif
