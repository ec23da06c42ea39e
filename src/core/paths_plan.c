/* paths_plan.c - what the states of each level must keep: the findings' order and decision
 * points, when each question and finding is last needed, and the stages of each question's
 * classes (what later conditions can still tell apart). See paths.c for the algorithm. */
#include "paths_impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "xalloc.h"

/* ---- when each question and finding is needed ---- */

void paths_plan_need(struct paths *p, const struct cond *c, long at)
{
    if (c->ref_index < 0)
        return;
    if (paths_is_question_leaf(c)) {
        long *need = &p->qinfo[c->ref_index].need;
        if (*need < at)
            *need = at;
    } else if (c->kind == COND_FINDING) {
        long *need = &p->finfo[c->ref_index].need;
        if (*need < at)
            *need = at;
    }
}

/* The decision point of a finding: the last question its `when` names or a `raises` on it
 * involves, at least that of each finding its `when` names. */
struct dp_arg {
    long dp;
};

static void dp_leaf(struct paths *p, const struct cond *c, void *arg)
{
    long *dp = &((struct dp_arg *)arg)->dp;
    if (c->ref_index < 0)
        return;
    if (paths_is_question_leaf(c) && c->ref_index > *dp)
        *dp = c->ref_index;
    else if (c->kind == COND_FINDING && p->finfo[c->ref_index].dp > *dp)
        *dp = p->finfo[c->ref_index].dp;
}

/* Depth-first order of findings, dependencies first (the validator rules out cycles; a
 * cycle here would only lose order, never loop). */
static void order_visit(struct paths *p, size_t f, unsigned char *mark, size_t *n);

static void order_leaf(struct paths *p, const struct cond *c, void *arg)
{
    void **a = arg;
    if (c->kind == COND_FINDING && c->ref_index >= 0)
        order_visit(p, (size_t)c->ref_index, a[0], a[1]);
}

static void order_visit(struct paths *p, size_t f, unsigned char *mark, size_t *n)
{
    if (mark[f])
        return;
    mark[f] = 1;
    void *arg[2] = {mark, n};
    paths_cond_leaves(p, p->q->findings[f].when, order_leaf, arg);
    p->forder[(*n)++] = f;
}

void paths_plan(struct paths *p)
{
    const struct questionnaire *q = p->q;
    size_t nq = q->n_questions, nf = q->n_findings;
    for (size_t i = 0; i < nq; i++)
        p->qinfo[i].need = -1;
    for (size_t f = 0; f < nf; f++)
        p->finfo[f] = (struct finfo){.dp = -1, .first = -1, .need = -1};

    unsigned char *mark = xcalloc(nf + 1, 1);
    size_t n = 0;
    for (size_t f = 0; f < nf; f++)
        order_visit(p, f, mark, &n);
    free(mark);

    long *first_raise = xcalloc(nf + 1, sizeof *first_raise);
    for (size_t f = 0; f < nf; f++)
        first_raise[f] = LONG_MAX;
    for (size_t i = 0; i < nq; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++) {
            int f = q->questions[i].raises[r].finding_index;
            if (f >= 0) {
                if (p->finfo[f].dp < (long)i)
                    p->finfo[f].dp = (long)i;
                if (first_raise[f] > (long)i)
                    first_raise[f] = (long)i;
            }
        }
    for (size_t k = 0; k < nf; k++) {
        size_t f = p->forder[k];
        struct dp_arg a = {p->finfo[f].dp};
        paths_cond_leaves(p, q->findings[f].when, dp_leaf, &a);
        p->finfo[f].dp = a.dp;
        p->finfo[f].first = first_raise[f] < a.dp ? first_raise[f] : a.dp;
    }
    free(first_raise);

    /* Findings decided at level b - 1 (b = 0: before any question), in dependency order. */
    p->bucket_first = xcalloc(nq + 2, sizeof *p->bucket_first);
    for (size_t f = 0; f < nf; f++)
        p->bucket_first[p->finfo[f].dp + 1 + 1]++;
    for (size_t b = 1; b < nq + 2; b++)
        p->bucket_first[b] += p->bucket_first[b - 1];
    size_t *fill = xcalloc(nq + 2, sizeof *fill);
    size_t *sorted = xcalloc(nf + 1, sizeof *sorted);
    for (size_t k = 0; k < nf; k++) {
        size_t f = p->forder[k];
        size_t b = (size_t)(p->finfo[f].dp + 1);
        sorted[p->bucket_first[b] + fill[b]++] = f;
    }
    free(fill);
    free(p->forder);
    p->forder = sorted;

    /* Findings by first possible raise, so each level's layout finds its new ones at once. */
    p->first_first = xcalloc(nq + 2, sizeof *p->first_first);
    p->by_first = xcalloc(nf + 1, sizeof *p->by_first);
    for (size_t f = 0; f < nf; f++)
        p->first_first[p->finfo[f].first + 1 + 1]++;
    for (size_t b = 1; b < nq + 2; b++)
        p->first_first[b] += p->first_first[b - 1];
    fill = xcalloc(nq + 2, sizeof *fill);
    for (size_t f = 0; f < nf; f++) {
        size_t b = (size_t)(p->finfo[f].first + 1);
        p->by_first[p->first_first[b] + fill[b]++] = f;
    }
    free(fill);

    /* A section's `when` is evaluated at each of its questions' levels: what it reads is
     * needed until the last of them, the only level the walk over the conditions gives it
     * (a leaf used again at an earlier level tells nothing new apart). */
    p->section_last = xcalloc(q->n_sections + 1, sizeof *p->section_last);
    for (size_t s = 0; s < q->n_sections; s++)
        p->section_last[s] = -1;
    for (size_t i = 0; i < nq; i++)
        if (p->section_last[q->questions[i].section] < (long)i)
            p->section_last[q->questions[i].section] = (long)i;
}

/* ---- what later conditions can still tell apart ---- */

/* A leaf on a question, evaluated at a later level. */
struct late {
    const struct cond *leaf;
    long level;
};

/* The late leaves of every question: in the order found, then (late_index) by question,
 * question i's being items[first[i] .. first[i + 1]]. One list for all the questions, not
 * one each, for the same reason as the classes' tests (paths_classes.c). */
struct late_found {
    struct late late;
    size_t qi;
};

struct late_leaves {
    struct late_found *found;
    size_t n_found, cap_found;
    bool indexed;
    struct late *items;
    size_t *first;
};

static void late_index(struct late_leaves *l, size_t n)
{
    l->first = xcalloc(n + 2, sizeof *l->first);
    for (size_t k = 0; k < l->n_found; k++)
        l->first[l->found[k].qi + 2]++;
    for (size_t i = 2; i < n + 2; i++)
        l->first[i] += l->first[i - 1];
    l->items = xcalloc(l->n_found + 1, sizeof *l->items);
    for (size_t k = 0; k < l->n_found; k++)
        l->items[l->first[l->found[k].qi + 1]++] = l->found[k].late;
    free(l->found);
    l->found = NULL;
    l->indexed = true;
}

static int cmp_late_desc(const void *a, const void *b)
{
    long x = ((const struct late *)a)->level, y = ((const struct late *)b)->level;
    return (x < y) - (x > y);
}

/* The stages of one question: going down from its last use, each level's leaves refine the
 * partition of its classes; a stage is added whenever the partition changes. */
/* What stages_build works in, sized once for the question with the most classes. */
struct stage_scratch {
    struct cond_env *env;
    struct answer *answers;
    bool *reached;
    uint32_t *group, *split, *proj, *first; /* per class (split: two per class) */
    struct stage *stages;                   /* the stages of the question being built */
    size_t cap;
};

static void stages_build(struct paths *p, size_t qi, struct late *late, size_t n,
                         struct stage_scratch *w)
{
    struct qinfo *info = &p->qinfo[qi];
    size_t k = info->n_classes;
    if (n > 0)
        qsort(late, n, sizeof *late, cmp_late_desc);
    struct cond_env *env = w->env;
    struct answer *answers = w->answers;
    bool *reached = w->reached;
    uint32_t *group = w->group, *split = w->split, *proj = w->proj, *first = w->first;
    memset(group, 0, k * sizeof *group);
    struct stage **stages = &w->stages;
    size_t *cap = &w->cap;
    size_t n_groups = 1;
    for (size_t i = 0; i < n;) {
        long level = late[i].level;
        for (; i < n && late[i].level == level; i++) {
            for (size_t g = 0; g < 2 * n_groups; g++)
                split[g] = UINT32_MAX;
            uint32_t next = 0;
            for (size_t c = 0; c < k; c++) {
                answers[qi] = info->classes[c].rep;
                reached[qi] = info->classes[c].reached;
                size_t key = 2 * group[c] + cond_eval(late[i].leaf, env);
                if (split[key] == UINT32_MAX)
                    split[key] = next++;
                group[c] = split[key];
            }
            n_groups = next;
        }
        for (size_t g = 0; g < n_groups; g++)
            first[g] = UINT32_MAX;
        for (size_t c = 0; c < k; c++) {
            if (first[group[c]] == UINT32_MAX)
                first[group[c]] = (uint32_t)c;
            proj[c] = first[group[c]];
        }
        /* Built from the last level down: an unchanged partition only extends the stage
         * after it to earlier levels. */
        if (info->n_stages > 0 &&
            memcmp(info->stages[info->n_stages - 1].proj, proj, k * sizeof *proj) == 0)
            continue;
        if (info->n_stages == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *stages = xreallocarray(*stages, *cap, sizeof **stages);
        }
        info->stages = *stages;
        info->stages[info->n_stages].until = level;
        info->stages[info->n_stages].proj = paths_alloc(p, qi, k * sizeof *proj);
        memcpy(info->stages[info->n_stages].proj, proj, k * sizeof *proj);
        info->n_stages++;
    }
    answers[qi] = (struct answer){0};
    reached[qi] = false;
    /* Ascending levels; each stage ends at its `until`: keep the largest until of a run. */
    for (size_t a = 0, b = info->n_stages; a + 1 < b; a++, b--) {
        struct stage t = info->stages[a];
        info->stages[a] = info->stages[b - 1];
        info->stages[b - 1] = t;
    }
    for (size_t s = 0; s + 1 < info->n_stages; s++)
        info->stages[s].until = info->stages[s + 1].until - 1;
    if (info->n_stages > 0) {
        info->stages[info->n_stages - 1].until = info->need;
        struct stage *kept = paths_alloc(p, qi, info->n_stages * sizeof *kept);
        memcpy(kept, info->stages, info->n_stages * sizeof *kept);
        info->stages = kept;
    }
}

/* A question's class matters to the states after its level only through the conditions
 * evaluated later (its raises and the findings decided at its level are applied at once),
 * and at each level only through those still to come. The states keep the class projected
 * onto what those conditions can tell apart (the stages), which keeps them narrow: a
 * question named once, a few levels later, leaves the states' width alone after that. */
/* What building the stages question by question keeps between questions. */
struct stage_builder {
    struct late_leaves late;
    struct cond_env env;
    struct answer *answers;
    bool *reached;
    struct stage_scratch w;
    size_t k_cap; /* the classes w's arrays hold */
};

void paths_project_late(struct paths *p, const struct cond *c, long at)
{
    if (!paths_is_question_leaf(c) || c->ref_index < 0 || c->ref_index >= at)
        return;
    size_t qi = (size_t)c->ref_index;
    struct late_leaves *l = &p->stage_builder->late;
    if (l->n_found == l->cap_found) {
        l->cap_found = l->cap_found ? 2 * l->cap_found : 64;
        l->found = xreallocarray(l->found, l->cap_found, sizeof *l->found);
    }
    l->found[l->n_found++] = (struct late_found){{c, at}, qi};
}

void paths_project_begin(struct paths *p)
{
    const struct questionnaire *q = p->q;
    struct stage_builder *sb = xcalloc(1, sizeof *sb);
    sb->answers = p->scratch_answers;
    sb->reached = p->scratch_reached;
    sb->env = (struct cond_env){q, sb->answers, sb->reached, NULL, -1};
    sb->w = (struct stage_scratch){.env = &sb->env, .answers = sb->answers, .reached = sb->reached};
    p->stage_builder = sb;
}

void paths_stages_of(struct paths *p, size_t qi)
{
    struct stage_builder *sb = p->stage_builder;
    size_t k = p->qinfo[qi].n_classes;
    if (k > sb->k_cap) {
        sb->k_cap = k > 2 * sb->k_cap ? k : 2 * sb->k_cap;
        struct stage_scratch *w = &sb->w;
        w->group = xreallocarray(w->group, sb->k_cap, sizeof *w->group);
        w->split = xreallocarray(w->split, 2 * sb->k_cap, sizeof *w->split);
        w->proj = xreallocarray(w->proj, sb->k_cap, sizeof *w->proj);
        w->first = xreallocarray(w->first, sb->k_cap, sizeof *w->first);
    }
    struct late_leaves *l = &sb->late;
    if (!l->indexed)
        late_index(l, p->q->n_questions);
    stages_build(p, qi, l->items + l->first[qi], l->first[qi + 1] - l->first[qi], &sb->w);
}

void paths_project_end(struct paths *p)
{
    struct stage_builder *sb = p->stage_builder;
    if (!sb)
        return;
    free(sb->w.group);
    free(sb->w.split);
    free(sb->w.proj);
    free(sb->w.first);
    free(sb->w.stages);
    free(sb->late.found);
    free(sb->late.items);
    free(sb->late.first);
    free(sb);
    p->stage_builder = NULL;
}

const uint32_t *paths_stage_at(struct qinfo *info, long b)
{
    while (info->cursor + 1 < info->n_stages && info->stages[info->cursor].until < b)
        info->cursor++;
    return info->stages[info->cursor].proj;
}
