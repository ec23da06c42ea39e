/* test_yamltree.c - the shared YAML reading layer: the tree's shape and places, and each
 * refusal at FILE:LINE:COL in strict mode (collect all) and lenient mode (stop at the first). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yamltree.h"

static const struct yamltree_rules strict = {
    .strict = true,
    .max_depth = 4,
    .max_nodes = 20,
    .max_errors = 5,
    .what = "a test file",
    .anchor = "anchor!",
    .alias = "alias!",
    .tag = "tag!",
    .second_document = "second!",
};

static const struct yamltree_rules lenient = {
    .strict = false,
    .max_depth = 4,
    .max_nodes = 20,
    .max_errors = 5,
    .what = "a test file",
    .anchor = "anchor!",
    .alias = "alias!",
    .tag = "tag!",
    .second_document = "second!",
};

/* Reads yaml (len bytes) by rules r; returns the status, the tree in *t and the printed
 * diagnostics in *out (free both). */
static enum yamltree_status run(const struct yamltree_rules *r, const char *yaml, size_t len,
                                struct yamltree *t, char **out)
{
    struct diags d = DIAGS_INIT;
    enum yamltree_status st = yamltree_read(t, "t.yaml", yaml, len, r, &d);
    size_t size = 0;
    FILE *f = open_memstream(out, &size);
    diags_print(&d, f);
    fclose(f);
    diags_clear(&d);
    return st;
}

static void expect(const struct yamltree_rules *r, const char *yaml, enum yamltree_status want,
                   const char *printed)
{
    struct yamltree t;
    char *out;
    assert_int_equal(run(r, yaml, strlen(yaml), &t, &out), want);
    assert_string_equal(out, printed);
    if (want != YAMLTREE_OK)
        assert_null(t.root);
    free(out);
    yamltree_free(&t);
}

static void test_shape(void **state)
{
    (void)state;
    struct yamltree t;
    char *out;
    const char *yaml = "a: 1\nb: [x, 'y']\nc:\n";
    assert_int_equal(run(&strict, yaml, strlen(yaml), &t, &out), YAMLTREE_OK);
    assert_string_equal(out, "");
    const struct yamltree_node *m = t.root;
    assert_int_equal(m->kind, YAMLTREE_MAP);
    assert_int_equal(m->n, 3);
    assert_string_equal(m->items[0].str, "a");
    assert_string_equal(m->items[1].str, "1");
    const struct yamltree_node *b = &m->items[3];
    assert_int_equal(b->kind, YAMLTREE_SEQ);
    assert_int_equal(b->n, 2);
    assert_int_equal(b->items[1].line, 2);
    assert_int_equal(b->items[1].col, 8);
    assert_true(b->items[0].plain);
    assert_false(b->items[1].plain);
    assert_true(m->items[5].is_null);
    assert_false(b->items[1].is_null);
    free(out);
    yamltree_free(&t);
    assert_null(t.arena);
    yamltree_free(&t); /* twice is harmless */
}

static void test_empty(void **state)
{
    (void)state;
    expect(&strict, "", YAMLTREE_EMPTY, "");
    expect(&strict, "# only a comment\n", YAMLTREE_EMPTY, "");
    expect(&lenient, "", YAMLTREE_EMPTY, "");
}

static void test_strict_collects_all(void **state)
{
    (void)state;
    expect(&strict, "a: &x 1\nb: *x\nc: !t 2\n", YAMLTREE_OK,
           "t.yaml:1:4: error: anchor!\nt.yaml:2:4: error: alias!\nt.yaml:3:4: error: tag!\n");
    expect(&strict, "a: 1\nb: 2\na: 3\n", YAMLTREE_OK,
           "t.yaml:3:1: error: duplicate key 'a' (first at 1:1)\n");
    expect(&strict, "[a]: 1\n", YAMLTREE_OK,
           "t.yaml:1:1: error: a key must be a plain word, found a list\n");
    expect(&strict, "a: 1\n---\nb: 2\n", YAMLTREE_OK, "t.yaml:2:1: error: second!\n");
    expect(&strict, "a: \"x\\ay\"\n", YAMLTREE_OK,
           "t.yaml:1:6: error: control character U+0007 in text\n");
}

static void test_strict_bytes(void **state)
{
    (void)state;
    expect(&strict, "a: caf\xc3\n", YAMLTREE_BROKEN,
           "t.yaml:1:7: error: invalid UTF-8 byte 0xc3\n");
    expect(&strict, "a: x\x01y\n", YAMLTREE_BROKEN,
           "t.yaml:1:5: error: control character U+0001 (only tab and line breaks may appear)\n");
    struct yamltree t;
    char *out;
    assert_int_equal(run(&strict, "a:\n b\0", 6, &t, &out), YAMLTREE_BROKEN);
    assert_string_equal(out, "t.yaml:2:3: error: NUL byte (is this a text file?)\n");
    free(out);
    yamltree_free(&t);
}

static void test_lenient_stops_at_first(void **state)
{
    (void)state;
    expect(&lenient, "a: &x 1\nb: *x\n", YAMLTREE_BROKEN, "t.yaml:1:4: error: anchor!\n");
    expect(&lenient, "a: &x !t 1\n", YAMLTREE_BROKEN, "t.yaml:1:4: error: anchor!\n");
    expect(&lenient, "a: 1\na: 2\n", YAMLTREE_OK, ""); /* keys are the caller's */
    expect(&lenient, "a: 1\n---\nb: 2\n", YAMLTREE_BROKEN, "t.yaml:2:1: error: second!\n");
    expect(&lenient, "a: \"x\\0y\"\n", YAMLTREE_BROKEN,
           "t.yaml:1:4: error: a NUL character is not allowed here\n");
    expect(&lenient, "a: x\x01y\n", YAMLTREE_BROKEN,
           "t.yaml:1:5: error: control character 0x01 is not allowed\n");
}

static void test_bounds(void **state)
{
    (void)state;
    expect(&strict, "[[[[[]]]]]\n", YAMLTREE_BROKEN,
           "t.yaml:1:5: error: nesting deeper than 4 levels\n");
    expect(&strict, "[[[[]]]]\n", YAMLTREE_OK, "");
    expect(&strict, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]\n", YAMLTREE_BROKEN,
           "t.yaml:1:50: error: more than 20 YAML nodes; a test file never needs that many\n");
    expect(&strict, "[&a 1, &b 2, &c 3, &d 4, &e 5, &f 6, &g 7]\n", YAMLTREE_OK,
           "t.yaml:1:2: error: anchor!\nt.yaml:1:8: error: anchor!\nt.yaml:1:14: error: "
           "anchor!\nt.yaml:1:20: error: anchor!\nt.yaml:1:26: error: anchor!\nt.yaml: error: "
           "too many errors; only the first 5 are shown\n");
}

/* One huge collection is refused at its first item too many, before it is built. */
static void test_items_bound(void **state)
{
    (void)state;
    struct yamltree_rules r = strict;
    r.max_items = 3;
    expect(&r, "[1, 2, 3]\n", YAMLTREE_OK, "");
    expect(&r, "a: [1, 2, 3, 4, 5]\n", YAMLTREE_BROKEN,
           "t.yaml:1:14: error: more than 3 items in one list; a test file never needs that "
           "many\n");
    expect(&r, "{a: 1, b: 2, c: [1, 2], d: 4}\n", YAMLTREE_BROKEN,
           "t.yaml:1:25: error: more than 3 items in one mapping; a test file never needs that "
           "many\n");
    r.strict = false;
    expect(&r, "- 1\n- 2\n- 3\n- [4]\n", YAMLTREE_BROKEN,
           "t.yaml:4:3: error: more than 3 items in one list; a test file never needs that "
           "many\n");
}

static void test_malformed(void **state)
{
    (void)state;
    expect(&strict, "a: [\n", YAMLTREE_BROKEN,
           "t.yaml:2:1: error: malformed YAML: did not find expected node content (while "
           "parsing a flow node at 2:1)\n");
    expect(&lenient, "a: [\n", YAMLTREE_BROKEN,
           "t.yaml:2:1: error: malformed YAML: did not find expected node content while "
           "parsing a flow node\n");
}

static void test_quote(void **state)
{
    (void)state;
    char b[YAMLTREE_QUOTE_SIZE];
    assert_string_equal(yamltree_quote(b, sizeof b, "a\x1b\xc2\x85z", 5), "'a\\x1B\\u0085z'");
    assert_string_equal(
        yamltree_quote(b, sizeof b, "0123456789012345678901234567890123456789XYZ", 43),
        "'0123456789012345678901234567890123456789...'");
}

/* ---- items handed over while reading ---- */

static const struct yamltree_rules roomy = {
    .strict = true,
    .max_depth = 8,
    .max_nodes = 100,
    .max_errors = 5,
    .what = "a test file",
    .anchor = "anchor!",
    .alias = "alias!",
    .tag = "tag!",
    .second_document = "second!",
};

/* A taker that streams the items of the root mapping's `items:` list and of every `sub:` list
 * inside them, and writes down what it was handed. */
struct taker {
    char log[512];
    size_t lists; /* lists it was asked about */
};

static bool taker_list(void *ctx, const struct yamltree_level *levels, size_t depth)
{
    struct taker *tk = ctx;
    tk->lists++;
    const struct yamltree_node *key = &levels[depth - 1].items[levels[depth - 1].n - 1];
    return levels[depth - 1].node->kind == YAMLTREE_MAP && key->kind == YAMLTREE_SCALAR &&
           ((depth == 1 && strcmp(key->str, "items") == 0) ||
            (depth == 3 && strcmp(key->str, "sub") == 0));
}

static uint32_t taker_item(void *ctx, const struct yamltree_node *item, size_t index, size_t depth)
{
    struct taker *tk = ctx;
    size_t o = strlen(tk->log);
    char b[YAMLTREE_QUOTE_SIZE];
    snprintf(tk->log + o, sizeof tk->log - o, "[%zu.%zu %u:%u %s]", depth, index, item->line,
             item->col, yamltree_describe(b, sizeof b, item));
    return (uint32_t)(100 * depth + index);
}

static void test_stream(void **state)
{
    (void)state;
    const char *yaml = "a: 1\n"
                       "items:\n"
                       "  - x\n"
                       "  - {sub: [p, {q: 1}], k: v, k: w}\n"
                       "other: [y]\n";
    struct taker tk = {0};
    const struct yamltree_stream s = {&tk, 3, taker_list, taker_item};
    struct yamltree t;
    struct diags d = DIAGS_INIT;
    assert_int_equal(yamltree_read_stream(&t, "t.yaml", yaml, strlen(yaml), &roomy, &s, &d),
                     YAMLTREE_OK);
    /* the items in the order they completed (an item after the items inside it); the
     * mapping's repeated key reported before it was handed over */
    assert_string_equal(tk.log, "[1.0 3:5 'x'][3.0 4:12 'p'][3.1 4:15 a mapping][1.1 4:5 a "
                                "mapping]");
    assert_int_equal(tk.lists, 3);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].message, "duplicate key 'k' (first at 4:24)");
    /* the skeleton keeps placeholders with their places and tags */
    const struct yamltree_node *items = &t.root->items[3];
    assert_int_equal(items->kind, YAMLTREE_SEQ);
    assert_int_equal(items->n, 2);
    assert_int_equal(items->items[0].kind, YAMLTREE_TAKEN);
    assert_int_equal(items->items[0].n, 100);
    assert_int_equal(items->items[1].kind, YAMLTREE_TAKEN);
    assert_int_equal(items->items[1].n, 101);
    assert_int_equal(items->items[1].line, 4);
    assert_int_equal(items->items[1].col, 5);
    assert_int_equal(t.root->items[5].items[0].kind, YAMLTREE_SCALAR); /* `other`: not chosen */
    yamltree_free(&t);
    diags_clear(&d);
}

/* A document broken after some items were handed over: the status says so (the taker's
 * work is for it to drop). */
static void test_stream_broken(void **state)
{
    (void)state;
    const char *yaml = "items:\n  - x\n  - [y\n";
    struct taker tk = {0};
    const struct yamltree_stream s = {&tk, 3, taker_list, taker_item};
    struct yamltree t;
    struct diags d = DIAGS_INIT;
    assert_int_equal(yamltree_read_stream(&t, "t.yaml", yaml, strlen(yaml), &roomy, &s, &d),
                     YAMLTREE_BROKEN);
    assert_string_equal(tk.log, "[1.0 2:5 'x']");
    assert_null(t.root);
    assert_int_equal(d.n, 1);
    yamltree_free(&t);
    diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_strict_collects_all),
        cmocka_unit_test(test_strict_bytes),
        cmocka_unit_test(test_lenient_stops_at_first),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_items_bound),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_quote),
        cmocka_unit_test(test_stream),
        cmocka_unit_test(test_stream_broken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
