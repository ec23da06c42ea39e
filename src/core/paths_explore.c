/* paths_explore.c - steps 2 and 3 of the path analysis: the abstract states, level by level,
 * merged by key, within a budget; the outcomes at the end (see paths.c for the algorithm). */
#include "paths_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "xalloc.h"

/* ---- exploring the states ---- */

/* Which questions and findings the states of one level carry, in key order. */
struct layout {
    size_t *qs, n_qs, qs_cap;
    size_t *fs, n_fs, fs_cap;
    size_t len; /* key length: 1 (verdict) + n_qs + n_fs */
};

/* The states of one level, merged by key. The explorer keeps two and reuses the buffers of
 * the level it is done with for the next one. */
struct level {
    struct layout lay;
    uint32_t *keys;  /* n * lay.len */
    size_t n, cap;   /* cap: words keys holds */
    uint32_t *slots; /* hash table of state indexes, NO_NODE when empty */
    size_t n_slots;
};

struct explorer {
    struct paths *p;
    size_t budget;
    struct answer *answers;
    bool *reached;
    bool *raised;
    long *pos;      /* position of a question in the current layout, or -1 */
    size_t *touch;  /* findings raised during one step */
    size_t *decide; /* the findings decided at the level being explored (decide_prepare) */
    size_t n_decide;
    size_t n_touch;
    uint32_t *key; /* the successor being built */
    /* How the next level's keys are built, set once per level: for each question of the next
     * layout, its projection there and where its class is in this level's key. */
    const uint32_t **proj;
    size_t *src;
    size_t work; /* classes (and multi answer sets) looked at so far */
    struct level cur, next;
};

/* The layout of level b from that of level b - 1: drop what is no longer needed, add
 * question b - 1 and findings that can first be raised there. */
static void layout_next(struct paths *p, const struct layout *prev, size_t b, struct layout *out)
{
    out->n_qs = out->n_fs = 0;
    if (out->qs_cap < prev->n_qs + 2) {
        out->qs_cap = 2 * (prev->n_qs + 2);
        out->qs = xreallocarray(out->qs, out->qs_cap, sizeof *out->qs);
    }
    for (size_t i = 0; i < prev->n_qs; i++)
        if (p->qinfo[prev->qs[i]].need >= (long)b)
            out->qs[out->n_qs++] = prev->qs[i];
    if (b > 0 && p->qinfo[b - 1].need >= (long)b)
        out->qs[out->n_qs++] = b - 1;
    size_t from = p->first_first[b], to = p->first_first[b + 1];
    if (out->fs_cap < prev->n_fs + (to - from) + 1) {
        out->fs_cap = 2 * (prev->n_fs + (to - from) + 1);
        out->fs = xreallocarray(out->fs, out->fs_cap, sizeof *out->fs);
    }
    for (size_t i = 0; i < prev->n_fs; i++)
        if (p->finfo[prev->fs[i]].need >= (long)b)
            out->fs[out->n_fs++] = prev->fs[i];
    for (size_t k = from; k < to; k++)
        if (p->finfo[p->by_first[k]].need >= (long)b)
            out->fs[out->n_fs++] = p->by_first[k];
    out->len = 1 + out->n_qs + out->n_fs;
}

static void layout_free(struct layout *l)
{
    free(l->qs);
    free(l->fs);
    *l = (struct layout){0};
}

/* Empties level l, sized for about `expect` states (the width of the level before it); its
 * buffers are kept (the key length may change: the states' count starts over). */
static void level_init(struct level *l, size_t expect)
{
    size_t slots = 16;
    while (slots < 4 * expect)
        slots *= 2;
    l->n = 0;
    if (l->n_slots != slots) {
        free(l->slots);
        l->n_slots = slots;
        l->slots = xmalloc(slots * sizeof *l->slots);
    }
    memset(l->slots, 0xff, slots * sizeof *l->slots);
}

static void level_free(struct level *l)
{
    free(l->keys);
    free(l->slots);
    layout_free(&l->lay);
}

/* The hash of a state's key: one multiply a word (keys are short, their words small). */
static inline size_t key_hash(const uint32_t *k, size_t len)
{
    uint64_t h = len;
    for (size_t i = 0; i < len; i++)
        h = (h + k[i]) * UINT64_C(0x9e3779b97f4a7c15);
    return (size_t)(h ^ (h >> 29));
}

static inline bool key_equal(const uint32_t *a, const uint32_t *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

static void level_rehash(struct level *l)
{
    free(l->slots);
    l->n_slots *= 2;
    l->slots = xmalloc(l->n_slots * sizeof *l->slots);
    memset(l->slots, 0xff, l->n_slots * sizeof *l->slots);
    for (size_t i = 0; i < l->n; i++) {
        size_t s = key_hash(l->keys + i * l->lay.len, l->lay.len) & (l->n_slots - 1);
        while (l->slots[s] != NO_NODE)
            s = (s + 1) & (l->n_slots - 1);
        l->slots[s] = (uint32_t)i;
    }
}

/* The index of the state with key k in l, adding it if new (*added set). */
static size_t level_intern(struct level *l, const uint32_t *k, bool *added)
{
    size_t len = l->lay.len;
    size_t s = key_hash(k, len) & (l->n_slots - 1);
    while (l->slots[s] != NO_NODE) {
        if (key_equal(l->keys + (size_t)l->slots[s] * len, k, len)) {
            *added = false;
            return l->slots[s];
        }
        s = (s + 1) & (l->n_slots - 1);
    }
    if ((l->n + 1) * len > l->cap) {
        l->cap = 2 * l->cap > 16 * len ? 2 * l->cap : 16 * len;
        l->keys = xreallocarray(l->keys, l->cap, sizeof *k);
    }
    memcpy(l->keys + l->n * len, k, len * sizeof *k);
    l->slots[s] = (uint32_t)l->n;
    *added = true;
    l->n++;
    if (2 * l->n > l->n_slots)
        level_rehash(l);
    return l->n - 1;
}

/* Adds an edge to the graph; without the graph only counts it (the budget bounds edges). */
static void add_edge(struct paths *p, uint32_t child, uint32_t cls)
{
    if (!p->graph) {
        p->n_edges++;
        return;
    }
    if (p->n_edges == p->cap_edges) {
        p->cap_edges = p->cap_edges ? 2 * p->cap_edges : 64;
        p->edges = xreallocarray(p->edges, p->cap_edges, sizeof *p->edges);
    }
    p->edges[p->n_edges++] = (struct edge){child, cls};
}

/* Node i's edges start here (with the graph only). */
static void set_edge_first(struct paths *p, size_t i)
{
    if (p->graph)
        p->edge_first[i] = p->n_edges;
}

/* Outcome indexes while exploring: role outcomes by (eligibility, role), no role by
 * eligibility, dead ends by question; renumbered in print order at the end. */
struct outcome_ids {
    long role[ELIG_COUNT][ROLE_COUNT];
    long no_role[ELIG_COUNT];
    long *dead_end; /* per question */
};

static uint32_t outcome_id(struct paths *p, struct outcome_ids *ids, const struct paths_outcome *o)
{
    long *slot = o->end == PATHS_END_ROLE      ? &ids->role[o->eligibility][o->role]
                 : o->end == PATHS_END_NO_ROLE ? &ids->no_role[o->eligibility]
                                               : &ids->dead_end[o->question];
    if (*slot < 0) {
        p->outcomes = xreallocarray(p->outcomes, p->n_outcomes + 1, sizeof *p->outcomes);
        p->outcomes[p->n_outcomes] = *o;
        *slot = (long)p->n_outcomes++;
    }
    return TERMINAL | (uint32_t)*slot;
}

/* Sets the scratch answers from a state's key. */
static void env_load(struct explorer *x, const uint32_t *k)
{
    const struct layout *l = &x->cur.lay;
    for (size_t i = 0; i < l->n_qs; i++) {
        const struct qclass *c = &x->p->qinfo[l->qs[i]].classes[k[1 + i]];
        x->answers[l->qs[i]] = c->rep;
        x->reached[l->qs[i]] = c->reached;
    }
    for (size_t i = 0; i < l->n_fs; i++)
        x->raised[l->fs[i]] = k[1 + l->n_qs + i] != 0;
}

static void env_unload(struct explorer *x)
{
    const struct layout *l = &x->cur.lay;
    for (size_t i = 0; i < l->n_qs; i++) {
        x->answers[l->qs[i]] = (struct answer){0};
        x->reached[l->qs[i]] = false;
    }
    for (size_t i = 0; i < l->n_fs; i++)
        x->raised[l->fs[i]] = false;
}

static void raise_finding(struct explorer *x, size_t f, uint32_t *verdict)
{
    if (!x->raised[f]) {
        x->raised[f] = true;
        x->touch[x->n_touch++] = f;
    }
    if (x->p->q->findings[f].verdict < *verdict)
        *verdict = x->p->q->findings[f].verdict;
}

/* The findings of bucket b that have a `when` (the others are raised by answers alone), in
 * dependency order, into x->decide; once per level. */
static void decide_prepare(struct explorer *x, size_t b)
{
    const struct paths *p = x->p;
    x->n_decide = 0;
    for (size_t k = p->bucket_first[b]; k < p->bucket_first[b + 1]; k++) {
        size_t f = p->forder[k];
        if (p->q->findings[f].when)
            x->decide[x->n_decide++] = f;
    }
}

/* Decides the findings x->decide on the scratch answers. */
static void decide_findings(struct explorer *x, uint32_t *verdict)
{
    const struct paths *p = x->p;
    struct cond_env env = {p->q, x->answers, x->reached, x->raised, -1};
    for (size_t k = 0; k < x->n_decide; k++)
        if (cond_eval(p->q->findings[x->decide[k]].when, &env))
            raise_finding(x, x->decide[k], verdict);
}

/* Builds the key of a state at `level` (layout `lay`) from the scratch state: the answer
 * class `cls` of the question just answered (level - 1), the classes `from` the state before,
 * each projected onto what is still needed from this level on. */
static void key_build(struct explorer *x, const struct layout *lay, const uint32_t *from,
                      size_t level, uint32_t cls, uint32_t verdict)
{
    x->key[0] = verdict;
    for (size_t i = 0; i < lay->n_qs; i++) {
        size_t qj = lay->qs[i];
        uint32_t c = qj + 1 == level ? cls : from[1 + x->pos[qj]];
        x->key[1 + i] = paths_stage_at(&x->p->qinfo[qj], (long)level)[c];
    }
    for (size_t i = 0; i < lay->n_fs; i++)
        x->key[1 + lay->n_qs + i] = x->raised[lay->fs[i]];
}

/* Whether class c of question qi can be answered when `offered` options are offered. */
static bool class_offered(const struct qinfo *info, const struct question *qn,
                          const struct qclass *c, uint64_t offered)
{
    if (!c->reached || !c->rep.given)
        return c->reached;
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return (c->options & offered) != 0;
    case QTYPE_MULTI: {
        uint64_t untested_offered = offered & ~info->tested;
        for (size_t m = 0; m < c->n_members; m++) {
            uint64_t set = c->members[m];
            if (set ? (set & ~offered) == 0 : untested_offered != 0)
                return true;
        }
        return false;
    }
    default:
        return true;
    }
}

/* The step from every state of level b over question b. False when the budget ran out. */
static bool explore_level(struct explorer *x, size_t b, struct outcome_ids *ids)
{
    struct paths *p = x->p;
    const struct questionnaire *q = p->q;
    const struct question *qn = &q->questions[b];
    const struct qinfo *info = &p->qinfo[b];
    struct cond_env env = {q, x->answers, x->reached, x->raised, -1};
    size_t base = p->level_first[b], next_base = base + x->cur.n;

    for (size_t i = 0; i < x->cur.lay.n_qs; i++)
        x->pos[x->cur.lay.qs[i]] = (long)i;
    /* The next keys: the classes kept from this level's key, projected onto what is needed
     * from the next level on (the same for every class of a state), then per class the class
     * just given (at `fresh`, if kept), the verdict and the findings' flags. */
    const struct layout *nl = &x->next.lay;
    size_t fresh = SIZE_MAX;
    for (size_t i = 0; i < nl->n_qs; i++) {
        size_t qj = nl->qs[i];
        x->proj[i] = paths_stage_at(&p->qinfo[qj], (long)b + 1);
        if (qj == b)
            fresh = i;
        else
            x->src[i] = 1 + (size_t)x->pos[qj];
    }
    uint32_t *key = x->key, *flags = key + 1 + nl->n_qs;
    decide_prepare(x, b + 1);
    for (size_t s = 0; s < x->cur.n; s++) {
        const uint32_t *k = x->cur.keys + s * x->cur.lay.len;
        for (size_t i = 0; i < nl->n_qs; i++)
            if (i != fresh)
                key[1 + i] = x->proj[i][k[x->src[i]]];
        set_edge_first(p, base + s);
        /* Bound the work as well as the states: a state may look at many classes. */
        x->work += info->n_classes + (info->option_whens ? info->n_members : 0);
        if (x->work > WORK_PER_STATE * x->budget) {
            for (size_t r = s + 1; r <= x->cur.n; r++)
                set_edge_first(p, base + r);
            return false;
        }
        env_load(x, k);
        bool reached = cond_eval(q->sections[qn->section].when, &env) && cond_eval(qn->when, &env);
        uint64_t offered = ~UINT64_C(0);
        if (reached && info->option_whens) {
            offered = 0;
            for (size_t o = 0; o < qn->n_options; o++)
                if (cond_eval(qn->options[o].when, &env))
                    offered |= UINT64_C(1) << o;
        }
        bool any_answer = false;
        if (reached) {
            p->question_reached[b] = true;
            for (size_t c = 1; c < info->n_classes && !any_answer; c++)
                any_answer = info->classes[c].rep.given &&
                             class_offered(info, qn, &info->classes[c], offered);
        }
        if (reached && !any_answer) {
            struct paths_outcome o = {.end = PATHS_END_DEAD_END, .question = b};
            add_edge(p, outcome_id(p, ids, &o), 0);
            env_unload(x);
            continue;
        }
        for (size_t c = 0; c < info->n_classes; c++) {
            const struct qclass *cl = &info->classes[c];
            if (reached ? !class_offered(info, qn, cl, offered) : c != CLASS_NOT_REACHED)
                continue;
            uint32_t verdict = k[0];
            x->answers[b] = cl->rep;
            x->reached[b] = cl->reached;
            x->n_touch = 0;
            for (size_t r = 0; r < cl->n_raises; r++)
                raise_finding(x, cl->raises[r], &verdict);
            if (x->n_decide > 0)
                decide_findings(x, &verdict);
            key[0] = p->verdict_map[verdict];
            if (fresh != SIZE_MAX)
                key[1 + fresh] = x->proj[fresh][c];
            for (size_t i = 0; i < nl->n_fs; i++)
                flags[i] = x->raised[nl->fs[i]];
            bool added;
            size_t child = level_intern(&x->next, key, &added);
            add_edge(p, (uint32_t)(next_base + child), (uint32_t)c);
            /* Only findings not raised before were touched: this undoes the class. */
            for (size_t t = 0; t < x->n_touch; t++)
                x->raised[x->touch[t]] = false;
            if ((added && next_base + x->next.n > x->budget) ||
                p->n_edges > EDGES_PER_STATE * x->budget) {
                x->answers[b] = (struct answer){0};
                x->reached[b] = false;
                env_unload(x);
                for (size_t r = s + 1; r <= x->cur.n; r++)
                    set_edge_first(p, base + r);
                return false;
            }
        }
        x->answers[b] = (struct answer){0};
        x->reached[b] = false;
        env_unload(x);
    }
    for (size_t i = 0; i < x->cur.lay.n_qs; i++)
        x->pos[x->cur.lay.qs[i]] = -1;
    return true;
}

/* After the last question: the role rules give each state its outcome. */
static void explore_end(struct explorer *x, struct outcome_ids *ids)
{
    struct paths *p = x->p;
    const struct questionnaire *q = p->q;
    size_t base = p->level_first[q->n_questions];
    for (size_t s = 0; s < x->cur.n; s++) {
        const uint32_t *k = x->cur.keys + s * x->cur.lay.len;
        set_edge_first(p, base + s);
        if (!p->role_reads) { /* some role rule always holds */
            add_edge(p, 0, 0);
            continue;
        }
        env_load(x, k);
        struct cond_env env = {q, x->answers, x->reached, x->raised, (int)k[0]};
        struct paths_outcome o = {.end = PATHS_END_NO_ROLE, .eligibility = k[0]};
        for (size_t r = 0; r < q->n_role_rules; r++)
            if (cond_eval(q->role_rules[r].when, &env)) {
                o.end = PATHS_END_ROLE;
                o.role = q->role_rules[r].role;
                break;
            }
        /* Coverage lists only the paths that end badly. */
        add_edge(p, p->mode == PATHS_COVER && o.end == PATHS_END_ROLE ? 0 : outcome_id(p, ids, &o),
                 0);
        env_unload(x);
    }
}

/* Renumbers outcomes in print order and rewrites the edges that lead to them. */
static void order_outcomes(struct paths *p, struct outcome_ids *ids)
{
    size_t n = p->n_outcomes, k = 0;
    uint32_t *renum = xcalloc(n + 1, sizeof *renum);
    struct paths_outcome *sorted = xcalloc(n + 1, sizeof *sorted);
    for (int e = 0; e < ELIG_COUNT; e++)
        for (int r = 0; r < ROLE_COUNT; r++)
            if (ids->role[e][r] >= 0) {
                renum[ids->role[e][r]] = (uint32_t)k;
                sorted[k++] = p->outcomes[ids->role[e][r]];
            }
    for (int e = 0; e < ELIG_COUNT; e++)
        if (ids->no_role[e] >= 0) {
            renum[ids->no_role[e]] = (uint32_t)k;
            sorted[k++] = p->outcomes[ids->no_role[e]];
        }
    for (size_t i = 0; i < p->q->n_questions; i++)
        if (ids->dead_end[i] >= 0) {
            renum[ids->dead_end[i]] = (uint32_t)k;
            sorted[k++] = p->outcomes[ids->dead_end[i]];
        }
    for (size_t e = 0; p->graph && e < p->n_edges; e++)
        if (p->edges[e].child & TERMINAL)
            p->edges[e].child = TERMINAL | renum[p->edges[e].child & ~TERMINAL];
    free(p->outcomes);
    p->outcomes = sorted;
    free(renum);
}

static void edge_first_reserve(struct paths *p, size_t n)
{
    if (!p->graph || n <= p->n_edge_first_cap)
        return;
    while (n > p->n_edge_first_cap)
        p->n_edge_first_cap *= 2;
    p->edge_first = xreallocarray(p->edge_first, p->n_edge_first_cap, sizeof *p->edge_first);
}

/* Streaming: builds question b's classes and stages as its level comes; false when its
 * answers cannot be enumerated (p->complete false). */
static bool stream_in(struct paths *p, size_t b)
{
    paths_classes_of(p, b);
    if (!p->complete)
        return false;
    paths_stages_of(p, b);
    return true;
}

/* Streaming: after level b, frees the questions that no state of level b + 1 keeps. */
static void stream_out(struct paths *p, const struct layout *lay, size_t b)
{
    for (size_t i = 0; i < lay->n_qs; i++)
        if (p->qinfo[lay->qs[i]].need < (long)b + 1)
            paths_release(p, lay->qs[i]);
    if (p->qinfo[b].need < (long)b + 1)
        paths_release(p, b);
}

void paths_explore(struct paths *p, size_t budget)
{
    const struct questionnaire *q = p->q;
    size_t nq = q->n_questions;
    struct explorer x = {
        .p = p,
        .budget = budget,
        .answers = p->scratch_answers,
        .reached = p->scratch_reached,
        .raised = xcalloc(q->n_findings + 1, sizeof(bool)),
        .pos = xcalloc(nq + 1, sizeof(long)),
        .touch = xcalloc(q->n_findings + 1, sizeof(size_t)),
        .decide = xcalloc(q->n_findings + 1, sizeof(size_t)),
        .proj = xcalloc(nq + 1, sizeof(const uint32_t *)),
        .src = xcalloc(nq + 1, sizeof(size_t)),
    };
    for (size_t i = 0; i < nq; i++)
        x.pos[i] = -1;
    struct outcome_ids ids;
    memset(&ids, 0xff, sizeof ids);
    ids.dead_end = xcalloc(nq + 1, sizeof *ids.dead_end);
    for (size_t i = 0; i < nq; i++)
        ids.dead_end[i] = -1;

    p->level_first = xcalloc(nq + 3, sizeof *p->level_first);
    if (p->graph) {
        p->n_edge_first_cap = 64;
        p->edge_first = xcalloc(p->n_edge_first_cap, sizeof *p->edge_first);
    }

    /* Level 0: the root, after the findings that depend on no question. */
    struct layout empty = {0};
    level_init(&x.cur, 1);
    layout_next(p, &empty, 0, &x.cur.lay);
    x.key = xcalloc(1 + nq + q->n_findings, sizeof *x.key);
    uint32_t verdict = ELIG_ELIGIBLE;
    decide_prepare(&x, 0);
    decide_findings(&x, &verdict);
    key_build(&x, &x.cur.lay, NULL, 0, 0, p->verdict_map[verdict]);
    bool added;
    level_intern(&x.cur, x.key, &added);
    for (size_t t = 0; t < x.n_touch; t++)
        x.raised[x.touch[t]] = false;
    x.n_touch = 0;

    bool done = true, classes_stop = false;
    size_t b = 0;
    for (;;) {
        p->level_first[b + 1] = p->level_first[b] + x.cur.n;
        edge_first_reserve(p, p->level_first[b + 1] + 1);
        if (b == nq) {
            explore_end(&x, &ids);
            break;
        }
        if (p->streams && !stream_in(p, b)) {
            classes_stop = true;
            break;
        }
        level_init(&x.next, x.cur.n);
        layout_next(p, &x.cur.lay, b + 1, &x.next.lay);
        done = explore_level(&x, b, &ids);
        if (p->streams && done)
            stream_out(p, &x.cur.lay, b);
        struct level done_with = x.cur;
        x.cur = x.next;
        x.next = done_with;
        if (!done)
            break;
        b++;
    }
    /* Built all at once, the classes of every question are known before the states; should
     * some question's answers not be enumerable, nothing is explored and that is the reason.
     * Streaming gives the same result: after the budget runs out the remaining classes are
     * still built, and a stop for the classes undoes the states. */
    for (size_t j = b + 1; p->streams && !done && p->complete && j < nq; j++) {
        paths_classes_of(p, j);
        paths_release(p, j);
    }
    if (p->streams && !p->complete)
        classes_stop = true;
    if (classes_stop) {
        memset(p->level_first, 0, (nq + 3) * sizeof *p->level_first);
        memset(p->question_reached, 0, nq * sizeof *p->question_reached);
        p->n_nodes = p->n_edges = 0;
        free(p->outcomes);
        p->outcomes = NULL;
        p->n_outcomes = 0;
    } else if (done) {
        p->n_nodes = p->level_first[nq + 1];
        p->level_first[nq + 2] = p->n_nodes;
        set_edge_first(p, p->n_nodes);
    } else {
        /* The states of the level being built when the budget ran out have no edges. */
        size_t first = p->level_first[b + 1], last = first + x.cur.n;
        edge_first_reserve(p, last + 1);
        for (size_t i = first; i <= last; i++)
            set_edge_first(p, i);
        for (size_t l = b + 2; l < nq + 3; l++)
            p->level_first[l] = last;
        p->n_nodes = last;
        p->complete = false;
        free(p->stop_reason);
        p->stop_reason = xasprintf("analysis stopped after %zu states; coverage not proven", last);
    }
    level_free(&x.cur);
    level_free(&x.next);
    if (!classes_stop)
        order_outcomes(p, &ids);
    free(ids.dead_end);
    free(x.raised);
    free(x.pos);
    free(x.touch);
    free(x.decide);
    free(x.key);
    free(x.proj);
    free(x.src);
}
