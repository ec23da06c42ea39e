/* paths_reduce.c - step 4 of the path analysis: the state graph reduced, once per outcome,
 * to the decision diagram of "this way leads there", and its paths (see paths.c for the algorithm).
 */
#include "paths_impl.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ---- the reduced diagram ---- */

struct pair {
    uint32_t child, cls;
};

static int cmp_pair(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    if (x->child != y->child)
        return x->child < y->child ? -1 : 1;
    return (x->cls > y->cls) - (x->cls < y->cls);
}

/* A group of pairs (same child) while a node is being reduced. */
struct span {
    size_t first, n;
};

static int cmp_span_by_class(const void *a, const void *b, const struct pair *pairs)
{
    const struct span *x = a, *y = b;
    uint32_t cx = pairs[x->first].cls, cy = pairs[y->first].cls;
    return (cx > cy) - (cx < cy);
}

/* Interns reduced nodes by content: (question, groups (child, classes)). */
struct rtable {
    uint32_t *keys; /* all keys, back to back */
    size_t n_keys, cap_keys;
    size_t *key_first; /* per reduced node */
    uint32_t *slots;
    size_t n_slots;
};

static void rtable_rehash(struct rtable *t, size_t n_nodes)
{
    free(t->slots);
    t->n_slots = t->n_slots ? 2 * t->n_slots : 64;
    t->slots = xmalloc(t->n_slots * sizeof *t->slots);
    memset(t->slots, 0xff, t->n_slots * sizeof *t->slots);
    for (size_t r = 0; r < n_nodes; r++) {
        const uint32_t *k = t->keys + t->key_first[r];
        size_t len = t->key_first[r + 1] - t->key_first[r];
        size_t s = (size_t)paths_key_hash(k, len) & (t->n_slots - 1);
        while (t->slots[s] != NO_NODE)
            s = (s + 1) & (t->n_slots - 1);
        t->slots[s] = (uint32_t)r;
    }
}

/* The reduced node for one state: sorts its edges into groups and shares equal nodes. */
static uint32_t reduce_node(struct rdiag *d, struct rtable *t, size_t question, struct pair *pairs,
                            size_t n)
{
    qsort(pairs, n, sizeof *pairs, cmp_pair);
    struct span *spans = xcalloc(n, sizeof *spans);
    size_t n_spans = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || pairs[i].child != pairs[i - 1].child)
            spans[n_spans++] = (struct span){i, 0};
        spans[n_spans - 1].n++;
    }
    if (n_spans == 1) {
        uint32_t child = pairs[0].child;
        free(spans);
        return child;
    }
    /* Groups in the order of their first answer class (insertion sort: few groups). */
    for (size_t i = 1; i < n_spans; i++)
        for (size_t j = i; j > 0 && cmp_span_by_class(&spans[j - 1], &spans[j], pairs) > 0; j--) {
            struct span tmp = spans[j];
            spans[j] = spans[j - 1];
            spans[j - 1] = tmp;
        }

    size_t len = 2 + 2 * n_spans + n;
    uint32_t *k = xcalloc(len, sizeof *k);
    size_t at = 0;
    k[at++] = (uint32_t)question;
    k[at++] = (uint32_t)n_spans;
    for (size_t g = 0; g < n_spans; g++) {
        k[at++] = pairs[spans[g].first].child;
        k[at++] = (uint32_t)spans[g].n;
        for (size_t i = 0; i < spans[g].n; i++)
            k[at++] = pairs[spans[g].first + i].cls;
    }
    size_t s = (size_t)paths_key_hash(k, len) & (t->n_slots - 1);
    while (t->slots[s] != NO_NODE) {
        uint32_t r = t->slots[s];
        size_t rlen = t->key_first[r + 1] - t->key_first[r];
        if (rlen == len && memcmp(t->keys + t->key_first[r], k, len * sizeof *k) == 0) {
            free(k);
            free(spans);
            return r;
        }
        s = (s + 1) & (t->n_slots - 1);
    }

    uint32_t r = (uint32_t)d->n_nodes;
    d->nodes = xreallocarray(d->nodes, d->n_nodes + 1, sizeof *d->nodes);
    d->nodes[d->n_nodes++] = (struct rnode){question, d->n_groups, n_spans};
    d->groups = xreallocarray(d->groups, d->n_groups + n_spans, sizeof *d->groups);
    d->classes = xreallocarray(d->classes, d->n_classes + n, sizeof *d->classes);
    for (size_t g = 0; g < n_spans; g++) {
        d->groups[d->n_groups++] =
            (struct rgroup){pairs[spans[g].first].child, d->n_classes, spans[g].n};
        for (size_t i = 0; i < spans[g].n; i++)
            d->classes[d->n_classes++] = pairs[spans[g].first + i].cls;
    }

    if (t->n_keys + len > t->cap_keys) {
        while (t->n_keys + len > t->cap_keys)
            t->cap_keys = t->cap_keys ? 2 * t->cap_keys : 256;
        t->keys = xreallocarray(t->keys, t->cap_keys, sizeof *t->keys);
    }
    memcpy(t->keys + t->n_keys, k, len * sizeof *k);
    t->n_keys += len;
    t->key_first = xreallocarray(t->key_first, d->n_nodes + 1, sizeof *t->key_first);
    t->key_first[d->n_nodes] = t->n_keys;
    t->slots[s] = r;
    if (2 * d->n_nodes > t->n_slots)
        rtable_rehash(t, d->n_nodes);
    free(k);
    free(spans);
    return r;
}

/* Builds the reduced diagram of "leads to outcome o", bottom-up: children before parents, so
 * a reduced node's children always have smaller indexes. States the budget left unexplored
 * count as not leading to o. Free with rdiag_free. */
void paths_reduce(const struct paths *p, uint32_t o, struct rdiag *d)
{
    *d = (struct rdiag){.root = R_FALSE};
    if (p->n_nodes == 0)
        return;
    uint32_t *canon = xcalloc(p->n_nodes, sizeof *canon);
    struct rtable t = {0};
    t.key_first = xcalloc(1, sizeof *t.key_first);
    rtable_rehash(&t, 0);
    struct pair *pairs = NULL;
    size_t cap = 0;
    size_t level = p->q->n_questions;
    for (size_t node = p->n_nodes; node-- > 0;) {
        while (level > 0 && p->level_first[level] > node)
            level--;
        size_t e0 = p->edge_first[node], e1 = p->edge_first[node + 1];
        if (e0 == e1) {
            canon[node] = R_FALSE;
            continue;
        }
        if (e1 - e0 > cap) {
            cap = e1 - e0;
            pairs = xreallocarray(pairs, cap, sizeof *pairs);
        }
        for (size_t e = e0; e < e1; e++) {
            uint32_t c = p->edges[e].child;
            uint32_t to = !(c & TERMINAL) ? canon[c] : c == (TERMINAL | o) ? R_TRUE : R_FALSE;
            pairs[e - e0] = (struct pair){to, p->edges[e].cls};
        }
        canon[node] = reduce_node(d, &t, level, pairs, e1 - e0);
    }
    d->root = canon[0];
    free(canon);
    free(pairs);
    free(t.keys);
    free(t.key_first);
    free(t.slots);
}

void paths_rdiag_free(struct rdiag *d)
{
    free(d->nodes);
    free(d->groups);
    free(d->classes);
}

/* ---- alternatives per outcome ---- */

/* Which reduced nodes lead to R_TRUE, and by how many paths (a double: it only bounds what
 * is printed, and may be astronomically large). */
static void rdiag_reach(const struct rdiag *d, bool *reach, double *count)
{
    for (size_t r = 0; r < d->n_nodes; r++) {
        const struct rnode *rn = &d->nodes[r];
        reach[r] = false;
        count[r] = 0;
        for (size_t g = rn->first_group; g < rn->first_group + rn->n_groups; g++) {
            uint32_t c = d->groups[g].child;
            if (c == R_TRUE) {
                reach[r] = true;
                count[r] += 1;
            } else if (!(c & TERMINAL) && reach[c]) {
                reach[r] = true;
                count[r] += count[c];
            }
        }
    }
}

struct frame {
    uint32_t node;
    size_t group; /* the group being followed */
};

/* Calls emit for up to `limit` alternatives leading to outcome o, each as "a; b; c" ("" when
 * no answer matters); returns how many alternatives there are in all. */
double paths_alternatives(const struct paths *p, const struct speech *s, uint32_t o, size_t limit,
                          void (*emit)(const char *alt, void *arg), void *arg)
{
    struct rdiag d;
    paths_reduce(p, o, &d);
    if (d.root & TERMINAL) {
        paths_rdiag_free(&d);
        if (d.root != R_TRUE)
            return 0;
        if (limit > 0)
            emit("", arg);
        return 1;
    }
    bool *reach = xcalloc(d.n_nodes, sizeof *reach);
    double *count = xcalloc(d.n_nodes, sizeof *count);
    rdiag_reach(&d, reach, count);
    double total = reach[d.root] ? count[d.root] : 0;
    struct frame *stack = xcalloc(d.n_nodes + 1, sizeof *stack);
    size_t depth = 0, emitted = 0;
    if (reach[d.root])
        stack[depth++] = (struct frame){d.root, d.nodes[d.root].first_group};
    while (depth > 0 && emitted < limit) {
        struct frame *f = &stack[depth - 1];
        const struct rnode *rn = &d.nodes[f->node];
        if (f->group == rn->first_group + rn->n_groups) {
            depth--;
            if (depth > 0)
                stack[depth - 1].group++;
            continue;
        }
        uint32_t c = d.groups[f->group].child;
        if (c == R_TRUE) {
            struct strbuf b = STRBUF_INIT;
            for (size_t i = 0; i < depth; i++) {
                const struct rgroup *g = &d.groups[stack[i].group];
                if (i)
                    strbuf_puts(&b, s->words ? "\n" : "; ");
                paths_label_classes(&b, p, s, d.nodes[stack[i].node].question,
                                    d.classes + g->first_cls, g->n_cls);
            }
            char *alt = strbuf_release(&b, NULL);
            emit(alt, arg);
            free(alt);
            emitted++;
            f->group++;
        } else if (!(c & TERMINAL) && reach[c]) {
            stack[depth++] = (struct frame){c, d.nodes[c].first_group};
        } else {
            f->group++;
        }
    }
    free(stack);
    free(reach);
    free(count);
    paths_rdiag_free(&d);
    return total;
}

struct examples {
    struct strbuf b;
    size_t n;
};

static void add_example(const char *alt, void *arg)
{
    struct examples *e = arg;
    strbuf_printf(&e->b, "%s(%s)", e->n++ ? " or " : "", *alt ? alt : "whatever the answers");
}

char *paths_example(const struct paths *p, size_t i, size_t limit)
{
    if (i >= p->n_outcomes || limit == 0)
        return xstrdup("");
    struct examples e = {STRBUF_INIT, 0};
    struct speech ids = {p->q, 0, false};
    double total = paths_alternatives(p, &ids, (uint32_t)i, limit, add_example, &e);
    if (total > (double)e.n)
        strbuf_printf(&e.b, " or %.0f more", total - (double)e.n);
    return strbuf_release(&e.b, NULL);
}
