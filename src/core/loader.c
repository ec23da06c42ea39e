/* loader.c - reads a questionnaire's YAML into the model: yamltree checks the bytes and builds
 * a small tree, and schema tables convert the tree to the model. Every problem is collected
 * with FILE:LINE:COL. */
#include "loader.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "suggest.h"
#include "xalloc.h"
#include "yamltree.h"

/* ==== the loading context and diagnostics ==== */

struct loader {
    const char *file;
    struct diags *d;
    size_t errors; /* errors this load added */
    struct questionnaire *q;
    size_t cap_questions; /* q->questions grows by doubling */
};

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Past this many errors a file is not a questionnaire with mistakes but something else:
 * stop adding diagnostics (and memory) for it. */
#define MAX_ERRORS 1000

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    if (++l->errors > MAX_ERRORS) {
        if (l->errors == MAX_ERRORS + 1)
            diags_add(l->d, DIAG_ERROR, l->file, 0, 0,
                      "too many errors; only the first %d are shown", MAX_ERRORS);
        return;
    }
    diags_vadd(l->d, DIAG_ERROR, l->file, line, col, fmt, ap);
}

static void error_at(struct loader *l, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void error_at(struct loader *l, uint32_t line, uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(l, line, col, fmt, ap);
    va_end(ap);
}

static void error_node(struct loader *l, const struct yamltree_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_node(struct loader *l, const struct yamltree_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(l, n->line, n->col, fmt, ap);
    va_end(ap);
}

static struct src_loc node_loc(const struct yamltree_node *n)
{
    return (struct src_loc){n->line, n->col};
}

#define QUOTE_SIZE          YAMLTREE_QUOTE_SIZE
#define QUOTE(buf, node)    yamltree_quote(buf, sizeof buf, (node)->str, (node)->n)
#define DESCRIBE(buf, node) yamltree_describe(buf, sizeof buf, node)

/* ==== the tree to the model (yamltree.c has read the bytes and built the tree) ==== */

/* "a, b, c" into buf. */
static const char *join(char *buf, size_t size, const char *const *words, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", words[i]);
    return buf;
}

/* Reports an unknown word (key or enum value) with the nearest valid one, or the list. */
static void unknown_word(struct loader *l, const struct yamltree_node *n, const char *what,
                         const char *where, const char *const *valid, size_t n_valid)
{
    char b[QUOTE_SIZE], list[400];
    const char *near = suggest_among(n->str, n->n, SUGGEST_BY_CANDIDATE, valid, n_valid);
    if (near)
        error_node(l, n, "unknown %s %s%s; did you mean '%s'?", what, QUOTE(b, n), where, near);
    else
        error_node(l, n, "unknown %s %s%s; expected one of: %s", what, QUOTE(b, n), where,
                   join(list, sizeof list, valid, n_valid));
}

/* ---- scalars ---- */

/* True when n is of the kind wanted (and not nothing); else reports "expected PREFIX WHAT,
 * found ..." unless n stands for something already reported. The message is only built when
 * needed: this runs for every node of every questionnaire. */
static bool expect_as(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                      const char *prefix, const char *what)
{
    if (n->kind == kind && !n->is_null)
        return true;
    if (n->kind != YAMLTREE_BAD) {
        char b[QUOTE_SIZE];
        error_node(l, n, "expected %s%s, found %s", prefix, what, DESCRIBE(b, n));
    }
    return false;
}

static bool expect(struct loader *l, const struct yamltree_node *n, enum yamltree_kind kind,
                   const char *what)
{
    return expect_as(l, n, kind, "", what);
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
static char *id_parse(struct loader *l, const struct yamltree_node *n, const char *what)
{
    if (!expect(l, n, YAMLTREE_SCALAR, "an id"))
        return NULL;
    if (!id_valid(n->str, n->n)) {
        char b[QUOTE_SIZE];
        error_node(l, n,
                   "invalid %s %s: use letters, digits, '_' and '-', starting with a letter "
                   "(at most 64 characters)",
                   what, QUOTE(b, n));
        return NULL;
    }
    return xstrndup(n->str, n->n);
}

static char *string_parse(struct loader *l, const struct yamltree_node *n, const char *what)
{
    return expect(l, n, YAMLTREE_SCALAR, what) ? xstrndup(n->str, n->n) : NULL;
}

static bool bool_parse(struct loader *l, const struct yamltree_node *n, bool *out)
{
    static const struct {
        const char *word;
        bool value;
    } words[] = {{"true", true}, {"false", false}, {"yes", true}, {"no", false}};
    if (!expect(l, n, YAMLTREE_SCALAR, "true or false"))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(n->str, words[i].word) == 0) {
            *out = words[i].value;
            return true;
        }
    }
    char b[QUOTE_SIZE];
    error_node(l, n, "expected true or false, found %s", QUOTE(b, n));
    return false;
}

enum number_status { NUMBER_OK, NUMBER_NOT_WHOLE, NUMBER_RANGE };

/* The whole number a scalar spells (an optional sign and digits only), quietly. */
static enum number_status number_value(const struct yamltree_node *n, long long *out)
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

static bool number_parse(struct loader *l, const struct yamltree_node *n, long long *out)
{
    if (!expect(l, n, YAMLTREE_SCALAR, "a whole number"))
        return false;
    enum number_status st = number_value(n, out);
    char b[QUOTE_SIZE];
    if (st == NUMBER_RANGE)
        error_node(l, n, "number %s is out of range", QUOTE(b, n));
    else if (st == NUMBER_NOT_WHOLE)
        error_node(l, n, "expected a whole number, found %s", QUOTE(b, n));
    return st == NUMBER_OK;
}

/* A word from a fixed vocabulary (model.h's _parse functions), or -1 after reporting it. */
static int word_parse(struct loader *l, const struct yamltree_node *n, const char *what,
                      int (*parse)(const char *), const char *(*name)(int), int count)
{
    if (!expect_as(l, n, YAMLTREE_SCALAR, "a ", what))
        return -1;
    int v = parse(n->str);
    if (v >= 0 && strlen(n->str) == n->n)
        return v;
    const char *names[16]; /* the largest vocabulary (model.h's enums) has 5 words */
    size_t k = 0;
    for (; k < (size_t)count && k < sizeof names / sizeof names[0]; k++)
        names[k] = name((int)k);
    unknown_word(l, n, what, "", names, k);
    return -1;
}

/* Adapters so word_parse can list the words of each enum. */
static const char *severity_name(int i)
{
    return model_severity_name((enum severity)i);
}
static const char *eligibility_name(int i)
{
    return model_eligibility_name((enum eligibility)i);
}
static const char *role_name(int i)
{
    return model_role_name((enum role)i);
}
static const char *qtype_name(int i)
{
    return model_qtype_name((enum question_type)i);
}
static const char *kind_name(int i)
{
    return model_recommendation_kind_name((enum recommendation_kind)i);
}

/* ---- texts ---- */

static int language_index(const struct questionnaire *q, const struct yamltree_node *n)
{
    for (size_t i = 0; i < q->n_languages; i++)
        if (strlen(q->languages[i]) == n->n && memcmp(q->languages[i], n->str, n->n) == 0)
            return (int)i;
    return -1;
}

/* A text: a string in the first language, or a mapping language -> string. */
static void text_parse(struct loader *l, const struct yamltree_node *n, struct text *t)
{
    const struct questionnaire *q = l->q;
    t->loc = node_loc(n);
    if (n->kind == YAMLTREE_SCALAR && !n->is_null) {
        t->by_lang = xcalloc(MODEL_MAX_LANGUAGES, sizeof *t->by_lang);
        t->by_lang[0] = xstrndup(n->str, n->n);
        return;
    }
    if (!expect(l, n, YAMLTREE_MAP, "a text (a string, or a mapping of language to string)"))
        return;
    t->by_lang = xcalloc(MODEL_MAX_LANGUAGES, sizeof *t->by_lang);
    bool first = false;
    for (size_t i = 0; i < n->n; i++) {
        const struct yamltree_node *k = &n->items[2 * i], *v = k + 1;
        if (k->skip)
            continue;
        int lang = language_index(q, k);
        if (lang < 0) {
            char b[QUOTE_SIZE], list[200];
            error_node(l, k, "unknown language %s in a text; the questionnaire's languages are: %s",
                       QUOTE(b, k),
                       join(list, sizeof list, (const char *const *)q->languages, q->n_languages));
            continue;
        }
        t->by_lang[lang] = string_parse(l, v, "a string");
        first = first || lang == 0;
    }
    if (!first)
        error_node(l, n, "this text has no '%s' (the first language)", q->languages[0]);
}

/* ---- conditions ---- */

static struct cond *cond_parse(struct loader *l, const struct yamltree_node *n);

static void cond_items(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    if (!expect(l, v, YAMLTREE_SEQ, "a list of conditions"))
        return;
    if (v->n == 0) {
        error_node(l, v, "expected at least one condition, found an empty list");
        return;
    }
    c->items = xcalloc(v->n, sizeof *c->items);
    for (size_t i = 0; i < v->n; i++) {
        struct cond *item = cond_parse(l, &v->items[i]);
        if (item)
            c->items[c->n_items++] = item;
    }
}

static void cond_not(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    struct cond *item = cond_parse(l, v);
    if (!item)
        return;
    c->items = xcalloc(1, sizeof *c->items);
    c->items[0] = item;
    c->n_items = 1;
}

/* Option values as written (a scalar or a list of them); `is` takes exactly one. */
static void cond_values_list(struct loader *l, const struct yamltree_node *v, struct cond *c,
                             bool one)
{
    const struct yamltree_node *items = v;
    size_t n = 1;
    if (v->kind == YAMLTREE_SEQ && !one) {
        items = v->items;
        n = v->n;
        if (n == 0) {
            error_node(l, v, "expected at least one value, found an empty list");
            return;
        }
    } else if (!expect(l, v, YAMLTREE_SCALAR,
                       one ? "one value (use 'in' for several)" : "a value")) {
        return;
    }
    c->values = xcalloc(n, sizeof *c->values);
    c->value_locs = xcalloc(n, sizeof *c->value_locs);
    c->value_index = xcalloc(n, sizeof *c->value_index);
    for (size_t i = 0; i < n; i++) {
        char *s = string_parse(l, &items[i], "a value");
        if (!s)
            continue;
        c->values[c->n_values] = s;
        c->value_locs[c->n_values] = node_loc(&items[i]);
        c->value_index[c->n_values] = -1;
        c->n_values++;
    }
}

static void cond_is(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    cond_values_list(l, v, c, true);
}

static void cond_values(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    cond_values_list(l, v, c, false);
}

static void cond_number(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    number_parse(l, v, &c->number);
}

static void cond_answered(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    bool_parse(l, v, &c->flag);
}

static void cond_eligibility(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    const struct yamltree_node *items = v;
    size_t n = 1;
    if (v->kind == YAMLTREE_SEQ) {
        items = v->items;
        n = v->n;
        if (n == 0)
            error_node(l, v, "expected at least one eligibility, found an empty list");
    }
    for (size_t i = 0; i < n; i++) {
        int e = word_parse(l, &items[i], "eligibility", model_eligibility_parse, eligibility_name,
                           ELIG_COUNT);
        if (e >= 0)
            c->eligibilities |= 1u << e;
    }
}

static void cond_finding(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    c->ref = id_parse(l, v, "finding id");
    c->ref_loc = node_loc(v);
}

/* The operators of a condition map: exactly one per map. */
static const struct cond_op {
    const char *name;
    enum cond_kind kind;
    enum compare_op op;
    bool on_question; /* needs `question:`; the others forbid it */
    void (*parse)(struct loader *l, const struct yamltree_node *v, struct cond *c);
} cond_ops[] = {
    {"all", COND_ALL, CMP_EQUAL, false, cond_items},
    {"any", COND_ANY, CMP_EQUAL, false, cond_items},
    {"not", COND_NOT, CMP_EQUAL, false, cond_not},
    {"is", COND_IN, CMP_EQUAL, true, cond_is},
    {"in", COND_IN, CMP_EQUAL, true, cond_values},
    {"includes", COND_INCLUDES, CMP_EQUAL, true, cond_values},
    {"below", COND_COMPARE, CMP_BELOW, true, cond_number},
    {"at_most", COND_COMPARE, CMP_AT_MOST, true, cond_number},
    {"above", COND_COMPARE, CMP_ABOVE, true, cond_number},
    {"at_least", COND_COMPARE, CMP_AT_LEAST, true, cond_number},
    {"answered", COND_ANSWERED, CMP_EQUAL, true, cond_answered},
    {"eligibility", COND_ELIGIBILITY, CMP_EQUAL, false, cond_eligibility},
    {"finding", COND_FINDING, CMP_EQUAL, false, cond_finding},
};

#define N_COND_OPS (sizeof cond_ops / sizeof cond_ops[0])

/* Every key a condition map may hold, for suggestions. */
static const char *const cond_keys[] = {"question", "all",      "any",         "not",     "is",
                                        "in",       "includes", "below",       "at_most", "above",
                                        "at_least", "answered", "eligibility", "finding"};

/* A condition map, or NULL when n is not a mapping (reported). */
static struct cond *cond_parse(struct loader *l, const struct yamltree_node *n)
{
    if (!expect(l, n, YAMLTREE_MAP, "a condition (a mapping such as {question: Q, is: V})"))
        return NULL;
    struct cond *c = xcalloc(1, sizeof *c);
    c->loc = node_loc(n);
    c->ref_index = -1;
    const struct yamltree_node *question = NULL, *op_key = NULL;
    const struct cond_op *op = NULL;
    for (size_t i = 0; i < n->n; i++) {
        const struct yamltree_node *k = &n->items[2 * i];
        if (k->skip)
            continue;
        if (strcmp(k->str, "question") == 0) {
            question = k;
            continue;
        }
        const struct cond_op *o = NULL;
        for (size_t j = 0; j < N_COND_OPS && !o; j++)
            if (strcmp(k->str, cond_ops[j].name) == 0)
                o = &cond_ops[j];
        if (!o) {
            unknown_word(l, k, "key", " in a condition", cond_keys,
                         sizeof cond_keys / sizeof cond_keys[0]);
        } else if (op) {
            error_node(l, k,
                       "a condition has one operator, found '%s' and '%s'; combine conditions "
                       "with all or any",
                       op->name, o->name);
        } else {
            op = o;
            op_key = k;
        }
    }
    if (!op) {
        char list[200];
        error_node(l, n, "a condition needs an operator: one of %s",
                   join(list, sizeof list, cond_keys + 1, N_COND_OPS));
        return c;
    }
    c->kind = op->kind;
    c->op = op->op;
    op->parse(l, op_key + 1, c);
    if (op->on_question && !question)
        error_node(l, op_key, "condition '%s' needs 'question'", op->name);
    else if (!op->on_question && question)
        error_node(l, question, "'question' does not go with '%s'", op->name);
    else if (question) {
        c->ref = id_parse(l, question + 1, "question id");
        c->ref_loc = node_loc(question + 1);
    }
    return c;
}

/* ---- mappings described by tables ---- */

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

/* Converts mapping n into target by schema s; found[k] is set to the key node of s->keys[k]
 * (NULL when absent). Reports unknown keys, missing required keys and wrong types. Returns
 * false when n is not a mapping. */
static bool mapping_parse(struct loader *l, const struct yamltree_node *n, const struct schema *s,
                          void *target, const struct yamltree_node **found)
{
    for (size_t k = 0; k < s->n_keys; k++)
        found[k] = NULL;
    if (!expect_as(l, n, YAMLTREE_MAP, "a mapping for the ", s->what))
        return false;
    for (size_t i = 0; i < n->n; i++) {
        const struct yamltree_node *kn = &n->items[2 * i], *v = kn + 1;
        if (kn->skip)
            continue;
        const struct key *key = NULL;
        for (size_t k = 0; k < s->n_keys && !key; k++) {
            if (strcmp(kn->str, s->keys[k].name) == 0) {
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
            unknown_word(l, kn, "key", where, names, s->n_keys);
            continue;
        }
        void *field = (char *)target + key->offset;
        switch (key->field) {
        case FIELD_ID:
            *(char **)field = id_parse(l, v, key->name);
            break;
        case FIELD_STRING:
            *(char **)field = string_parse(l, v, "a value");
            break;
        case FIELD_TEXT:
            text_parse(l, v, field);
            break;
        case FIELD_BOOL:
            bool_parse(l, v, field);
            break;
        case FIELD_NUMBER:
            number_parse(l, v, field);
            break;
        case FIELD_COND:
            *(struct cond **)field = cond_parse(l, v);
            break;
        case FIELD_CUSTOM:
            key->parse(l, v, target);
            break;
        }
    }
    for (size_t k = 0; k < s->n_keys; k++)
        if (s->keys[k].required && !found[k])
            error_node(l, n, "missing required key '%s' in %s", s->keys[k].name, s->what);
    return true;
}

#define SCHEMA(what, keys)                                                                         \
    {                                                                                              \
        what, keys, sizeof keys / sizeof keys[0]                                                   \
    }

/* A list of things: true (with v a sequence) when usable; empty only if allowed. */
static bool list_expect(struct loader *l, const struct yamltree_node *v, const char *what,
                        bool non_empty)
{
    if (!expect_as(l, v, YAMLTREE_SEQ, "a list of ", what))
        return false;
    if (non_empty && v->n == 0) {
        error_node(l, v, "expected a non-empty list of %s, found an empty list", what);
        return false;
    }
    return true;
}

/* ---- options ---- */

static const struct key option_keys[] = {
    {"value", true, FIELD_ID, offsetof(struct qoption, value), NULL},
    {"text", true, FIELD_TEXT, offsetof(struct qoption, text), NULL},
    {"help", false, FIELD_TEXT, offsetof(struct qoption, help), NULL},
    {"exclusive", false, FIELD_BOOL, offsetof(struct qoption, exclusive), NULL},
    {"when", false, FIELD_COND, offsetof(struct qoption, when), NULL},
};
static const struct schema option_schema = SCHEMA("option", option_keys);

static void question_options(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    if (!list_expect(l, v, "options", true))
        return;
    qn->options = xcalloc(v->n, sizeof *qn->options);
    qn->n_options = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        if (i == MODEL_MAX_OPTIONS)
            error_node(l, &v->items[i], "too many options: a question has at most %d",
                       MODEL_MAX_OPTIONS);
        qn->options[i].loc = node_loc(&v->items[i]);
        mapping_parse(l, &v->items[i], &option_schema, &qn->options[i], found);
    }
}

/* ---- raises ---- */

static void question_raises(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    if (!expect(l, v, YAMLTREE_MAP, "a mapping of answer to finding id"))
        return;
    size_t total = 0;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *f = &v->items[2 * i + 1];
        total += f->kind == YAMLTREE_SEQ ? f->n : 1;
    }
    qn->raises = xcalloc(total ? total : 1, sizeof *qn->raises);
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *k = &v->items[2 * i], *f = k + 1;
        if (k->skip)
            continue;
        char *value = id_parse(l, k, "answer value");
        const struct yamltree_node *items = f;
        size_t n = 1;
        if (f->kind == YAMLTREE_SEQ) {
            items = f->items;
            n = f->n;
            if (n == 0)
                error_node(l, f, "expected at least one finding id, found an empty list");
        }
        for (size_t j = 0; j < n; j++) {
            char *finding = id_parse(l, &items[j], "finding id");
            if (!value || !finding) {
                free(finding);
                continue;
            }
            qn->raises[qn->n_raises++] = (struct raise){
                .value = xstrdup(value),
                .loc = node_loc(k),
                .value_index = -1,
                .finding = finding,
                .finding_loc = node_loc(&items[j]),
                .finding_index = -1,
            };
        }
        free(value);
    }
}

/* ---- defaults ---- */

/* `default: VALUE` or `default: [VALUE, ...]`: option values, checked by the validator. */
static void question_default(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    const struct yamltree_node *items = v;
    size_t n = 1;
    if (v->kind == YAMLTREE_SEQ) {
        items = v->items;
        n = v->n;
        if (n == 0) {
            error_node(l, v, "expected an answer value or a list of them, found an empty list");
            return;
        }
    }
    qn->default_values = xcalloc(n, sizeof *qn->default_values);
    qn->default_locs = xcalloc(n, sizeof *qn->default_locs);
    qn->default_loc = node_loc(v);
    for (size_t i = 0; i < n; i++) {
        char *value = id_parse(l, &items[i], "answer value");
        if (!value)
            continue;
        qn->default_locs[qn->n_defaults] = node_loc(&items[i]);
        qn->default_values[qn->n_defaults++] = value;
    }
}

/* ---- questions ---- */

static void question_type(struct loader *l, const struct yamltree_node *v, void *target)
{
    int t = word_parse(l, v, "question type", model_qtype_parse, qtype_name, QTYPE_COUNT);
    if (t >= 0)
        ((struct question *)target)->type = (enum question_type)t;
}

enum {
    QK_ID,
    QK_TYPE,
    QK_TEXT,
    QK_HELP,
    QK_REQUIRED,
    QK_WHEN,
    QK_OPTIONS,
    QK_MIN,
    QK_MAX,
    QK_UNIT,
    QK_RAISES,
    QK_DEFAULT,
    QK_MAX_LENGTH
};

static const struct key question_keys[] = {
    [QK_ID] = {"id", true, FIELD_ID, offsetof(struct question, id), NULL},
    [QK_TYPE] = {"type", true, FIELD_CUSTOM, 0, question_type},
    [QK_TEXT] = {"text", true, FIELD_TEXT, offsetof(struct question, text), NULL},
    [QK_HELP] = {"help", false, FIELD_TEXT, offsetof(struct question, help), NULL},
    [QK_REQUIRED] = {"required", false, FIELD_BOOL, offsetof(struct question, required), NULL},
    [QK_WHEN] = {"when", false, FIELD_COND, offsetof(struct question, when), NULL},
    [QK_OPTIONS] = {"options", false, FIELD_CUSTOM, 0, question_options},
    [QK_MIN] = {"min", false, FIELD_NUMBER, offsetof(struct question, min), NULL},
    [QK_MAX] = {"max", false, FIELD_NUMBER, offsetof(struct question, max), NULL},
    [QK_UNIT] = {"unit", false, FIELD_TEXT, offsetof(struct question, unit), NULL},
    [QK_RAISES] = {"raises", false, FIELD_CUSTOM, 0, question_raises},
    [QK_DEFAULT] = {"default", false, FIELD_CUSTOM, 0, question_default},
    [QK_MAX_LENGTH] = {"max_length", false, FIELD_NUMBER, offsetof(struct question, max_length),
                       NULL},
};
static const struct schema question_schema = SCHEMA("question", question_keys);
_Static_assert(sizeof question_keys / sizeof question_keys[0] <= MAX_KEYS, "raise MAX_KEYS");

/* Which type-specific keys each question type takes. */
enum { NO, MAY, MUST };
static const struct {
    int key;
    unsigned char by_type[QTYPE_COUNT];
} type_keys[] = {
    /*                  yesno choice multi number text */
    {QK_OPTIONS, {NO, MUST, MUST, NO, NO}}, {QK_MIN, {NO, NO, NO, MUST, NO}},
    {QK_MAX, {NO, NO, NO, MUST, NO}},       {QK_UNIT, {NO, NO, NO, MAY, NO}},
    {QK_RAISES, {MAY, MAY, MAY, NO, NO}},   {QK_DEFAULT, {MAY, MAY, MAY, NO, NO}},
    {QK_MAX_LENGTH, {NO, NO, NO, NO, MAY}},
};

/* The key node named `name` in mapping n (there is one: its value was read). */
static const struct yamltree_node *map_key(const struct yamltree_node *n, const char *name)
{
    for (size_t i = 0; i < n->n; i++)
        if (!n->items[2 * i].skip && strcmp(n->items[2 * i].str, name) == 0)
            return &n->items[2 * i];
    return n;
}

/* The checks that depend on the question's type, once all its keys are read. */
static void question_shape(struct loader *l, const struct yamltree_node *n, struct question *qn,
                           const struct yamltree_node **found)
{
    const char *type = model_qtype_name(qn->type);
    for (size_t i = 0; i < sizeof type_keys / sizeof type_keys[0]; i++) {
        int k = type_keys[i].key;
        const char *name = question_keys[k].name;
        unsigned char rule = type_keys[i].by_type[qn->type];
        if (rule == NO && found[k])
            error_node(l, found[k], "'%s' does not apply to a %s question", name, type);
        else if (rule == MUST && !found[k])
            error_node(l, n, "a %s question needs '%s'", type, name);
    }
    if (!found[QK_REQUIRED])
        qn->required = qn->type != QTYPE_TEXT && !found[QK_DEFAULT];
    else if (qn->required && found[QK_DEFAULT])
        error_node(l, found[QK_REQUIRED],
                   "a question with a 'default' is optional: leave out 'required: true'");
    if (qn->type == QTYPE_TEXT && !found[QK_MAX_LENGTH])
        qn->max_length = MODEL_TEXT_MAX_LENGTH;
    long long length;
    if (qn->type == QTYPE_TEXT && found[QK_MAX_LENGTH] &&
        number_value(found[QK_MAX_LENGTH] + 1, &length) == NUMBER_OK &&
        (length < 1 || length > MODEL_TEXT_MAX_LENGTH_LIMIT))
        error_node(l, found[QK_MAX_LENGTH] + 1, "max_length must be from 1 to %d characters",
                   MODEL_TEXT_MAX_LENGTH_LIMIT);
    long long min, max;
    if (qn->type == QTYPE_NUMBER && found[QK_MIN] && found[QK_MAX] &&
        number_value(found[QK_MIN] + 1, &min) == NUMBER_OK &&
        number_value(found[QK_MAX] + 1, &max) == NUMBER_OK && min > max)
        error_node(l, found[QK_MIN], "min (%lld) is greater than max (%lld)", min, max);
    if (qn->type != QTYPE_MULTI && found[QK_OPTIONS]) {
        const struct yamltree_node *opts = found[QK_OPTIONS] + 1;
        for (size_t i = 0; i < qn->n_options; i++)
            if (qn->options[i].exclusive)
                error_node(l, map_key(&opts->items[i], "exclusive"),
                           "'exclusive' only applies to multi questions");
    }
}

static void question_parse(struct loader *l, const struct yamltree_node *n, size_t section)
{
    struct questionnaire *q = l->q;
    if (q->n_questions == l->cap_questions) {
        l->cap_questions = l->cap_questions ? 2 * l->cap_questions : 16;
        q->questions = xreallocarray(q->questions, l->cap_questions, sizeof *q->questions);
    }
    struct question *qn = &q->questions[q->n_questions++];
    *qn = (struct question){.loc = node_loc(n), .section = section, .type = QTYPE_COUNT};
    const struct yamltree_node *found[MAX_KEYS];
    if (mapping_parse(l, n, &question_schema, qn, found) && qn->type != QTYPE_COUNT)
        question_shape(l, n, qn, found);
}

/* ---- sections ---- */

static void section_questions(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct section *s = target;
    size_t index = (size_t)(s - l->q->sections);
    s->first_question = l->q->n_questions;
    if (!list_expect(l, v, "questions", true))
        return;
    for (size_t i = 0; i < v->n; i++)
        question_parse(l, &v->items[i], index);
    s->n_questions = l->q->n_questions - s->first_question;
}

static const struct key section_keys[] = {
    {"id", true, FIELD_ID, offsetof(struct section, id), NULL},
    {"title", true, FIELD_TEXT, offsetof(struct section, title), NULL},
    {"when", false, FIELD_COND, offsetof(struct section, when), NULL},
    {"questions", true, FIELD_CUSTOM, 0, section_questions},
};
static const struct schema section_schema = SCHEMA("section", section_keys);

/* ---- findings, roles, recommendations ---- */

static void finding_severity(struct loader *l, const struct yamltree_node *v, void *target)
{
    int s = word_parse(l, v, "severity", model_severity_parse, severity_name, SEV_COUNT);
    if (s >= 0)
        ((struct finding *)target)->severity = (enum severity)s;
}

static void finding_verdict(struct loader *l, const struct yamltree_node *v, void *target)
{
    int e = word_parse(l, v, "verdict", model_eligibility_parse, eligibility_name, ELIG_COUNT);
    if (e >= 0)
        ((struct finding *)target)->verdict = (enum eligibility)e;
}

enum { FK_ID, FK_SEVERITY, FK_VERDICT, FK_TEXT, FK_WHEN };
static const struct key finding_keys[] = {
    [FK_ID] = {"id", true, FIELD_ID, offsetof(struct finding, id), NULL},
    [FK_SEVERITY] = {"severity", true, FIELD_CUSTOM, 0, finding_severity},
    [FK_VERDICT] = {"verdict", false, FIELD_CUSTOM, 0, finding_verdict},
    [FK_TEXT] = {"text", true, FIELD_TEXT, offsetof(struct finding, text), NULL},
    [FK_WHEN] = {"when", false, FIELD_COND, offsetof(struct finding, when), NULL},
};
static const struct schema finding_schema = SCHEMA("finding", finding_keys);

static void role_role(struct loader *l, const struct yamltree_node *v, void *target)
{
    int r = word_parse(l, v, "role", model_role_parse, role_name, ROLE_COUNT);
    if (r >= 0)
        ((struct role_rule *)target)->role = (enum role)r;
}

static const struct key role_keys[] = {
    {"role", true, FIELD_CUSTOM, 0, role_role},
    {"when", false, FIELD_COND, offsetof(struct role_rule, when), NULL},
};
static const struct schema role_schema = SCHEMA("role rule", role_keys);

static void recommendation_kind(struct loader *l, const struct yamltree_node *v, void *target)
{
    int k = word_parse(l, v, "recommendation kind", model_recommendation_kind_parse, kind_name,
                       REC_KIND_COUNT);
    if (k >= 0)
        ((struct recommendation *)target)->kind = (enum recommendation_kind)k;
}

static const struct key recommendation_keys[] = {
    {"id", true, FIELD_ID, offsetof(struct recommendation, id), NULL},
    {"kind", true, FIELD_CUSTOM, 0, recommendation_kind},
    {"text", true, FIELD_TEXT, offsetof(struct recommendation, text), NULL},
    {"when", false, FIELD_COND, offsetof(struct recommendation, when), NULL},
};
static const struct schema recommendation_schema = SCHEMA("recommendation", recommendation_keys);

/* ---- the document ---- */

static void root_format(struct loader *l, const struct yamltree_node *v, void *target)
{
    (void)target;
    if (!expect(l, v, YAMLTREE_SCALAR, "'mesoscreen/1'"))
        return;
    if (strcmp(v->str, "mesoscreen/1") != 0) {
        char b[QUOTE_SIZE];
        error_node(l, v, "unsupported format %s; expected 'mesoscreen/1'", QUOTE(b, v));
    }
}

static void root_sections(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!list_expect(l, v, "sections", true))
        return;
    q->sections = xcalloc(v->n, sizeof *q->sections);
    q->n_sections = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        q->sections[i].loc = node_loc(&v->items[i]);
        q->sections[i].first_question = q->n_questions;
        mapping_parse(l, &v->items[i], &section_schema, &q->sections[i], found);
    }
}

static void root_findings(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!list_expect(l, v, "findings", false))
        return;
    q->findings = xcalloc(v->n, sizeof *q->findings);
    q->n_findings = v->n;
    for (size_t i = 0; i < v->n; i++) {
        struct finding *f = &q->findings[i];
        const struct yamltree_node *found[MAX_KEYS];
        f->loc = node_loc(&v->items[i]);
        if (mapping_parse(l, &v->items[i], &finding_schema, f, found) && !found[FK_VERDICT])
            f->verdict = model_severity_verdict(f->severity);
    }
}

static void root_roles(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!list_expect(l, v, "role rules", true))
        return;
    q->role_rules = xcalloc(v->n, sizeof *q->role_rules);
    q->n_role_rules = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        q->role_rules[i].loc = node_loc(&v->items[i]);
        mapping_parse(l, &v->items[i], &role_schema, &q->role_rules[i], found);
    }
}

static void root_recommendations(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!list_expect(l, v, "recommendations", false))
        return;
    q->recommendations = xcalloc(v->n, sizeof *q->recommendations);
    q->n_recommendations = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        q->recommendations[i].loc = node_loc(&v->items[i]);
        mapping_parse(l, &v->items[i], &recommendation_schema, &q->recommendations[i], found);
    }
}

static void root_labels(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!expect(l, v, YAMLTREE_MAP, "a mapping of label key to text"))
        return;
    q->labels = xcalloc(v->n ? v->n : 1, sizeof *q->labels);
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *k = &v->items[2 * i];
        if (k->skip)
            continue;
        struct label *lb = &q->labels[q->n_labels++];
        lb->key = id_parse(l, k, "label key");
        text_parse(l, k + 1, &lb->text);
    }
}

static bool language_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    if (i == n)
        return true;
    if (s[i] != '-' || n - i - 1 < 2 || n - i - 1 > 8)
        return false;
    for (i++; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

/* `languages:` is read before anything else, since every text depends on it. */
static void root_languages(struct loader *l, const struct yamltree_node *v)
{
    struct questionnaire *q = l->q;
    if (list_expect(l, v, "language codes", true)) {
        for (size_t i = 0; i < v->n; i++) {
            const struct yamltree_node *c = &v->items[i];
            char b[QUOTE_SIZE];
            if (!expect(l, c, YAMLTREE_SCALAR, "a language code"))
                continue;
            if (!language_valid(c->str, c->n))
                error_node(l, c, "invalid language code %s: use a code such as 'en' or 'pt-BR'",
                           QUOTE(b, c));
            else if (language_index(q, c) >= 0)
                error_node(l, c, "duplicate language %s", QUOTE(b, c));
            else if (q->n_languages == MODEL_MAX_LANGUAGES)
                error_node(l, c, "too many languages: at most %d", MODEL_MAX_LANGUAGES);
            else
                q->languages[q->n_languages++] = xstrndup(c->str, c->n);
        }
    }
    if (q->n_languages == 0) /* keep checking the texts against the default */
        q->languages[q->n_languages++] = xstrdup("en");
}

static void root_languages_done(struct loader *l, const struct yamltree_node *v, void *target)
{
    (void)l, (void)v, (void)target;
}

static const struct key root_keys[] = {
    {"format", true, FIELD_CUSTOM, 0, root_format},
    {"id", true, FIELD_ID, offsetof(struct questionnaire, id), NULL},
    {"version", true, FIELD_STRING, offsetof(struct questionnaire, version), NULL},
    {"title", true, FIELD_TEXT, offsetof(struct questionnaire, title), NULL},
    {"languages", false, FIELD_CUSTOM, 0, root_languages_done},
    {"disclaimer", false, FIELD_TEXT, offsetof(struct questionnaire, disclaimer), NULL},
    {"labels", false, FIELD_CUSTOM, 0, root_labels},
    {"sections", true, FIELD_CUSTOM, 0, root_sections},
    {"findings", false, FIELD_CUSTOM, 0, root_findings},
    {"roles", true, FIELD_CUSTOM, 0, root_roles},
    {"recommendations", false, FIELD_CUSTOM, 0, root_recommendations},
};
static const struct schema root_schema = SCHEMA("questionnaire", root_keys);
_Static_assert(sizeof root_keys / sizeof root_keys[0] <= MAX_KEYS, "raise MAX_KEYS");

static void document_parse(struct loader *l, const struct yamltree_node *root)
{
    const struct yamltree_node *languages = NULL;
    if (root->kind == YAMLTREE_MAP)
        for (size_t i = 0; i < root->n; i++)
            if (!root->items[2 * i].skip && strcmp(root->items[2 * i].str, "languages") == 0)
                languages = &root->items[2 * i + 1];
    if (languages)
        root_languages(l, languages);
    else
        l->q->languages[l->q->n_languages++] = xstrdup("en");
    const struct yamltree_node *found[MAX_KEYS];
    mapping_parse(l, root, &root_schema, l->q, found);
}

/* ==== the entry points ==== */

/* How a questionnaire is read: strictly, every problem collected. A bound on the tree's memory
 * (32 bytes a node): a realistic 64 MiB questionnaire has about 6 million nodes, a file of
 * nothing but "[1,1,1,..." would have 32 million. */
static const struct yamltree_rules tree_rules = {
    .strict = true,
    .max_depth = LOADER_MAX_DEPTH,
    .max_nodes = 8u * 1024 * 1024,
    .max_items = 1024u * 1024, /* 32 MiB of pending nodes at most for one list */
    .max_errors = MAX_ERRORS,
    .what = "a questionnaire",
    .anchor = "anchors are not allowed",
    .alias = "aliases are not allowed",
    .tag = "tags are not allowed",
    .second_document = "a second YAML document; a questionnaire file holds exactly one",
};

enum load_status loader_load_buffer(const char *name, const char *buf, size_t len, struct diags *d,
                                    struct questionnaire **out)
{
    struct loader l = {.file = name ? name : "<input>", .d = d};
    *out = NULL;
    if (len > LOADER_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, l.file, 0, 0, "file is too large (%zu bytes; the limit is %u MiB)",
                  len, LOADER_MAX_BYTES / (1024 * 1024));
        return LOAD_BAD_DATA;
    }
    struct yamltree tree;
    enum yamltree_status st = yamltree_read(&tree, l.file, buf, len, &tree_rules, d);
    l.errors = tree.errors;
    if (st != YAMLTREE_OK) {
        if (st == YAMLTREE_EMPTY)
            error_at(&l, 1, 1, "the file is empty; expected a questionnaire");
        yamltree_free(&tree);
        return LOAD_BAD_DATA;
    }
    l.q = xcalloc(1, sizeof *l.q);
    l.q->file = xstrdup(l.file);
    l.q->source = xmalloc(len + 1);
    if (len)
        memcpy(l.q->source, buf, len);
    l.q->source[len] = '\0';
    l.q->source_len = len;
    document_parse(&l, tree.root);
    yamltree_free(&tree);
    if (l.errors > 0) {
        model_free(l.q);
        return LOAD_BAD_DATA;
    }
    *out = l.q;
    return LOAD_OK;
}

enum load_status loader_load_file(const char *path, struct diags *d, struct questionnaire **out)
{
    size_t len = 0;
    struct file_error err;
    *out = NULL;
    char *buf = file_read(path, LOADER_MAX_BYTES, &len, &err);
    if (!buf && err.problem == FILE_TOO_LARGE) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "file is too large (%ju bytes; the limit is %u MiB)",
                  err.size, LOADER_MAX_BYTES / (1024 * 1024));
        return LOAD_BAD_DATA;
    }
    if (!buf) {
        file_error_add(d, path, &err);
        return LOAD_IO_ERROR;
    }
    enum load_status st = loader_load_buffer(path, buf, len, d, out);
    free(buf);
    return st;
}
