/* answers_file.c - reading an answers file (yamltree's small tree -> our struct) and
 * walking a questionnaire with it. Every problem is a FILE:LINE:COL diagnostic. */
#include "answers_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "file.h"
#include "idtab.h"
#include "suggest.h"
#include "utf8.h"
#include "xalloc.h"
#include "yamltree.h"

/* A name or value from the file quoted back in a message: its first 60 characters. */
#define QUOTE_SIZE UTF8_ESCAPED_SIZE(60)

/* ---- reading the YAML ---- */

/* An answers file is read leniently (yamltree.h): the first problem stops it. */
static const struct yamltree_rules tree_rules = {
    .strict = false,
    .max_depth = ANSWERS_FILE_MAX_DEPTH,
    .max_nodes = ANSWERS_FILE_MAX_BYTES, /* a safety net: a node takes about a byte at least */
    .max_errors = ANSWERS_FILE_MAX_ERRORS,
    .what = "an answers file",
    .anchor = "YAML anchors are not allowed in an answers file",
    .alias = "YAML aliases are not allowed in an answers file",
    .tag = "YAML tags are not allowed in an answers file",
    .second_document = "an answers file holds one YAML document, not several",
};

/* Everything one load works with. */
struct af_reader {
    const char *file;
    struct diags *d;
    size_t first_error; /* d->n_errors when this file started */
};

#define af_error(r, loc, ...)                                                                      \
    diags_add((r)->d, DIAG_ERROR, (r)->file, (loc).line, (loc).col, __VA_ARGS__)

static bool af_too_many(const struct af_reader *r)
{
    return r->d->n_errors - r->first_error >= ANSWERS_FILE_MAX_ERRORS;
}

static struct src_loc node_loc(const struct yamltree_node *n)
{
    return (struct src_loc){n->line, n->col};
}

/* ---- from the tree to struct answers_file ---- */

static const char *const top_keys[] = {"patient", "practitioner", "answers"};

static const char *kind_name(unsigned char k)
{
    static const char *const names[] = {
        [YAMLTREE_SCALAR] = "a value",
        [YAMLTREE_SEQ] = "a list",
        [YAMLTREE_MAP] = "a map",
        [YAMLTREE_BAD] = "an alias", /* never: an alias stops the reading */
    };
    return names[k];
}

/* patient / practitioner: a non-empty text without control characters. */
static char *af_person(struct af_reader *r, const char *key, const struct yamltree_node *v)
{
    if (v->kind != YAMLTREE_SCALAR) {
        af_error(r, node_loc(v), "'%s' must be a text, not %s", key, kind_name(v->kind));
        return NULL;
    }
    if (v->is_null || v->str[0] == '\0') {
        af_error(r, node_loc(v), "'%s' is empty: give a value or leave the key out", key);
        return NULL;
    }
    static const struct question text_question = {.id = "text", .type = QTYPE_TEXT};
    char *text = xstrdup(v->str);
    struct answer a = {.given = true, .text = text};
    const char *why = answer_check(&text_question, &a);
    if (why) {
        char quoted[QUOTE_SIZE];
        utf8_escape_buf(quoted, sizeof quoted, text, strlen(text));
        af_error(r, node_loc(v), "'%s' %s: '%s'", key, why, quoted);
        free(text);
        return NULL;
    }
    return text;
}

static void af_entry(struct af_reader *r, const struct yamltree_node *k,
                     const struct yamltree_node *v, struct answers_entry *e)
{
    e->question = xstrdup(k->str);
    e->loc = node_loc(k);
    e->value_loc = node_loc(v);
    if (v->kind == YAMLTREE_MAP) {
        char quoted[QUOTE_SIZE];
        utf8_escape_buf(quoted, sizeof quoted, k->str, strlen(k->str));
        af_error(r, node_loc(v), "the answer to '%s' must be a value or a list, not a map", quoted);
        e->no_value = true;
        return;
    }
    if (v->kind == YAMLTREE_SCALAR) {
        e->values = xmalloc(sizeof *e->values);
        e->value_locs = xmalloc(sizeof *e->value_locs);
        e->values[0] = xstrdup(v->str);
        e->value_locs[0] = node_loc(v);
        e->n_values = 1;
        e->no_value = v->is_null;
        return;
    }
    e->is_list = true;
    e->values = xcalloc(v->n, sizeof *e->values);
    e->value_locs = xcalloc(v->n, sizeof *e->value_locs);
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *item = &v->items[i];
        if (item->kind != YAMLTREE_SCALAR) {
            char quoted[QUOTE_SIZE];
            utf8_escape_buf(quoted, sizeof quoted, k->str, strlen(k->str));
            af_error(r, node_loc(item), "the answer to '%s' must list values, not %s", quoted,
                     kind_name(item->kind));
            e->no_value = true;
            continue;
        }
        e->values[e->n_values] = xstrdup(item->str);
        e->value_locs[e->n_values++] = node_loc(item);
    }
}

/* Orders entries (pointers into one array) by question id, then file order, so that
 * duplicates sit side by side: n log n, whatever the size of the file. */
static int entry_cmp(const void *pa, const void *pb)
{
    const struct answers_entry *a = *(const struct answers_entry *const *)pa;
    const struct answers_entry *b = *(const struct answers_entry *const *)pb;
    int c = strcmp(a->question, b->question);
    if (c)
        return c;
    return a < b ? -1 : a > b;
}

static void af_answers(struct af_reader *r, const struct yamltree_node *map,
                       struct answers_file *af)
{
    if (map->kind != YAMLTREE_MAP) {
        if (!map->is_null)
            af_error(r, node_loc(map), "'answers' must be a map of question id to answer, not %s",
                     kind_name(map->kind));
        return;
    }
    size_t n = map->n;
    af->entries = xcalloc(n, sizeof *af->entries);
    for (size_t i = 0; i < n && !af_too_many(r); i++) {
        const struct yamltree_node *k = &map->items[2 * i], *v = k + 1;
        if (k->kind != YAMLTREE_SCALAR) {
            af_error(r, node_loc(k), "a question id must be a plain name, not %s",
                     kind_name(k->kind));
            continue;
        }
        af_entry(r, k, v, &af->entries[af->n_entries++]);
    }

    const struct answers_entry **order = xcalloc(af->n_entries, sizeof *order);
    for (size_t i = 0; i < af->n_entries; i++)
        order[i] = &af->entries[i];
    qsort(order, af->n_entries, sizeof *order, entry_cmp);
    const struct answers_entry *first = af->n_entries ? order[0] : NULL;
    for (size_t i = 1; i < af->n_entries && !af_too_many(r); i++) {
        if (strcmp(first->question, order[i]->question) != 0) {
            first = order[i];
            continue;
        }
        char quoted[QUOTE_SIZE];
        utf8_escape_buf(quoted, sizeof quoted, order[i]->question, strlen(order[i]->question));
        af_error(r, order[i]->loc, "duplicate answer to '%s' (first given at line %u)", quoted,
                 first->loc.line);
    }
    free(order);
}

static void af_document(struct af_reader *r, const struct yamltree_node *root,
                        struct answers_file *af)
{
    if (root->kind != YAMLTREE_MAP) {
        af_error(r, node_loc(root),
                 "an answers file is a map with 'patient', 'practitioner' and 'answers', not %s",
                 kind_name(root->kind));
        return;
    }
    const struct yamltree_node *seen[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < root->n; i++) {
        const struct yamltree_node *k = &root->items[2 * i], *v = k + 1;
        if (k->kind != YAMLTREE_SCALAR) {
            af_error(r, node_loc(k), "a key must be a plain name, not %s", kind_name(k->kind));
            continue;
        }
        size_t which = 0;
        while (which < 3 && strcmp(k->str, top_keys[which]) != 0)
            which++;
        if (which == 3) {
            char quoted[QUOTE_SIZE];
            utf8_escape_buf(quoted, sizeof quoted, k->str, strlen(k->str));
            const char *near =
                suggest_among(k->str, strlen(k->str), SUGGEST_BY_WORD_THIRD, top_keys, 3);
            if (near)
                af_error(r, node_loc(k), "unknown key '%s' (did you mean '%s'?)", quoted, near);
            else
                af_error(r, node_loc(k),
                         "unknown key '%s': expected patient, practitioner or answers", quoted);
            continue;
        }
        if (seen[which]) {
            af_error(r, node_loc(k), "duplicate key '%s' (first given at line %u)", top_keys[which],
                     seen[which]->line);
            continue;
        }
        seen[which] = k;
        if (which == 0)
            af->patient = af_person(r, "patient", v);
        else if (which == 1)
            af->practitioner = af_person(r, "practitioner", v);
        else {
            af->answers_loc = node_loc(k);
            af_answers(r, v, af);
        }
    }
    if (!seen[2])
        af_error(r, node_loc(root), "missing key 'answers': the answers by question id");
}

/* The one error of a file over ANSWERS_FILE_MAX_BYTES. */
static void af_too_large(struct diags *d, const char *name)
{
    diags_add(d, DIAG_ERROR, name, 1, 1, "the file is larger than %u bytes: not an answers file",
              ANSWERS_FILE_MAX_BYTES);
}

enum load_status answers_file_load_buffer(const char *name, const char *buf, size_t len,
                                          struct diags *d, struct answers_file **out)
{
    struct af_reader r = {.file = name, .d = d, .first_error = d->n_errors};
    struct src_loc start = {1, 1};
    *out = NULL;
    if (len > ANSWERS_FILE_MAX_BYTES) {
        af_too_large(d, name);
        return LOAD_BAD_DATA;
    }
    struct yamltree tree;
    enum yamltree_status st = yamltree_read(&tree, name, buf, len, &tree_rules, d);
    if (st != YAMLTREE_OK) {
        if (st == YAMLTREE_EMPTY)
            af_error(&r, start, "the answers file is empty: expected a map with 'answers'");
        yamltree_free(&tree);
        return LOAD_BAD_DATA;
    }
    struct answers_file *af = xcalloc(1, sizeof *af);
    af->file = xstrdup(name);
    af_document(&r, tree.root, af);
    yamltree_free(&tree);
    if (af_too_many(&r))
        diags_add(d, DIAG_ERROR, name, 0, 0, "too many errors; the rest is not examined");
    if (d->n_errors > r.first_error) {
        answers_file_free(af);
        return LOAD_BAD_DATA;
    }
    *out = af;
    return LOAD_OK;
}

enum load_status answers_file_load(const char *path, struct diags *d, struct answers_file **out)
{
    *out = NULL;
    size_t len = 0;
    struct file_error err;
    char *buf = file_read(path, ANSWERS_FILE_MAX_BYTES, &len, &err);
    if (!buf && err.problem == FILE_TOO_LARGE) {
        af_too_large(d, path);
        return LOAD_BAD_DATA;
    }
    if (!buf) {
        file_error_add(d, path, &err);
        return LOAD_IO_ERROR;
    }
    enum load_status st = answers_file_load_buffer(path, buf, len, d, out);
    free(buf);
    return st;
}

void answers_file_free(struct answers_file *af)
{
    if (!af)
        return;
    for (size_t i = 0; i < af->n_entries; i++) {
        struct answers_entry *e = &af->entries[i];
        free(e->question);
        for (size_t j = 0; j < e->n_values; j++)
            free(e->values[j]);
        free(e->values);
        free(e->value_locs);
    }
    free(af->entries);
    free(af->patient);
    free(af->practitioner);
    free(af->file);
    free(af);
}

/* ---- applying the answers to a walk ---- */

/* What qi accepts on the current earlier answers: answer_allowed, narrowed to the options
 * offered when some are not (e.g. only the Ludwig stages for a female patient). */
static char *allowed_now(const struct walk *w, size_t qi)
{
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    if (qn->type != QTYPE_CHOICE && qn->type != QTYPE_MULTI)
        return answer_allowed(qn);
    struct question narrowed = *qn;
    struct qoption *opts = xcalloc(qn->n_options, sizeof *opts);
    narrowed.options = opts;
    narrowed.n_options = 0;
    for (size_t i = 0; i < qn->n_options; i++)
        if (walk_option_offered(w, qi, i))
            opts[narrowed.n_options++] = qn->options[i];
    char *s = answer_allowed(&narrowed);
    free(opts);
    return s;
}

/* Parses entry e as an answer to qi into *a. Returns false after a diagnostic. */
static bool af_parse_entry(struct af_reader *r, const struct walk *w, size_t qi,
                           const struct answers_entry *e, struct answer *a)
{
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    char *msg = NULL;
    if (e->no_value && !e->is_list) {
        char *allowed = allowed_now(w, qi);
        af_error(r, e->value_loc, "no value given for '%s': expected %s", qn->id, allowed);
        free(allowed);
        return false;
    }
    if (e->no_value)
        return false; /* a list with a bad item: already reported */
    if (qn->type != QTYPE_MULTI && e->is_list) {
        char *allowed = allowed_now(w, qi);
        af_error(r, e->value_loc, "'%s' takes a single value, not a list: expected %s", qn->id,
                 allowed);
        free(allowed);
        return false;
    }
    struct src_loc loc = e->n_values ? e->value_locs[0] : e->value_loc;
    if (qn->type == QTYPE_MULTI) {
        /* a single value written without brackets is a one-element list (product.md 3) */
        msg = answer_parse_multi(qn, (const char *const *)e->values, e->n_values, a);
        /* point at the offending item when the message names one */
        for (size_t i = 0; msg && i < e->n_values; i++) {
            if (model_find_option(qn, e->values[i]) < 0) {
                loc = e->value_locs[i];
                break;
            }
        }
    } else {
        msg = answer_parse(qn, e->values[0], a);
    }
    if (msg) {
        af_error(r, loc, "%s", msg);
        free(msg);
        return false;
    }
    return true;
}

/* Names of the options a picks that are not offered now, "a, b". */
static char *not_offered_list(const struct walk *w, size_t qi, const struct answer *a)
{
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    char *s = xstrdup("");
    for (size_t i = 0; i < qn->n_options; i++) {
        bool picked =
            qn->type == QTYPE_MULTI ? (a->selected & (UINT64_C(1) << i)) != 0 : a->choice == (int)i;
        if (!picked || walk_option_offered(w, qi, i))
            continue;
        char *t = xasprintf("%s%s'%s'", s, *s ? ", " : "", qn->options[i].value);
        free(s);
        s = t;
    }
    return s;
}

static const char *question_id(const void *set, size_t i)
{
    return ((const struct questionnaire *)set)->questions[i].id;
}

bool answers_file_apply(const struct answers_file *af, struct walk *w, struct diags *d)
{
    const struct questionnaire *q = walk_questionnaire(w);
    struct af_reader r = {.file = af->file, .d = d, .first_error = d->n_errors};
    int *entry_of = xmalloc((q->n_questions ? q->n_questions : 1) * sizeof *entry_of);
    struct idtab by_id;
    idtab_init(&by_id, q->n_questions, question_id, q);
    for (size_t i = 0; i < q->n_questions; i++) {
        entry_of[i] = -1;
        idtab_put(&by_id, i);
    }

    /* Which question each entry answers (the first of duplicates: those were refused). */
    for (size_t k = 0; k < af->n_entries && !af_too_many(&r); k++) {
        const struct answers_entry *e = &af->entries[k];
        int qi = idtab_get(&by_id, e->question);
        if (qi >= 0) {
            if (entry_of[qi] < 0)
                entry_of[qi] = (int)k;
            continue;
        }
        char quoted[QUOTE_SIZE];
        utf8_escape_buf(quoted, sizeof quoted, e->question, strlen(e->question));
        const char *near = suggest_nearest(e->question, strlen(e->question), SUGGEST_BY_WORD_THIRD,
                                           question_id, q, q->n_questions);
        if (near)
            af_error(&r, e->loc, "unknown question '%s' (did you mean '%s'?)", quoted, near);
        else
            af_error(&r, e->loc, "unknown question '%s' in questionnaire '%s'", quoted, q->id);
    }

    /* The walk, in asking order: each answer can only change what comes after it. Once an
     * answer is refused, what the walk reaches later is unknown, so neither a missing answer
     * nor an ignored one is reported after it. */
    bool trusted = true;
    for (size_t i = 0; i < q->n_questions && !af_too_many(&r); i++) {
        const struct question *qn = &q->questions[i];
        int k = entry_of[i];
        struct answer a = {0};
        if (!walk_reached(w, i)) {
            if (k < 0)
                continue;
            if (af_parse_entry(&r, w, i, &af->entries[k], &a) && trusted)
                diags_add(
                    d, DIAG_WARNING, af->file, af->entries[k].loc.line, af->entries[k].loc.col,
                    "answer to '%s' ignored: the question is not asked for these answers", qn->id);
            answer_clear(&a);
            continue;
        }
        if (k < 0) {
            if (qn->required && trusted) {
                char *allowed = allowed_now(w, i);
                af_error(&r, af->answers_loc, "no answer to required question '%s' (expected %s)",
                         qn->id, allowed);
                free(allowed);
            } else if (!qn->required) {
                walk_visit(w, i);
            }
            continue;
        }
        if (!qn->required && af->entries[k].no_value && !af->entries[k].is_list) {
            walk_visit(w, i); /* `notes:` left empty: an optional question not answered */
            continue;
        }
        if (!af_parse_entry(&r, w, i, &af->entries[k], &a)) {
            trusted = false;
            continue;
        }
        if (walk_check(w, i, &a)) {
            char *bad = not_offered_list(w, i, &a);
            char *allowed = allowed_now(w, i);
            af_error(&r, af->entries[k].value_locs[0],
                     "%s is not offered for '%s' with these answers: expected %s", bad, qn->id,
                     allowed);
            free(bad);
            free(allowed);
            trusted = false;
        } else {
            walk_set(w, i, &a);
        }
        answer_clear(&a);
    }
    if (af_too_many(&r))
        diags_add(d, DIAG_ERROR, af->file, 0, 0, "too many errors; the rest is not examined");
    free(entry_of);
    idtab_free(&by_id);
    return d->n_errors == r.first_error;
}
