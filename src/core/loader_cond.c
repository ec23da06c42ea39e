/* loader_cond.c - conditions: a mapping with one operator (all, any, not, is, in, includes,
 * below, at_most, above, at_least, answered, eligibility, finding), read by a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"
#include "arena.h"

/* ---- conditions ---- */

struct cond *loader_cond(struct loader *l, const struct yamltree_node *n);

static void cond_items(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    if (!loader_expect(l, v, YAMLTREE_SEQ, "a list of conditions"))
        return;
    if (v->n == 0) {
        loader_error(l, v, "expected at least one condition, found an empty list");
        return;
    }
    c->items = arena_calloc(l->q->arena, v->n, sizeof *c->items);
    for (size_t i = 0; i < v->n; i++) {
        struct cond *item = loader_cond(l, &v->items[i]);
        if (item)
            c->items[c->n_items++] = item;
    }
}

static void cond_not(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    struct cond *item = loader_cond(l, v);
    if (!item)
        return;
    c->items = arena_calloc(l->q->arena, 1, sizeof *c->items);
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
            loader_error(l, v, "expected at least one value, found an empty list");
            return;
        }
    } else if (!loader_expect(l, v, YAMLTREE_SCALAR,
                              one ? "one value (use 'in' for several)" : "a value")) {
        return;
    }
    c->values = arena_calloc(l->q->arena, n, sizeof *c->values);
    for (size_t i = 0; i < n; i++) {
        char *s = loader_string(l, &items[i], "a value");
        if (s)
            c->values[c->n_values++] = (struct cond_value){s, node_loc(&items[i]), -1};
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
    loader_number(l, v, &c->number);
}

static void cond_answered(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    loader_bool(l, v, &c->flag);
}

static void cond_eligibility(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    const struct yamltree_node *items = v;
    size_t n = 1;
    if (v->kind == YAMLTREE_SEQ) {
        items = v->items;
        n = v->n;
        if (n == 0)
            loader_error(l, v, "expected at least one eligibility, found an empty list");
    }
    for (size_t i = 0; i < n; i++) {
        int e = loader_word(l, &items[i], "eligibility", model_eligibility_parse, eligibility_name,
                            ELIG_COUNT);
        if (e >= 0)
            c->eligibilities |= 1u << e;
    }
}

static void cond_finding(struct loader *l, const struct yamltree_node *v, struct cond *c)
{
    c->ref = loader_id(l, v, "finding id");
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
struct cond *loader_cond(struct loader *l, const struct yamltree_node *n)
{
    if (!loader_expect(l, n, YAMLTREE_MAP, "a condition (a mapping such as {question: Q, is: V})"))
        return NULL;
    struct cond *c = arena_calloc(l->q->arena, 1, sizeof *c);
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
            loader_unknown_word(l, k, "key", " in a condition", cond_keys,
                                sizeof cond_keys / sizeof cond_keys[0]);
        } else if (op) {
            loader_error(l, k,
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
        loader_error(l, n, "a condition needs an operator: one of %s",
                     loader_join(list, sizeof list, cond_keys + 1, N_COND_OPS));
        return c;
    }
    c->kind = op->kind;
    c->op = op->op;
    op->parse(l, op_key + 1, c);
    if (op->on_question && !question)
        loader_error(l, op_key, "condition '%s' needs 'question'", op->name);
    else if (!op->on_question && question)
        loader_error(l, question, "'question' does not go with '%s'", op->name);
    else if (question) {
        c->ref = loader_id(l, question + 1, "question id");
        c->ref_loc = node_loc(question + 1);
    }
    return c;
}
