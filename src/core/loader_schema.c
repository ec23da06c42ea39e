/* loader_schema.c - the loader's readers of scalars, words and texts, and the table-driven
 * conversion of a mapping into a model struct (struct schema). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"
#include "suggest.h"
#include "arena.h"

/* "a, b, c" into buf. */
const char *loader_join(char *buf, size_t size, const char *const *words, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", words[i]);
    return buf;
}

/* Reports an unknown word (key or enum value) with the nearest valid one, or the list. */
void loader_unknown_word(struct loader *l, const struct yamltree_node *n, const char *what,
                         const char *where, const char *const *valid, size_t n_valid)
{
    char b[QUOTE_SIZE], list[400];
    const char *near = suggest_among(n->str, n->n, SUGGEST_BY_CANDIDATE, valid, n_valid);
    if (near)
        loader_error(l, n, "unknown %s %s%s; did you mean '%s'?", what, QUOTE(b, n), where, near);
    else
        loader_error(l, n, "unknown %s %s%s; expected one of: %s", what, QUOTE(b, n), where,
                     loader_join(list, sizeof list, valid, n_valid));
}

/* ---- scalars ---- */

/* True when n is of the kind wanted (and not nothing); else reports "expected PREFIX WHAT,
 * found ..." unless n stands for something already reported. The message is only built when
 * needed: this runs for every node of every questionnaire. */
bool loader_expect_as(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                      const char *prefix, const char *what)
{
    if (n->kind == kind && !n->is_null)
        return true;
    if (n->kind == YAMLTREE_TAKEN) { /* an item read ahead where the walk expected none */
        l->restart = true;
        return false;
    }
    if (n->kind != YAMLTREE_BAD) {
        char b[QUOTE_SIZE];
        loader_error(l, n, "expected %s%s, found %s", prefix, what, DESCRIBE(b, n));
    }
    return false;
}

bool loader_expect(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                   const char *what)
{
    return loader_expect_as(l, n, kind, "", what);
}

static bool id_valid(const char *s, size_t n)
{
    if (n == 0 || n > 64 || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* An id (letters, digits, _ and -, starting with a letter, at most 64), or NULL. */
char *loader_id(struct loader *l, const struct yamltree_node *n, const char *what)
{
    if (!loader_expect(l, n, YAMLTREE_SCALAR, "an id"))
        return NULL;
    if (!id_valid(n->str, n->n)) {
        char b[QUOTE_SIZE];
        loader_error(l, n,
                     "invalid %s %s: use letters, digits, '_' and '-', starting with a letter "
                     "(at most 64 characters)",
                     what, QUOTE(b, n));
        return NULL;
    }
    return arena_strndup(l->q->arena, n->str, n->n);
}

char *loader_string(struct loader *l, const struct yamltree_node *n, const char *what)
{
    return loader_expect(l, n, YAMLTREE_SCALAR, what) ? arena_strndup(l->q->arena, n->str, n->n)
                                                      : NULL;
}

bool loader_bool(struct loader *l, const struct yamltree_node *n, bool *out)
{
    static const struct {
        const char *word;
        bool value;
    } words[] = {{"true", true}, {"false", false}, {"yes", true}, {"no", false}};
    if (!loader_expect(l, n, YAMLTREE_SCALAR, "true or false"))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(n->str, words[i].word) == 0) {
            *out = words[i].value;
            return true;
        }
    }
    char b[QUOTE_SIZE];
    loader_error(l, n, "expected true or false, found %s", QUOTE(b, n));
    return false;
}

/* The whole number a scalar spells (an optional sign and digits only), quietly. */
enum number_status loader_number_value(const struct yamltree_node *n, long long *out)
{
    if (n->kind != YAMLTREE_SCALAR)
        return NUMBER_NOT_WHOLE;
    size_t sign = n->str[0] == '-' || n->str[0] == '+';
    if (n->n == sign || strspn(n->str + sign, "0123456789") != n->n - sign)
        return NUMBER_NOT_WHOLE;
    errno = 0;
    long long v = strtoll(n->str, NULL, 10);
    if (errno == ERANGE)
        return NUMBER_RANGE;
    *out = v;
    return NUMBER_OK;
}

bool loader_number(struct loader *l, const struct yamltree_node *n, long long *out)
{
    if (!loader_expect(l, n, YAMLTREE_SCALAR, "a whole number"))
        return false;
    enum number_status st = loader_number_value(n, out);
    char b[QUOTE_SIZE];
    if (st == NUMBER_RANGE)
        loader_error(l, n, "number %s is out of range", QUOTE(b, n));
    else if (st == NUMBER_NOT_WHOLE)
        loader_error(l, n, "expected a whole number, found %s", QUOTE(b, n));
    return st == NUMBER_OK;
}

/* A word from a fixed vocabulary (model.h's _parse functions), or -1 after reporting it. */
int loader_word(struct loader *l, const struct yamltree_node *n, const char *what,
                int (*parse)(const char *), const char *(*name)(int), int count)
{
    if (!loader_expect_as(l, n, YAMLTREE_SCALAR, "a ", what))
        return -1;
    int v = parse(n->str);
    if (v >= 0 && strlen(n->str) == n->n)
        return v;
    const char *names[16];
    size_t n_names = 0;
    for (int i = 0; i < count && n_names < sizeof names / sizeof names[0]; i++)
        names[n_names++] = name(i);
    loader_unknown_word(l, n, what, "", names, n_names);
    return -1;
}

/* ---- texts ---- */

int loader_language_index(const struct questionnaire *q, const struct yamltree_node *n)
{
    for (size_t i = 0; i < q->n_languages; i++)
        if (strlen(q->languages[i]) == n->n && memcmp(q->languages[i], n->str, n->n) == 0)
            return (int)i;
    return -1;
}

/* A text: a string in the first language, or a mapping language -> string. */
void loader_text(struct loader *l, const struct yamltree_node *n, struct text *t)
{
    const struct questionnaire *q = l->q;
    t->loc = node_loc(n);
    if (n->kind == YAMLTREE_SCALAR && !n->is_null) {
        t->by_lang = arena_calloc(l->q->arena, MODEL_MAX_LANGUAGES, sizeof *t->by_lang);
        t->by_lang[0] = arena_strndup(l->q->arena, n->str, n->n);
        return;
    }
    if (!loader_expect(l, n, YAMLTREE_MAP, "a text (a string, or a mapping of language to string)"))
        return;
    t->by_lang = arena_calloc(l->q->arena, MODEL_MAX_LANGUAGES, sizeof *t->by_lang);
    bool first = false;
    for (size_t i = 0; i < n->n; i++) {
        const struct yamltree_node *k = &n->items[2 * i], *v = k + 1;
        if (k->skip)
            continue;
        int lang = loader_language_index(q, k);
        if (lang < 0) {
            char b[QUOTE_SIZE], list[200];
            loader_error(
                l, k, "unknown language %s in a text; the questionnaire's languages are: %s",
                QUOTE(b, k),
                loader_join(list, sizeof list, (const char *const *)q->languages, q->n_languages));
            continue;
        }
        t->by_lang[lang] = loader_string(l, v, "a string");
        first = first || lang == 0;
    }
    if (!first)
        loader_error(l, n, "this text has no '%s' (the first language)", q->languages[0]);
}

/* ---- mappings described by tables ---- */

/* Converts mapping n into target by schema s; found[k] is set to the key node of s->keys[k]
 * (NULL when absent). Reports unknown keys, missing required keys and wrong types. Returns
 * false when n is not a mapping. */
bool loader_mapping(struct loader *l, const struct yamltree_node *n, const struct schema *s,
                    void *target, const struct yamltree_node **found)
{
    for (size_t k = 0; k < s->n_keys; k++)
        found[k] = NULL;
    if (!loader_expect_as(l, n, YAMLTREE_MAP, "a mapping for the ", s->what))
        return false;
    for (size_t i = 0; i < n->n; i++) {
        const struct yamltree_node *kn = &n->items[2 * i], *v = kn + 1;
        if (kn->skip)
            continue;
        const struct key *key = NULL;
        for (size_t k = 0; k < s->n_keys && !key; k++) {
            if (kn->str[0] == s->keys[k].name[0] && strcmp(kn->str, s->keys[k].name) == 0) {
                key = &s->keys[k];
                found[k] = kn;
            }
        }
        if (!key) {
            const char *names[MAX_KEYS];
            for (size_t k = 0; k < s->n_keys; k++)
                names[k] = s->keys[k].name;
            char where[64];
            snprintf(where, sizeof where, " in %s", s->what);
            loader_unknown_word(l, kn, "key", where, names, s->n_keys);
            continue;
        }
        void *field = (char *)target + key->offset;
        switch (key->field) {
        case FIELD_ID:
            *(char **)field = loader_id(l, v, key->name);
            break;
        case FIELD_STRING:
            *(char **)field = loader_string(l, v, "a value");
            break;
        case FIELD_TEXT:
            loader_text(l, v, field);
            break;
        case FIELD_BOOL:
            loader_bool(l, v, field);
            break;
        case FIELD_NUMBER:
            loader_number(l, v, field);
            break;
        case FIELD_COND:
            *(struct cond **)field = loader_cond(l, v);
            break;
        case FIELD_CUSTOM:
            key->parse(l, v, target);
            break;
        }
    }
    for (size_t k = 0; k < s->n_keys; k++)
        if (s->keys[k].required && !found[k])
            loader_error(l, n, "missing required key '%s' in %s", s->keys[k].name, s->what);
    return true;
}

/* A list of things: true (with v a sequence) when usable; empty only if allowed. */
bool loader_list(struct loader *l, const struct yamltree_node *v, const char *what, bool non_empty)
{
    if (!loader_expect_as(l, v, YAMLTREE_SEQ, "a list of ", what))
        return false;
    if (non_empty && v->n == 0) {
        loader_error(l, v, "expected a non-empty list of %s, found an empty list", what);
        return false;
    }
    return true;
}
