/* suggest.c - the nearest candidate to a misspelt word by edit distance, for the "did you
 * mean" of every parser and the validator. */
#include "suggest.h"

#include <stdint.h>
#include <string.h>

size_t suggest_distance(const char *a, size_t na, const char *b, size_t nb, bool transpositions)
{
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN)
        return SIZE_MAX;
    /* Three rows of the matrix: i - 2 (for transpositions), i - 1 and i. */
    size_t rows[3][SUGGEST_MAX_LEN + 1];
    size_t *two = rows[0], *one = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        one[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t v = one[j - 1] + (a[i - 1] != b[j - 1]);
            if (one[j] + 1 < v)
                v = one[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                two[j - 2] + 1 < v)
                v = two[j - 2] + 1;
            cur[j] = v;
        }
        size_t *t = two;
        two = one;
        one = cur;
        cur = t;
    }
    return one[nb];
}

/* The largest distance that still counts as a typo. */
static size_t bound_of(enum suggest_bound bound, size_t word_len, size_t candidate_len)
{
    switch (bound) {
    case SUGGEST_BY_CANDIDATE:
        return candidate_len <= 4 ? 1 : candidate_len <= 8 ? 2 : 3;
    case SUGGEST_BY_WORD:
        return word_len <= 3 ? 1 : word_len <= 6 ? 2 : 3;
    case SUGGEST_BY_WORD_THIRD:
        return word_len / 3 + 1;
    }
    return 0;
}

const char *suggest_nearest(const char *word, size_t len, enum suggest_bound bound,
                            const char *(*name)(const void *set, size_t i), const void *set,
                            size_t n)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const char *c = name(set, i);
        size_t cl = strlen(c);
        size_t dist = suggest_distance(word, len, c, cl, bound == SUGGEST_BY_CANDIDATE);
        if (dist <= bound_of(bound, len, cl) && dist < best_d) {
            best = c;
            best_d = dist;
        }
    }
    return best;
}

static const char *word_at(const void *set, size_t i)
{
    return ((const char *const *)set)[i];
}

const char *suggest_among(const char *word, size_t len, enum suggest_bound bound,
                          const char *const *words, size_t n)
{
    return suggest_nearest(word, len, bound, word_at, words, n);
}
