/* answers_file.c - reading an answers file (libyaml events -> a small tree -> our struct) and
 * walking a questionnaire with it. Every problem is a FILE:LINE:COL diagnostic. */
#include "answers_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "answer.h"
#include "xalloc.h"

/* ---- a YAML tree, bounded, without anchors, aliases or tags ---- */

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

struct ynode {
    enum ynode_kind kind;
    struct src_loc loc;
    char *value;          /* scalar: NUL-terminated (a NUL inside is refused) */
    bool plain;           /* scalar written without quotes or block style */
    struct ynode **items; /* sequence items, or mapping keys and values alternating */
    size_t n_items, cap;
};

static void ynode_free(struct ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_items; i++)
        ynode_free(n->items[i]);
    free(n->items);
    free(n->value);
    free(n);
}

static void ynode_append(struct ynode *parent, struct ynode *child)
{
    if (parent->n_items == parent->cap) {
        parent->cap = parent->cap ? parent->cap * 2 : 8;
        parent->items = xreallocarray(parent->items, parent->cap, sizeof *parent->items);
    }
    parent->items[parent->n_items++] = child;
}

static struct src_loc mark_loc(yaml_mark_t m)
{
    return (struct src_loc){.line = (uint32_t)m.line + 1, .col = (uint32_t)m.column + 1};
}

/* The line and column (in characters) of byte offset off: where libyaml's reader, which has
 * no mark of its own, found bad bytes. */
static struct src_loc offset_loc(const char *buf, size_t len, size_t off)
{
    struct src_loc loc = {1, 1};
    for (size_t i = 0; i < off && i < len; i++) {
        if (buf[i] == '\n')
            loc.line++, loc.col = 1;
        else if (((unsigned char)buf[i] & 0xC0) != 0x80)
            loc.col++;
    }
    return loc;
}

/* Everything one load works with. */
struct af_reader {
    const char *file;
    struct diags *d;
    size_t first_error; /* d->n_errors when this file started */
};

#define af_error(r, loc, ...)                                                                      \
    diags_add((r)->d, DIAG_ERROR, (r)->file, (loc).line, (loc).col, __VA_ARGS__)

/* Bad bytes found by libyaml's reader: a control character or broken UTF-8. */
static void af_reader_error(struct af_reader *r, const yaml_parser_t *p, const char *buf,
                            size_t len)
{
    struct src_loc loc = offset_loc(buf, len, p->problem_offset);
    if (p->problem && strstr(p->problem, "control"))
        af_error(r, loc, "control character 0x%02x is not allowed", (unsigned)p->problem_value);
    else
        af_error(r, loc, "not valid UTF-8 (%s)", p->problem ? p->problem : "unreadable bytes");
}

static bool af_too_many(const struct af_reader *r)
{
    return r->d->n_errors - r->first_error >= ANSWERS_FILE_MAX_ERRORS;
}

/* Refuses what an answers file never needs and what could blow it up: anchors, aliases and
 * tags. Returns false (after a diagnostic) for such an event. */
static bool af_plain_event(struct af_reader *r, const yaml_event_t *ev)
{
    const yaml_char_t *anchor = NULL, *tag = NULL;
    struct src_loc loc = mark_loc(ev->start_mark);
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        af_error(r, loc, "YAML aliases are not allowed in an answers file");
        return false;
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor, tag = ev->data.scalar.tag;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor, tag = ev->data.sequence_start.tag;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor, tag = ev->data.mapping_start.tag;
        break;
    default:
        return true;
    }
    if (anchor) {
        af_error(r, loc, "YAML anchors are not allowed in an answers file");
        return false;
    }
    if (tag) {
        af_error(r, loc, "YAML tags are not allowed in an answers file");
        return false;
    }
    return true;
}

/* Parses the single document of buf into a tree. Returns NULL after a diagnostic when the
 * YAML is malformed or breaks a bound; an empty document gives NULL without one. */
static struct ynode *af_parse_tree(struct af_reader *r, const char *buf, size_t len, bool *bad)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        xdie("out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    struct ynode *stack[ANSWERS_FILE_MAX_DEPTH + 1];
    size_t depth = 0;
    struct ynode *root = NULL;
    size_t documents = 0;
    bool done = false;
    *bad = false;

    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            if (parser.error == YAML_MEMORY_ERROR)
                xdie("out of memory");
            if (parser.error == YAML_READER_ERROR)
                af_reader_error(r, &parser, buf, len);
            else
                af_error(r, mark_loc(parser.problem_mark), "malformed YAML: %s%s%s",
                         parser.problem ? parser.problem : "error", parser.context ? " " : "",
                         parser.context ? parser.context : "");
            *bad = true;
            break;
        }
        if (!af_plain_event(r, &ev)) {
            yaml_event_delete(&ev);
            *bad = true;
            break;
        }
        struct src_loc loc = mark_loc(ev.start_mark);
        struct ynode *node = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                af_error(r, loc, "an answers file holds one YAML document, not several");
                *bad = true;
                done = true;
            }
            break;
        case YAML_SCALAR_EVENT: {
            size_t n = ev.data.scalar.length;
            if (memchr(ev.data.scalar.value, '\0', n)) {
                af_error(r, loc, "a NUL character is not allowed here");
                *bad = true;
                done = true;
                break;
            }
            node = xcalloc(1, sizeof *node);
            node->kind = YNODE_SCALAR;
            node->loc = loc;
            node->value = xstrndup((const char *)ev.data.scalar.value, n);
            node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (depth == ANSWERS_FILE_MAX_DEPTH) {
                af_error(r, loc, "nesting deeper than %d levels", ANSWERS_FILE_MAX_DEPTH);
                *bad = true;
                done = true;
                break;
            }
            node = xcalloc(1, sizeof *node);
            node->kind = ev.type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQUENCE : YNODE_MAPPING;
            node->loc = loc;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        if (!node)
            continue;
        if (depth > 0)
            ynode_append(stack[depth - 1], node);
        else if (!root)
            root = node;
        else
            ynode_free(node); /* unreachable: one document has one root */
        if (node->kind != YNODE_SCALAR)
            stack[depth++] = node;
    }
    yaml_parser_delete(&parser);
    if (*bad) {
        ynode_free(root);
        return NULL;
    }
    return root;
}

/* ---- from the tree to struct answers_file ---- */

static const char *const top_keys[] = {"patient", "practitioner", "answers"};

/* Edit distance, for "did you mean". Both strings are ids (at most 64 bytes, see callers). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The candidate nearest to s, or NULL when none is near enough to be a likely typo. */
static const char *nearest(const char *s, const char *const *candidates, size_t n)
{
    size_t len = strlen(s);
    if (len > 64)
        return NULL;
    const char *best = NULL;
    size_t best_d = len / 3 + 2;
    for (size_t i = 0; i < n; i++) {
        if (strlen(candidates[i]) > 64)
            continue;
        size_t dist = edit_distance(s, candidates[i]);
        if (dist < best_d)
            best = candidates[i], best_d = dist;
    }
    return best;
}

static const char *kind_name(enum ynode_kind k)
{
    static const char *const names[] = {
        [YNODE_SCALAR] = "a value",
        [YNODE_SEQUENCE] = "a list",
        [YNODE_MAPPING] = "a map",
    };
    return names[k];
}

/* Whether a scalar says "nothing": written empty, `~` or `null` without quotes. */
static bool is_null_scalar(const struct ynode *n)
{
    return n->plain &&
           (n->value[0] == '\0' || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
            strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

/* patient / practitioner: a non-empty text without control characters. */
static char *af_person(struct af_reader *r, const char *key, const struct ynode *v)
{
    if (v->kind != YNODE_SCALAR) {
        af_error(r, v->loc, "'%s' must be a text, not %s", key, kind_name(v->kind));
        return NULL;
    }
    if (is_null_scalar(v) || v->value[0] == '\0') {
        af_error(r, v->loc, "'%s' is empty: give a value or leave the key out", key);
        return NULL;
    }
    static const struct question text_question = {.id = "text", .type = QTYPE_TEXT};
    struct answer a = {.given = true, .text = v->value};
    const char *why = answer_check(&text_question, &a);
    if (why) {
        char *quoted = answer_quote(v->value, strlen(v->value));
        af_error(r, v->loc, "'%s' %s: '%s'", key, why, quoted);
        free(quoted);
        return NULL;
    }
    return xstrdup(v->value);
}

static void af_entry(struct af_reader *r, const struct ynode *k, const struct ynode *v,
                     struct answers_entry *e)
{
    e->question = xstrdup(k->value);
    e->loc = k->loc;
    e->value_loc = v->loc;
    if (v->kind == YNODE_MAPPING) {
        char *quoted = answer_quote(k->value, strlen(k->value));
        af_error(r, v->loc, "the answer to '%s' must be a value or a list, not a map", quoted);
        free(quoted);
        e->no_value = true;
        return;
    }
    if (v->kind == YNODE_SCALAR) {
        e->values = xmalloc(sizeof *e->values);
        e->value_locs = xmalloc(sizeof *e->value_locs);
        e->values[0] = xstrdup(v->value);
        e->value_locs[0] = v->loc;
        e->n_values = 1;
        e->no_value = is_null_scalar(v);
        return;
    }
    e->is_list = true;
    e->values = xcalloc(v->n_items, sizeof *e->values);
    e->value_locs = xcalloc(v->n_items, sizeof *e->value_locs);
    for (size_t i = 0; i < v->n_items; i++) {
        const struct ynode *item = v->items[i];
        if (item->kind != YNODE_SCALAR) {
            char *quoted = answer_quote(k->value, strlen(k->value));
            af_error(r, item->loc, "the answer to '%s' must list values, not %s", quoted,
                     kind_name(item->kind));
            free(quoted);
            e->no_value = true;
            continue;
        }
        e->values[e->n_values] = xstrdup(item->value);
        e->value_locs[e->n_values++] = item->loc;
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

static void af_answers(struct af_reader *r, const struct ynode *map, struct answers_file *af)
{
    if (map->kind != YNODE_MAPPING) {
        if (!(map->kind == YNODE_SCALAR && is_null_scalar(map)))
            af_error(r, map->loc, "'answers' must be a map of question id to answer, not %s",
                     kind_name(map->kind));
        return;
    }
    size_t n = map->n_items / 2;
    af->entries = xcalloc(n, sizeof *af->entries);
    for (size_t i = 0; i < n && !af_too_many(r); i++) {
        const struct ynode *k = map->items[2 * i], *v = map->items[2 * i + 1];
        if (k->kind != YNODE_SCALAR) {
            af_error(r, k->loc, "a question id must be a plain name, not %s", kind_name(k->kind));
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
        char *quoted = answer_quote(order[i]->question, strlen(order[i]->question));
        af_error(r, order[i]->loc, "duplicate answer to '%s' (first given at line %u)", quoted,
                 first->loc.line);
        free(quoted);
    }
    free(order);
}

static void af_document(struct af_reader *r, const struct ynode *root, struct answers_file *af)
{
    if (root->kind != YNODE_MAPPING) {
        af_error(r, root->loc,
                 "an answers file is a map with 'patient', 'practitioner' and 'answers', not %s",
                 kind_name(root->kind));
        return;
    }
    const struct ynode *seen[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i + 1 < root->n_items; i += 2) {
        const struct ynode *k = root->items[i], *v = root->items[i + 1];
        if (k->kind != YNODE_SCALAR) {
            af_error(r, k->loc, "a key must be a plain name, not %s", kind_name(k->kind));
            continue;
        }
        size_t which = 0;
        while (which < 3 && strcmp(k->value, top_keys[which]) != 0)
            which++;
        if (which == 3) {
            char *quoted = answer_quote(k->value, strlen(k->value));
            const char *near = nearest(k->value, top_keys, 3);
            if (near)
                af_error(r, k->loc, "unknown key '%s' (did you mean '%s'?)", quoted, near);
            else
                af_error(r, k->loc, "unknown key '%s': expected patient, practitioner or answers",
                         quoted);
            free(quoted);
            continue;
        }
        if (seen[which]) {
            af_error(r, k->loc, "duplicate key '%s' (first given at line %u)", top_keys[which],
                     seen[which]->loc.line);
            continue;
        }
        seen[which] = k;
        if (which == 0)
            af->patient = af_person(r, "patient", v);
        else if (which == 1)
            af->practitioner = af_person(r, "practitioner", v);
        else {
            af->answers_loc = k->loc;
            af_answers(r, v, af);
        }
    }
    if (!seen[2])
        af_error(r, root->loc, "missing key 'answers': the answers by question id");
}

enum load_status answers_file_load_buffer(const char *name, const char *buf, size_t len,
                                          struct diags *d, struct answers_file **out)
{
    struct af_reader r = {.file = name, .d = d, .first_error = d->n_errors};
    struct src_loc start = {1, 1};
    *out = NULL;
    if (len > ANSWERS_FILE_MAX_BYTES) {
        af_error(&r, start, "the file is larger than %u bytes: not an answers file",
                 ANSWERS_FILE_MAX_BYTES);
        return LOAD_BAD_DATA;
    }
    bool bad;
    struct ynode *root = af_parse_tree(&r, buf, len, &bad);
    if (bad)
        return LOAD_BAD_DATA;
    if (!root) {
        af_error(&r, start, "the answers file is empty: expected a map with 'answers'");
        return LOAD_BAD_DATA;
    }
    struct answers_file *af = xcalloc(1, sizeof *af);
    af->file = xstrdup(name);
    af_document(&r, root, af);
    ynode_free(root);
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
    FILE *f = fopen(path, "rb");
    if (!f) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return LOAD_IO_ERROR;
    }
    size_t cap = 64 * 1024, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > ANSWERS_FILE_MAX_BYTES)
                break; /* already over the bound: the buffer loader says so */
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    bool failed = ferror(f);
    int err = errno;
    fclose(f);
    if (failed) {
        free(buf);
        diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(err));
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
    if (qn->type == QTYPE_MULTI && !e->is_list) {
        char *quoted = answer_quote(e->values[0], strlen(e->values[0]));
        af_error(r, e->value_locs[0], "'%s' takes a list of values: write [%s] for a single one",
                 qn->id, quoted);
        free(quoted);
        return false;
    }
    if (qn->type != QTYPE_MULTI && e->is_list) {
        char *allowed = allowed_now(w, qi);
        af_error(r, e->value_loc, "'%s' takes a single value, not a list: expected %s", qn->id,
                 allowed);
        free(allowed);
        return false;
    }
    struct src_loc loc = e->n_values ? e->value_locs[0] : e->value_loc;
    if (qn->type == QTYPE_MULTI) {
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

bool answers_file_apply(const struct answers_file *af, struct walk *w, struct diags *d)
{
    const struct questionnaire *q = walk_questionnaire(w);
    struct af_reader r = {.file = af->file, .d = d, .first_error = d->n_errors};
    int *entry_of = xmalloc((q->n_questions ? q->n_questions : 1) * sizeof *entry_of);
    const char **ids = xcalloc(q->n_questions, sizeof *ids);
    for (size_t i = 0; i < q->n_questions; i++) {
        entry_of[i] = -1;
        ids[i] = q->questions[i].id;
    }

    /* Which question each entry answers (the first of duplicates: those were refused). */
    for (size_t k = 0; k < af->n_entries && !af_too_many(&r); k++) {
        const struct answers_entry *e = &af->entries[k];
        int qi = model_find_question(q, e->question);
        if (qi >= 0) {
            if (entry_of[qi] < 0)
                entry_of[qi] = (int)k;
            continue;
        }
        char *quoted = answer_quote(e->question, strlen(e->question));
        const char *near = nearest(e->question, ids, q->n_questions);
        if (near)
            af_error(&r, e->loc, "unknown question '%s' (did you mean '%s'?)", quoted, near);
        else
            af_error(&r, e->loc, "unknown question '%s' in questionnaire '%s'", quoted, q->id);
        free(quoted);
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
    free(ids);
    return d->n_errors == r.first_error;
}
