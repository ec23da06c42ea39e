/* loader_stream.c - reading a big questionnaire without its whole tree: yamltree hands over
 * each section, question, finding and recommendation as soon as it is complete, the loader
 * converts it at once, and the walk of the remaining skeleton later puts it in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "loader_int.h"
#include "xalloc.h"

/* A diagnostic made while reading ahead: reported when the walk of the document reaches the
 * item it belongs to, so that the order (and the cap) are those of reading the whole tree. */
struct held {
    uint32_t line, col;
    uint32_t owner; /* the tag of the item that made it */
    uint32_t text;  /* offset in stream->text */
};

static enum stream_kind tag_kind(uint32_t tag)
{
    return (enum stream_kind)(tag >> 28);
}

/* ---- held diagnostics ---- */

static void held_push(struct loader_stream *s, uint32_t line, uint32_t col, const char *msg,
                      size_t len)
{
    if (s->n_held == s->cap_held) {
        s->cap_held = s->cap_held ? 2 * s->cap_held : 64;
        s->held = xreallocarray(s->held, s->cap_held, sizeof *s->held);
    }
    if (s->text_cap - s->text_len < len + 1) {
        while (s->text_cap - s->text_len < len + 1)
            s->text_cap = s->text_cap ? 2 * s->text_cap : 4096;
        s->text = xreallocarray(s->text, s->text_cap, 1);
    }
    memcpy(s->text + s->text_len, msg, len);
    s->text[s->text_len + len] = '\0';
    s->held[s->n_held++] = (struct held){line, col, s->owner, (uint32_t)s->text_len};
    s->text_len += len + 1;
}

void loader_hold(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    struct loader_stream *s = l->stream;
    /* Past MAX_ERRORS which ones the cap shows depends on the order of the whole walk: such a
     * file is read again whole, and the rest of this reading is not worth keeping. */
    if (++s->made > MAX_ERRORS) {
        l->restart = true;
        return;
    }
    char *msg = xvasprintf(fmt, ap);
    held_push(s, line, col, msg, strlen(msg));
    free(msg);
}

/* The next held diagnostics of tag's class (questions', or the others') are tag's. */
void loader_replay(struct loader *l, uint32_t tag)
{
    struct loader_stream *s = l->stream;
    bool question = tag_kind(tag) == STREAM_QUESTION;
    size_t *c = &s->cursor[question];
    while (*c < s->n_held && (tag_kind(s->held[*c].owner) == STREAM_QUESTION) != question)
        ++*c;
    for (; *c < s->n_held && s->held[*c].owner == tag; ++*c) {
        struct held h = s->held[*c];
        if (s->owner) { /* a question's, into its section's (read ahead as well) */
            size_t len = strlen(s->text + h.text);
            char *msg = xmalloc(len + 1); /* held_push may move the text */
            memcpy(msg, s->text + h.text, len + 1);
            held_push(s, h.line, h.col, msg, len);
            free(msg);
        } else {
            loader_error_at(l, h.line, h.col, "%s", s->text + h.text);
        }
    }
}

bool loader_taken(struct loader *l, const struct yamltree_node *n, enum stream_kind kind,
                  size_t index)
{
    if (n->kind != YAMLTREE_TAKEN)
        return false;
    if (!l->stream || n->n != STREAM_TAG(kind, index)) {
        l->restart = true;
        return true;
    }
    loader_replay(l, n->n);
    return true;
}

bool loader_stream_done(struct loader *l)
{
    struct loader_stream *s = l->stream;
    if (l->walked != l->q->n_questions)
        l->restart = true;
    for (int k = 0; k < 2; k++) {
        while (s->cursor[k] < s->n_held &&
               (tag_kind(s->held[s->cursor[k]].owner) == STREAM_QUESTION) != (k == 1))
            s->cursor[k]++;
        if (s->cursor[k] != s->n_held)
            l->restart = true;
    }
    return !l->restart;
}

/* ---- growing arrays ---- */

void *loader_grow(struct stream_array *a, size_t size)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 64;
        a->items = xreallocarray(a->items, a->cap, size);
    }
    void *p = (char *)a->items + a->n++ * size;
    memset(p, 0, size);
    return p;
}

/* Kept as it is: the model points at it (the pages of a big array past its end were never
 * touched, so they cost no memory). */
static void array_done(struct stream_array *a, struct arena *arena, bool keep)
{
    if (keep)
        arena_adopt(arena, a->items);
    else
        free(a->items);
    *a = (struct stream_array){0};
}

void loader_stream_free(struct loader *l, bool keep)
{
    struct loader_stream *s = l->stream;
    struct arena *a = l->q ? l->q->arena : NULL;
    array_done(&s->sections, a, keep);
    array_done(&s->findings, a, keep);
    array_done(&s->recommendations, a, keep);
    free(s->held);
    free(s->text);
    *s = (struct loader_stream){0};
}

/* ---- which lists are handed over ---- */

/* The names whose first key at the root matters, as bits of root_seen. */
enum { NAME_SECTIONS, NAME_FINDINGS, NAME_RECOMMENDATIONS, NAME_LANGUAGES, NAME_COUNT };
static const struct {
    const char *name;
    size_t len;
    enum stream_kind kind;
} names[NAME_COUNT] = {
    [NAME_SECTIONS] = {"sections", 8, STREAM_SECTION},
    [NAME_FINDINGS] = {"findings", 8, STREAM_FINDING},
    [NAME_RECOMMENDATIONS] = {"recommendations", 15, STREAM_RECOMMENDATION},
    [NAME_LANGUAGES] = {"languages", 9, STREAM_LANGUAGES},
};

/* Which name key k spells exactly, or -1. A key equal to a name only up to a NUL counts as that
 * name for the walk (which compares C strings) but is another key to yamltree: -2. */
static int key_name(const struct yamltree_node *k)
{
    if (k->kind != YAMLTREE_SCALAR)
        return -1;
    for (int i = 0; i < NAME_COUNT; i++) {
        if (strcmp(k->str, names[i].name) == 0)
            return k->n == names[i].len ? i : -2;
    }
    return -1;
}

/* Whether the key the root's value now opening sits under is the first of its name (a later
 * one is a duplicate the walk skips). Scans each root key once, whatever the file. */
static int root_first(struct loader_stream *s, const struct yamltree_level *root)
{
    int current = -1;
    for (; s->root_scanned < root->n; s->root_scanned += 2) {
        int name = key_name(&root->items[s->root_scanned]);
        bool last = s->root_scanned + 1 == root->n;
        if (name == -2)
            s->root_unclear = true;
        if (name < 0)
            continue;
        bool first = !(s->root_seen & 1u << name);
        s->root_seen |= 1u << name;
        if (last && first)
            current = name;
    }
    return current;
}

/* The value of the first `languages:` key of the root, among the pairs read so far. */
static const struct yamltree_node *root_languages(const struct yamltree_level *root)
{
    for (size_t i = 0; i + 1 < root->n; i += 2)
        if (key_name(&root->items[i]) == NAME_LANGUAGES)
            return &root->items[i + 1];
    return NULL;
}

/* At the first list to stream: `languages:` must be read before any text. When it is not
 * there yet, the default is taken and the walk checks that none came later. */
static void languages_ahead(struct loader *l, const struct yamltree_level *root)
{
    struct loader_stream *s = l->stream;
    s->decided = true;
    s->on = !s->root_unclear;
    if (!s->on)
        return;
    const struct yamltree_node *v = root_languages(root);
    s->has_languages = v != NULL;
    if (v) {
        s->languages_loc = node_loc(v);
        s->languages_kind = v->kind;
    }
    s->owner = STREAM_TAG(STREAM_LANGUAGES, 0);
    loader_languages(l, v);
    s->owner = 0;
}

/* Whether the key of the section's value now opening is its first `questions:`. */
static bool section_first(struct loader_stream *s, const struct yamltree_level *sections,
                          const struct yamltree_level *section)
{
    if (s->section_at != sections->n + 1) { /* another section: start over */
        s->section_at = sections->n + 1;
        s->section_scanned = 0;
        s->section_seen = false;
    }
    bool current = false;
    for (; s->section_scanned < section->n; s->section_scanned += 2) {
        const struct yamltree_node *k = &section->items[s->section_scanned];
        if (k->kind != YAMLTREE_SCALAR || k->n != 9 || memcmp(k->str, "questions", 9) != 0)
            continue;
        current = !s->section_seen && s->section_scanned + 1 == section->n;
        s->section_seen = true;
    }
    return current;
}

static bool stream_list(void *ctx, const struct yamltree_level *lv, size_t depth)
{
    struct loader *l = ctx;
    struct loader_stream *s = l->stream;
    if (lv[0].node->kind != YAMLTREE_MAP || (s->decided && !s->on))
        return false;
    if (depth == 1) {
        int name = root_first(s, &lv[0]);
        s->root_list = 0;
        if (name < 0 || name == NAME_LANGUAGES)
            return false;
        if (!s->decided)
            languages_ahead(l, &lv[0]);
        if (s->on)
            s->root_list = names[name].kind;
        return s->on;
    }
    /* sections[i].questions, in a sections list that is streamed */
    if (depth != 3 || s->root_list != STREAM_SECTION || lv[1].node->kind != YAMLTREE_SEQ ||
        lv[2].node->kind != YAMLTREE_MAP || !section_first(s, &lv[1], &lv[2]))
        return false;
    s->question_section = lv[1].n;
    return true;
}

static uint32_t stream_item(void *ctx, const struct yamltree_node *n, size_t index, size_t depth)
{
    struct loader *l = ctx;
    struct loader_stream *s = l->stream;
    if (l->restart) /* it will be read again: nothing read ahead matters */
        return 0;
    enum stream_kind kind = depth == 3 ? STREAM_QUESTION : s->root_list;
    if (kind == STREAM_QUESTION)
        index = l->q->n_questions;
    s->owner = STREAM_TAG(kind, index);
    switch (kind) {
    case STREAM_SECTION:
        loader_section(l, n, index, loader_grow(&s->sections, sizeof(struct section)));
        break;
    case STREAM_QUESTION:
        loader_question(l, n, s->question_section);
        break;
    case STREAM_FINDING:
        loader_finding(l, n, loader_grow(&s->findings, sizeof(struct finding)));
        break;
    case STREAM_RECOMMENDATION:
        loader_recommendation(l, n,
                              loader_grow(&s->recommendations, sizeof(struct recommendation)));
        break;
    default:
        xdie("loader: an item of no streamed list");
    }
    s->owner = 0;
    return STREAM_TAG(kind, index);
}

struct yamltree_stream loader_stream_hooks(struct loader *l)
{
    return (struct yamltree_stream){.ctx = l, .depth = 3, .list = stream_list, .item = stream_item};
}
