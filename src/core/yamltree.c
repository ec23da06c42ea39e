/* yamltree.c - the one place libyaml is used (with yamltree_bytes.c, which checks the bytes):
 * events turned into a small bounded tree in an arena, or handed over item by item, anchors,
 * aliases, tags and repeated keys refused at FILE:LINE:COL. */
#include "yamltree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "xalloc.h"
#include "yamltree_int.h"

/* ==== the nodes live in an arena: one free for the whole tree ==== */

_Static_assert(sizeof(struct yamltree_node) <= 32, "a big file has millions of nodes");

void yamltree_free(struct yamltree *t)
{
    arena_free(t->arena);
    *t = (struct yamltree){0};
}

/* ==== the reading context and diagnostics ==== */

static void report(struct reader *rd, uint32_t line, uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Past rules->max_errors a file is not one with mistakes but something else: stop adding
 * diagnostics (and memory) for it. */
static void report(struct reader *rd, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    diags_vadd_capped(rd->d, &rd->t->errors, rd->rules->max_errors, rd->file, line, col, fmt, ap);
}

void yamltree_error_at(struct reader *rd, uint32_t line, uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(rd, line, col, fmt, ap);
    va_end(ap);
}

static void error_node(struct reader *rd, const struct yamltree_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_node(struct reader *rd, const struct yamltree_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(rd, n->line, n->col, fmt, ap);
    va_end(ap);
}

/* Whether reading must stop: outside strict mode, the first problem ends it. */
static bool stopped(const struct reader *rd)
{
    return !rd->rules->strict && rd->t->errors > 0;
}

/* ==== quoting for messages ==== */

const char *yamltree_quote(char *buf, size_t size, const char *s, size_t len)
{
    if (size < UTF8_ESCAPED_SIZE(1) + 2)
        xdie("yamltree_quote: a buffer of %zu bytes", size);
    utf8_escape_buf(buf + 1, size - 2, s, len);
    size_t n = strlen(buf + 1);
    buf[0] = '\'';
    buf[n + 1] = '\'';
    buf[n + 2] = '\0';
    return buf;
}

#define QUOTE(buf, node) yamltree_quote(buf, sizeof buf, (node)->str, (node)->n)

const char *yamltree_describe(char *buf, size_t size, const struct yamltree_node *n)
{
    if (n->kind == YAMLTREE_MAP)
        return "a mapping";
    if (n->kind == YAMLTREE_SEQ)
        return "a list";
    if (n->kind == YAMLTREE_TAKEN)
        return "an item read before";
    if (n->is_null)
        return "nothing";
    return yamltree_quote(buf, size, n->str, n->n);
}

#define DESCRIBE(buf, node) yamltree_describe(buf, sizeof buf, node)

/* ==== stage 2: libyaml events to the tree ==== */

struct open {
    size_t first; /* index in pending of its first child */
    struct yamltree_node node;
    bool streamed;          /* its items are handed over (yamltree_stream) */
    bool item;              /* it is an item of such a list: released once handed over */
    struct arena_mark mark; /* where the arena stood when it opened, if an item */
};

struct builder {
    struct yamltree_node *pending; /* children of the open collections, in document order */
    size_t n_pending, cap_pending;
    struct open *open;
    size_t n_open, cap_open;
    size_t n_nodes;                /* so far, against rules->max_nodes */
    struct yamltree_level *levels; /* for yamltree_stream.list, one per open collection */
};

static void pending_push(struct builder *b, struct yamltree_node n)
{
    if (b->n_pending == b->cap_pending) {
        b->cap_pending = b->cap_pending ? 2 * b->cap_pending : 256;
        b->pending = xreallocarray(b->pending, b->cap_pending, sizeof *b->pending);
    }
    b->pending[b->n_pending++] = n;
}

static struct yamltree_node node_at(const yaml_mark_t *m, enum yamltree_kind kind)
{
    return (struct yamltree_node){
        .kind = kind, .line = (uint32_t)m->line + 1, .col = (uint32_t)m->column + 1};
}

struct key_ref {
    const struct yamltree_node *key;
    size_t index;
};

static int key_ref_compare(const void *pa, const void *pb)
{
    const struct key_ref *a = pa, *b = pb;
    size_t n = a->key->n < b->key->n ? a->key->n : b->key->n;
    int c = memcmp(a->key->str, b->key->str, n);
    if (c)
        return c;
    if (a->key->n != b->key->n)
        return a->key->n < b->key->n ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static bool same_key(const struct yamltree_node *a, const struct yamltree_node *b)
{
    return a->n == b->n && memcmp(a->str, b->str, a->n) == 0;
}

static void duplicate(struct reader *rd, struct yamltree_node *dup,
                      const struct yamltree_node *first)
{
    char b[YAMLTREE_QUOTE_SIZE];
    error_node(rd, dup, "duplicate key %s (first at %u:%u)", QUOTE(b, dup), first->line,
               first->col);
    dup->skip = true;
}

/* Marks and reports keys that are not scalars, and every repeat of a key. Small mappings
 * compare pairs; big ones sort, so a huge mapping is O(n log n), never O(n^2). */
static void mapping_check_keys(struct reader *rd, struct yamltree_node *map)
{
    for (size_t i = 0; i < map->n; i++) {
        struct yamltree_node *k = &map->items[2 * i];
        if (k->kind != YAMLTREE_SCALAR && k->kind != YAMLTREE_BAD) {
            char b[YAMLTREE_QUOTE_SIZE];
            error_node(rd, k, "a key must be a plain word, found %s", DESCRIBE(b, k));
        }
        if (k->kind != YAMLTREE_SCALAR)
            k->skip = true;
    }
    if (map->n <= 16) {
        for (size_t i = 1; i < map->n; i++) {
            struct yamltree_node *k = &map->items[2 * i];
            for (size_t j = 0; j < i && !k->skip; j++) {
                const struct yamltree_node *f = &map->items[2 * j];
                if (f->kind == YAMLTREE_SCALAR && same_key(k, f))
                    duplicate(rd, k, f);
            }
        }
        return;
    }
    struct key_ref *refs = xcalloc(map->n, sizeof *refs);
    size_t n = 0;
    for (size_t i = 0; i < map->n; i++)
        if (!map->items[2 * i].skip)
            refs[n++] = (struct key_ref){&map->items[2 * i], i};
    qsort(refs, n, sizeof *refs, key_ref_compare);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (same_key(refs[i].key, refs[first].key))
            duplicate(rd, &map->items[2 * refs[i].index], refs[first].key);
        else
            first = i;
    }
    free(refs);
}

/* Whether node event e would be one item too many in the innermost open collection (reported):
 * its items wait in b->pending until it closes, so a flow list of millions would cost hundreds
 * of megabytes before max_nodes stopped it. */
static bool too_many_items(struct reader *rd, const struct builder *b, const yaml_event_t *e)
{
    if (!rd->rules->max_items || b->n_open == 0 ||
        !(e->type == YAML_SCALAR_EVENT || e->type == YAML_ALIAS_EVENT ||
          e->type == YAML_SEQUENCE_START_EVENT || e->type == YAML_MAPPING_START_EVENT))
        return false;
    const struct open *o = &b->open[b->n_open - 1];
    size_t per_item = o->node.kind == YAMLTREE_MAP ? 2 : 1;
    if (b->n_pending - o->first < rd->rules->max_items || /* the common case, no division */
        (b->n_pending - o->first) / per_item < rd->rules->max_items)
        return false;
    yamltree_error_at(rd, (uint32_t)e->start_mark.line + 1, (uint32_t)e->start_mark.column + 1,
                      "more than %u items in one %s; %s never needs that many",
                      (unsigned)rd->rules->max_items,
                      o->node.kind == YAMLTREE_MAP ? "mapping" : "list", rd->rules->what);
    return true;
}

/* Asks the taker whether the list opening now, inside every open collection, is streamed. */
static bool list_streamed(struct reader *rd, struct builder *b)
{
    for (size_t i = 0; i < b->n_open; i++) {
        size_t end = i + 1 < b->n_open ? b->open[i + 1].first : b->n_pending;
        b->levels[i] = (struct yamltree_level){&b->open[i].node,
                                               b->pending ? b->pending + b->open[i].first : NULL,
                                               end - b->open[i].first};
    }
    return rd->stream->list(rd->stream->ctx, b->levels, b->n_open);
}

/* The node just pushed, an item of a streamed list, goes to the taker; its memory (all of it
 * allocated since m) is released and a placeholder takes its place. */
static void item_taken(struct reader *rd, struct builder *b, struct arena_mark m)
{
    struct yamltree_node *n = &b->pending[b->n_pending - 1];
    const struct open *list = &b->open[b->n_open - 1];
    uint32_t tag =
        rd->stream->item(rd->stream->ctx, n, b->n_pending - 1 - list->first, b->n_open - 1);
    arena_rewind(rd->t->arena, m);
    *n = (struct yamltree_node){.kind = YAMLTREE_TAKEN, .line = n->line, .col = n->col, .n = tag};
}

/* Opens a collection; past rules->max_depth reports it and returns false: reading stops
 * there, since libyaml's own work per token grows with the nesting of flow collections. */
static bool collection_start(struct reader *rd, struct builder *b, const yaml_event_t *e,
                             enum yamltree_kind kind)
{
    struct yamltree_node n = node_at(&e->start_mark, kind);
    if (b->n_open == rd->rules->max_depth) {
        error_node(rd, &n, "nesting deeper than %u levels", (unsigned)rd->rules->max_depth);
        return false;
    }
    if (b->n_open == b->cap_open) {
        b->cap_open = b->cap_open ? 2 * b->cap_open : 16;
        b->open = xreallocarray(b->open, b->cap_open, sizeof *b->open);
        if (rd->stream)
            b->levels = xreallocarray(b->levels, b->cap_open, sizeof *b->levels);
    }
    struct open o = {.first = b->n_pending, .node = n};
    if (b->n_open > 0 && b->open[b->n_open - 1].streamed) {
        o.item = true;
        o.mark = arena_mark(rd->t->arena);
    }
    if (rd->stream && kind == YAMLTREE_SEQ && b->n_open > 0 && b->n_open <= rd->stream->depth)
        o.streamed = list_streamed(rd, b);
    b->open[b->n_open++] = o;
    return true;
}

static void collection_end(struct reader *rd, struct builder *b)
{
    struct open o = b->open[--b->n_open];
    size_t count = b->n_pending - o.first;
    o.node.items = arena_alloc(rd->t->arena, count * sizeof *o.node.items);
    if (count) /* an empty collection may have nothing pending at all (pending NULL) */
        memcpy(o.node.items, b->pending + o.first, count * sizeof *o.node.items);
    b->n_pending = o.first;
    o.node.n = (uint32_t)(o.node.kind == YAMLTREE_MAP ? count / 2 : count);
    if (o.node.kind == YAMLTREE_MAP && rd->rules->strict)
        mapping_check_keys(rd, &o.node);
    pending_push(b, o.node);
    if (o.item)
        item_taken(rd, b, o.mark);
}

/* Whether a plain scalar means "nothing": empty, ~, null, Null or NULL. */
static bool spells_null(const char *s, size_t len)
{
    switch (len) {
    case 0:
        return true;
    case 1:
        return s[0] == '~';
    case 4:
        return memcmp(s, "null", 4) == 0 || memcmp(s, "Null", 4) == 0 || memcmp(s, "NULL", 4) == 0;
    default:
        return false;
    }
}

static void scalar_add(struct reader *rd, struct builder *b, const yaml_event_t *e)
{
    struct yamltree_node n = node_at(&e->start_mark, YAMLTREE_SCALAR);
    size_t len = e->data.scalar.length; /* the callers bound the bytes: n fits in 32 bits */
    const char *s = arena_strndup(rd->t->arena, (const char *)e->data.scalar.value, len);
    n.str = s;
    n.n = (uint32_t)len;
    n.plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    n.is_null = n.plain && spells_null(s, len);
    if (!rd->rules->strict) {
        if (memchr(s, '\0', len))
            error_node(rd, &n, "a NUL character is not allowed here");
        pending_push(b, n);
        return;
    }
    /* The raw bytes passed bytes_check, and libyaml turns every line break into LF: only a
     * double-quoted escape can put a control character into a scalar. */
    if (e->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
        pending_push(b, n);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        if (c == 0xc2 && i + 1 < len) {
            cp = (unsigned char)s[++i];        /* U+0080..U+00BF: where the C1 controls live */
        } else if (c == 0xe2 && i + 2 < len) { /* U+2000..U+2FFF: where the bidi controls live */
            if (utf8_decode(s + i, 3, &cp) != 3)
                continue;
            i += 2;
        } else if (c >= 0x80) {
            continue; /* any other byte of a multi-byte character: never a control */
        }
        if (yamltree_refused(cp)) {
            yamltree_escapes_check(rd, &e->start_mark, cp);
            break;
        }
    }
    pending_push(b, n);
}

/* Anchors, aliases and tags would let a file say things our schema cannot see (or make a
 * small file expand hugely): refuse them where they are. */
static void properties_check(struct reader *rd, const yaml_event_t *e)
{
    const yaml_char_t *anchor = NULL, *tag = NULL;
    if (e->type == YAML_SCALAR_EVENT) {
        anchor = e->data.scalar.anchor;
        tag = e->data.scalar.tag;
    } else if (e->type == YAML_SEQUENCE_START_EVENT) {
        anchor = e->data.sequence_start.anchor;
        tag = e->data.sequence_start.tag;
    } else if (e->type == YAML_MAPPING_START_EVENT) {
        anchor = e->data.mapping_start.anchor;
        tag = e->data.mapping_start.tag;
    }
    uint32_t line = (uint32_t)e->start_mark.line + 1, col = (uint32_t)e->start_mark.column + 1;
    if (anchor)
        yamltree_error_at(rd, line, col, "%s", rd->rules->anchor);
    if (tag && !stopped(rd))
        yamltree_error_at(rd, line, col, "%s", rd->rules->tag);
}

/* Bad bytes found by libyaml's reader (outside strict mode): a control character or broken
 * UTF-8. In strict mode bytes_check leaves nothing for the reader to refuse. */
static void reader_error(struct reader *rd, const yaml_parser_t *p)
{
    uint32_t line, col;
    if (rd->rules->strict) {
        yamltree_error_at(rd, 1, 1, "malformed YAML: %s",
                          p->problem ? p->problem : "unreadable input");
        return;
    }
    yamltree_offset_place(rd->src, rd->len, p->problem_offset, &line, &col);
    if (p->problem && strstr(p->problem, "control"))
        yamltree_error_at(rd, line, col, "control character 0x%02x is not allowed",
                          (unsigned)p->problem_value);
    else
        yamltree_error_at(rd, line, col, "not valid UTF-8 (%s)",
                          p->problem ? p->problem : "unreadable bytes");
}

static void syntax_error(struct reader *rd, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        xdie("out of memory");
    if (p->error == YAML_READER_ERROR) {
        reader_error(rd, p);
        return;
    }
    uint32_t line = (uint32_t)p->problem_mark.line + 1, col = (uint32_t)p->problem_mark.column + 1;
    if (!rd->rules->strict)
        yamltree_error_at(rd, line, col, "malformed YAML: %s%s%s",
                          p->problem ? p->problem : "error", p->context ? " " : "",
                          p->context ? p->context : "");
    else if (p->context)
        yamltree_error_at(rd, line, col, "malformed YAML: %s (%s at %u:%u)", p->problem, p->context,
                          (unsigned)p->context_mark.line + 1, (unsigned)p->context_mark.column + 1);
    else
        yamltree_error_at(rd, line, col, "malformed YAML: %s",
                          p->problem ? p->problem : "syntax error");
}

/* Parses the bytes into a tree: the status of yamltree_read. */
static enum yamltree_status tree_parse(struct reader *rd)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        xdie("out of memory");
    /* Strict mode forces no encoding: libyaml then skips a UTF-8 byte order mark, and
     * bytes_check has made sure the input is UTF-8 (UTF-16 marks are invalid UTF-8).
     * Otherwise the reader must refuse anything else. */
    yaml_parser_set_input_string(&p, (const unsigned char *)rd->src, rd->len);
    if (!rd->rules->strict)
        yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);

    struct builder b = {0};
    bool ok = true, documents = false;
    for (bool done = false; !done;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            ok = false;
            break;
        }
        properties_check(rd, &e);
        if (stopped(rd)) {
            yaml_event_delete(&e);
            break;
        }
        if ((e.type == YAML_SCALAR_EVENT || e.type == YAML_ALIAS_EVENT ||
             e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT) &&
            ++b.n_nodes > rd->rules->max_nodes) {
            yamltree_error_at(rd, (uint32_t)e.start_mark.line + 1,
                              (uint32_t)e.start_mark.column + 1,
                              "more than %u YAML nodes; %s never needs that many",
                              (unsigned)rd->rules->max_nodes, rd->rules->what);
            yaml_event_delete(&e);
            ok = false;
            break;
        }
        if (too_many_items(rd, &b, &e)) {
            yaml_event_delete(&e);
            ok = false;
            break;
        }
        switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (documents) {
                yamltree_error_at(rd, (uint32_t)e.start_mark.line + 1,
                                  (uint32_t)e.start_mark.column + 1, "%s",
                                  rd->rules->second_document);
                done = true;
            }
            documents = true;
            break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT: {
            bool item = b.n_open > 0 && b.open[b.n_open - 1].streamed;
            struct arena_mark m = item ? arena_mark(rd->t->arena) : (struct arena_mark){0};
            if (e.type == YAML_SCALAR_EVENT) {
                scalar_add(rd, &b, &e);
            } else {
                struct yamltree_node n = node_at(&e.start_mark, YAMLTREE_BAD);
                error_node(rd, &n, "%s", rd->rules->alias);
                pending_push(&b, n);
            }
            if (item)
                item_taken(rd, &b, m);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (!collection_start(rd, &b, &e,
                                  e.type == YAML_SEQUENCE_START_EVENT ? YAMLTREE_SEQ
                                                                      : YAMLTREE_MAP)) {
                ok = false;
                done = true;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            collection_end(rd, &b);
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&e);
        if (stopped(rd))
            done = true;
    }
    if (p.error != YAML_NO_ERROR) {
        ok = false;
        syntax_error(rd, &p);
    }
    enum yamltree_status st = YAMLTREE_BROKEN;
    if (ok && !stopped(rd) && b.n_pending > 0) {
        struct yamltree_node *root = arena_alloc(rd->t->arena, sizeof *root);
        *root = b.pending[0];
        rd->t->root = root;
        st = YAMLTREE_OK;
    } else if (ok && !stopped(rd)) {
        st = YAMLTREE_EMPTY;
    }
    free(b.pending);
    free(b.open);
    free(b.levels);
    yaml_parser_delete(&p);
    return st;
}

/* ==== the entry point ==== */

enum yamltree_status yamltree_read_stream(struct yamltree *t, const char *file, const char *buf,
                                          size_t len, const struct yamltree_rules *r,
                                          const struct yamltree_stream *s, struct diags *d)
{
    *t = (struct yamltree){.arena = arena_new()};
    if (len > UINT32_MAX) /* node lengths are 32-bit; every caller bounds its files far lower */
        xdie("yamltree_read: %zu bytes is beyond any bound", len);
    struct reader rd = {
        .file = file, .src = buf, .len = len, .rules = r, .d = d, .t = t, .stream = s};
    if (r->strict && !yamltree_bytes_check(&rd))
        return YAMLTREE_BROKEN;
    return tree_parse(&rd);
}

enum yamltree_status yamltree_read(struct yamltree *t, const char *file, const char *buf,
                                   size_t len, const struct yamltree_rules *r, struct diags *d)
{
    return yamltree_read_stream(t, file, buf, len, r, NULL, d);
}
