/* loader_int.h - what the loader's stages share (private to src/core/loader*.c): the loading
 * context and its diagnostics, the scalar and text readers, and the tables that describe a
 * mapping's keys. The stages: loader.c (entry points, diagnostics, reading the file),
 * loader_schema.c (scalars, texts, mappings by table), loader_cond.c (conditions),
 * loader_questions.c (options, raises, questions, sections) and loader_document.c (findings,
 * roles, recommendations, labels, languages and the document itself).
 *
 * Every reader reports each problem (FILE:LINE:COL, through loader_error) and returns what it
 * could make of the node: NULL, false or -1 when nothing. Nodes already reported by yamltree
 * (YAMLTREE_BAD) are not reported again. Strings returned are the caller's to free. */
#ifndef MESOSCREEN_LOADER_INT_H
#define MESOSCREEN_LOADER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader.h"
#include "yamltree.h"

struct loader {
    const char *file;
    struct diags *d;
    size_t errors; /* errors this load added */
    struct questionnaire *q;
    struct intern *strings; /* the model's texts and values, each short one kept once */

    size_t cap_questions; /* q->questions holds this many: the items of every section's list */
};

/* Past this many errors a file is not a questionnaire with mistakes but something else:
 * stop adding diagnostics (and memory) for it. */
#define MAX_ERRORS 1000

/* An error at line:col / at node n (counted against MAX_ERRORS). */
void loader_error_at(struct loader *l, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void loader_error(struct loader *l, const struct yamltree_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline struct src_loc node_loc(const struct yamltree_node *n)
{
    return (struct src_loc){n->line, n->col};
}

#define QUOTE_SIZE          YAMLTREE_QUOTE_SIZE
#define QUOTE(buf, node)    yamltree_quote(buf, sizeof buf, (node)->str, (node)->n)
#define DESCRIBE(buf, node) yamltree_describe(buf, sizeof buf, node)

/* ---- loader_schema.c: scalars and texts ---- */

/* "a, b, c" into buf (size bytes), returned. */
const char *loader_join(char *buf, size_t size, const char *const *words, size_t n);

/* Reports an unknown word (key or enum value) with the nearest valid one, or the list. */
void loader_unknown_word(struct loader *l, const struct yamltree_node *n, const char *what,
                         const char *where, const char *const *valid, size_t n_valid);

/* True when n is of the kind wanted (and not nothing); else reports "expected PREFIX WHAT,
 * found ..." unless n stands for something already reported. */
bool loader_expect_as(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                      const char *prefix, const char *what);
bool loader_expect(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                   const char *what);

/* An id (letters, digits, _ and -, starting with a letter, at most 64), or NULL. */
char *loader_id(struct loader *l, const struct yamltree_node *n, const char *what);
/* Any scalar, or NULL. */
char *loader_string(struct loader *l, const struct yamltree_node *n, const char *what);
/* true/false/yes/no into *out; false when n is none of them. */
bool loader_bool(struct loader *l, const struct yamltree_node *n, bool *out);

enum number_status { NUMBER_OK, NUMBER_NOT_WHOLE, NUMBER_RANGE };
/* The whole number a scalar spells (an optional sign and digits only), quietly. */
enum number_status loader_number_value(const struct yamltree_node *n, long long *out);
/* The same, reporting what is not a whole number in range. */
bool loader_number(struct loader *l, const struct yamltree_node *n, long long *out);

/* A word from a fixed vocabulary (model.h's _parse functions, `count` <= 16 words), or -1
 * after reporting it. */
int loader_word(struct loader *l, const struct yamltree_node *n, const char *what,
                int (*parse)(const char *), const char *(*name)(int), int count);

/* Adapters so loader_word can list the words of each enum. */
static inline const char *severity_name(int i)
{
    return model_severity_name((enum severity)i);
}
static inline const char *eligibility_name(int i)
{
    return model_eligibility_name((enum eligibility)i);
}
static inline const char *role_name(int i)
{
    return model_role_name((enum role)i);
}
static inline const char *qtype_name(int i)
{
    return model_qtype_name((enum question_type)i);
}
static inline const char *kind_name(int i)
{
    return model_recommendation_kind_name((enum recommendation_kind)i);
}

/* Index of the language n names in q->languages, or -1. */
int loader_language_index(const struct questionnaire *q, const struct yamltree_node *n);

/* A text into *t: a string in the first language, or a mapping language -> string. */
void loader_text(struct loader *l, const struct yamltree_node *n, struct text *t);

/* ---- loader_schema.c: mappings described by tables ---- */

enum field {
    FIELD_ID,     /* char *, an id */
    FIELD_STRING, /* char *, any scalar */
    FIELD_TEXT,   /* struct text */
    FIELD_BOOL,   /* bool */
    FIELD_NUMBER, /* long long */
    FIELD_COND,   /* struct cond * */
    FIELD_CUSTOM, /* parse(l, value, target) */
};

/* One key of a mapping: where its value goes in the target struct. */
struct key {
    const char *name;
    bool required;
    enum field field;
    size_t offset;
    void (*parse)(struct loader *l, const struct yamltree_node *v, void *target);
};

struct schema {
    const char *what; /* "section", ... for messages */
    const struct key *keys;
    size_t n_keys;
};

#define MAX_KEYS 16

#define SCHEMA(what, keys)                                                                         \
    {                                                                                              \
        what, keys, sizeof keys / sizeof keys[0]                                                   \
    }

/* Converts mapping n into target by schema s; found[k] is set to the key node of s->keys[k]
 * (NULL when absent; found holds MAX_KEYS). Reports unknown keys, missing required keys and
 * wrong types. Returns false when n is not a mapping. */
bool loader_mapping(struct loader *l, const struct yamltree_node *n, const struct schema *s,
                    void *target, const struct yamltree_node **found);

/* A list of things: true (with v a sequence) when usable; empty only if allowed. */
bool loader_list(struct loader *l, const struct yamltree_node *v, const char *what, bool non_empty);

/* ---- loader_cond.c ---- */

/* A condition map (every node of the tree allocated), or NULL when n is not a mapping. Names
 * stay as written (ref_index and values[].index -1) for the validator to resolve. */
struct cond *loader_cond(struct loader *l, const struct yamltree_node *n);

/* ---- loader_questions.c ---- */

/* The `sections:` list into the questionnaire `target`, with every question. */
void loader_sections(struct loader *l, const struct yamltree_node *v, void *target);

/* ---- loader_document.c ---- */

/* The whole document (the root mapping) into l->q. */
void loader_document(struct loader *l, const struct yamltree_node *root);

#endif
