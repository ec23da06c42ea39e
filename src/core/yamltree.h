/* yamltree.h - one YAML document read into a small tree of scalars, lists and mappings with
 * their 1-based line:col, refusing what our files never need. The only user of libyaml. */
#ifndef MESOSCREEN_YAMLTREE_H
#define MESOSCREEN_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "utf8.h"

enum yamltree_kind {
    YAMLTREE_SCALAR,
    YAMLTREE_SEQ,
    YAMLTREE_MAP,
    YAMLTREE_BAD,   /* stands in for something already reported (an alias) */
    YAMLTREE_TAKEN, /* stands in for an item handed over while reading (yamltree_stream):
                       n holds the tag the taker gave it */
};

/* One YAML node. A mapping's items are its pairs laid out key, value, key, value, ... so the
 * value of a key node k is k + 1. Everything lives in the tree's arena. */
struct yamltree_node {
    const char *str;             /* scalar: the value, NUL-terminated (it may hold escaped NULs) */
    struct yamltree_node *items; /* sequence, mapping */
    uint32_t line, col;          /* 1-based */
    uint32_t n;         /* scalar: bytes of str; sequence: items; mapping: pairs (< 64 Mi) */
    unsigned char kind; /* enum yamltree_kind; 32 bytes a node, as a big file has millions */
    bool plain;         /* a plain (unquoted) scalar: only those can mean "nothing" */
    bool is_null;       /* a plain scalar that means "nothing": empty, ~, null, Null or NULL */
    bool skip;          /* strict: a mapping key already reported as a duplicate or not a scalar */
};

/* How a document is read. Strict (the questionnaire): the bytes are checked first with the
 * exact line:col of each bad one, control characters written as escapes are refused where
 * they are, mapping keys must be unique scalars, and every problem is collected (a second
 * document is reported and the first still used). Otherwise (the answers file): libyaml's
 * reader judges the bytes, only a NUL is refused in a scalar, keys are left to the caller,
 * and the first problem stops reading. */
struct yamltree_rules {
    bool strict;
    uint32_t max_depth; /* collections open at once; the first beyond stops reading */
    uint32_t max_nodes; /* scalars, collections and aliases; the first beyond stops reading */
    uint32_t max_items; /* items of one list (pairs of one mapping), counted as they arrive so
                           that one huge collection is refused before it is built; the first
                           beyond stops reading; 0: only max_nodes bounds them */
    size_t max_errors;  /* past this many, one "too many errors" and then silence */
    const char *what;   /* "a questionnaire", for "... never needs that many" */
    /* Complete messages for the refusals, e.g. "anchors are not allowed". */
    const char *anchor, *alias, *tag, *second_document;
};

enum yamltree_status {
    YAMLTREE_OK,     /* t->root is the document (in strict mode t->errors may be > 0) */
    YAMLTREE_EMPTY,  /* no node at all (nothing reported: the caller words it) */
    YAMLTREE_BROKEN, /* bad bytes, malformed YAML or a bound: reported, no tree */
};

struct arena;

struct yamltree {
    const struct yamltree_node *root; /* NULL unless YAMLTREE_OK */
    size_t errors;                    /* errors this read added to d (and those past the cap) */
    struct arena *arena;              /* private: holds every node and string */
};

/* Reads buf[0..len) (not NUL-terminated, len < 4 GiB) as one YAML document by rules r, appending
 * each problem to d as FILE:LINE:COL (file as given; it is copied). Fills *t, which the caller must
 * release with yamltree_free whatever the status; the nodes live until then. */
enum yamltree_status yamltree_read(struct yamltree *t, const char *file, const char *buf,
                                   size_t len, const struct yamltree_rules *r, struct diags *d);

/* One collection still open while a document is read: its kind and place (node; items and n
 * not yet set) and its children so far (items[0..n), a mapping's as key, value, ...; for a
 * mapping whose value is being read, items[n - 1] is its key). Valid during the call only. */
struct yamltree_level {
    const struct yamltree_node *node;
    const struct yamltree_node *items;
    size_t n;
};

/* Reading with items handed over: the items of chosen lists go to the taker as soon as each
 * is complete, and the tree keeps a YAMLTREE_TAKEN placeholder in place of each, so that the
 * tree of a big document is never whole in memory. */
struct yamltree_stream {
    void *ctx;
    size_t depth; /* `list` is asked about lists opened at most this deep (1: the root's) */
    /* A list opens inside levels[0..depth) (levels[0] the root collection): true when its
     * items are to be handed over. */
    bool (*list)(void *ctx, const struct yamltree_level *levels, size_t depth);
    /* Item `index` of such a list (opened inside `depth` collections) is complete, its
     * mapping keys already checked: returns the tag its placeholder keeps. The item's nodes
     * are released when this returns. */
    uint32_t (*item)(void *ctx, const struct yamltree_node *item, size_t index, size_t depth);
};

/* yamltree_read with the items of the lists s chooses handed over as they complete. Every
 * diagnostic is the same as yamltree_read's; the tree (if any) has placeholders. */
enum yamltree_status yamltree_read_stream(struct yamltree *t, const char *file, const char *buf,
                                          size_t len, const struct yamltree_rules *r,
                                          const struct yamltree_stream *s, struct diags *d);

/* Frees the tree's nodes and strings and resets *t; safe on a zeroed struct. */
void yamltree_free(struct yamltree *t);

/* Writes s[0..len) into buf for a message: in single quotes, escaped as utf8_escape_buf does,
 * so that nothing from the file reaches the terminal raw; a buffer of YAMLTREE_QUOTE_SIZE
 * bytes shows 40 characters, then "...". size must be at least UTF8_ESCAPED_SIZE(1) + 2
 * (dies otherwise). Returns buf. */
#define YAMLTREE_QUOTE_SIZE (UTF8_ESCAPED_SIZE(40) + 2)
const char *yamltree_quote(char *buf, size_t size, const char *s, size_t len);

/* What n is, for "expected X, found Y" messages: "a mapping", "a list", "nothing" or the
 * quoted scalar (in buf, as yamltree_quote). */
const char *yamltree_describe(char *buf, size_t size, const struct yamltree_node *n);

#endif
