/* loader_int.h - what the loader's stages share (private to src/core/loader*.c): the loading
 * context and its diagnostics, the scalar and text readers, and the tables that describe a
 * mapping's keys. The stages: loader.c (entry points, diagnostics, reading the file),
 * loader_schema.c (scalars, texts, mappings by table), loader_cond.c (conditions),
 * loader_questions.c (options, raises, questions, sections), loader_document.c (findings,
 * roles, recommendations, labels, languages and the document itself) and loader_stream.c
 * (reading a document's big lists item by item, as yamltree hands them over).
 *
 * Every reader reports each problem (FILE:LINE:COL, through loader_error) and returns what it
 * could make of the node: NULL, false or -1 when nothing. Nodes already reported by yamltree
 * (YAMLTREE_BAD) are not reported again. Strings returned are the caller's to free. */
#ifndef MESOSCREEN_LOADER_INT_H
#define MESOSCREEN_LOADER_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader.h"
#include "yamltree.h"

struct loader_stream;

struct loader {
    const char *file;
    struct diags *d;   /* where the load's diagnostics end up */
    struct diags *out; /* where errors go now: d, or held back until the document is read */
    size_t errors;     /* errors this load added */
    struct questionnaire *q;
    size_t cap_questions; /* q->questions (malloc'ed while loading) has room for this many */
    size_t walked;        /* questions placed by the walk of the document, in document order */
    size_t section;       /* the index of the section being read */
    bool restart;         /* streaming met a file it cannot read in one go: read it whole */
    struct loader_stream *stream; /* NULL when the whole tree is read first */
};

/* loader_load_buffer without streaming: the whole tree is read, then converted. The reference
 * a streamed reading must equal, diagnostic for diagnostic (tests). */
enum load_status loader_load_buffer_whole(const char *name, const char *buf, size_t len,
                                          struct diags *d, struct questionnaire **out);

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
 * stay as written (ref_index and value_index -1) for the validator to resolve. */
struct cond *loader_cond(struct loader *l, const struct yamltree_node *n);

/* ---- loader_questions.c ---- */

/* The `sections:` list into the questionnaire `target`, with every question. */
void loader_sections(struct loader *l, const struct yamltree_node *v, void *target);

/* One question (item n of section `section`'s list) appended to q->questions. */
void loader_question(struct loader *l, const struct yamltree_node *n, size_t section);

/* Section number `index` (the item n) into *s, with its questions. */
void loader_section(struct loader *l, const struct yamltree_node *n, size_t index,
                    struct section *s);

/* ---- loader_document.c ---- */

/* The whole document (the root mapping) into l->q. */
void loader_document(struct loader *l, const struct yamltree_node *root);

/* One finding / recommendation (item n) into *f / *r. */
void loader_finding(struct loader *l, const struct yamltree_node *n, struct finding *f);
void loader_recommendation(struct loader *l, const struct yamltree_node *n,
                           struct recommendation *r);

/* `languages:` (the node v, or NULL when absent) into l->q->languages. */
void loader_languages(struct loader *l, const struct yamltree_node *v);

/* ---- loader_stream.c ---- */

/* What a streamed item is: the top bits of its placeholder's tag (the rest: its index). */
enum stream_kind {
    STREAM_LANGUAGES = 1, /* not an item: the diagnostics of `languages:` read ahead */
    STREAM_SECTION,
    STREAM_QUESTION,
    STREAM_FINDING,
    STREAM_RECOMMENDATION,
};
#define STREAM_TAG(kind, index) ((uint32_t)(kind) << 28 | (uint32_t)(index))

/* A list of model structs that grows as items are read ahead (malloc'ed; the arena's once
 * the load succeeds). */
struct stream_array {
    void *items;
    size_t n, cap;
};

struct held; /* a diagnostic held back (loader_stream.c) */

/* The state of a streamed reading: which lists are handed over, what was read ahead, and the
 * diagnostics held back until the walk of the document reaches the item they belong to (so
 * that they come in the order, and under the cap, of a reading of the whole tree). */
struct loader_stream {
    bool decided;       /* the first list to stream was met, and with it `languages:` */
    bool on;            /* items are handed over (false: a file whose languages are unclear) */
    bool has_languages; /* `languages:` was read ahead, at languages_loc (kind languages_kind) */
    struct src_loc languages_loc;
    unsigned char languages_kind;
    enum stream_kind root_list; /* what the items of the root's list open now are */
    /* The root's keys scanned so far for the first of each name we stream (or read ahead). */
    size_t root_scanned;
    unsigned root_seen; /* a bit for each name whose first key was seen */
    bool root_unclear;  /* a key that is one of those names only up to a NUL */
    /* The same for the keys of the section being read (the first `questions:` only). */
    size_t section_at, section_scanned;
    bool section_seen;
    size_t question_section; /* the section of the questions list open now */

    struct stream_array sections, findings, recommendations;

    struct held *held; /* in the order they were made */
    size_t n_held, cap_held;
    char *text; /* the held messages, NUL-terminated one after another */
    size_t text_len, text_cap;
    size_t made;      /* diagnostics made while reading ahead (copies not counted) */
    uint32_t owner;   /* the tag of the item being read ahead; 0: not holding */
    size_t cursor[2]; /* the next held diagnostic to replay: questions' [1], the others' [0] */
};

/* How yamltree hands over the items of sections, their questions, findings and
 * recommendations to a loader whose l->stream is set. */
struct yamltree_stream loader_stream_hooks(struct loader *l);

/* Holds an error made while reading ahead (l->stream->owner set). */
void loader_hold(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Replays the diagnostics held for what tag names (l->stream set): held again while reading
 * ahead (a question's, into its section's), else reported. */
void loader_replay(struct loader *l, uint32_t tag);

/* Whether n is the placeholder of a streamed item of `kind` number `index`, whose held
 * diagnostics are then replayed (held again while reading ahead, else reported). A placeholder
 * that is not the one expected means the file was not read as streaming assumed: l->restart. */
bool loader_taken(struct loader *l, const struct yamltree_node *n, enum stream_kind kind,
                  size_t index);

/* Room for one more item in a, returned (zeroed). */
void *loader_grow(struct stream_array *a, size_t size);

/* After the walk: whether every item read ahead and every held diagnostic was placed by it
 * (else l->restart). */
bool loader_stream_done(struct loader *l);

/* Frees what the stream holds; with keep, its arrays become the model arena's. */
void loader_stream_free(struct loader *l, bool keep);

#endif
