/* paths.c - every way through a questionnaire, enumerated by outcome rather than by answer
 * combination: reachability and verdict coverage for `check`, the decision table for `paths`.
 * This file holds the overview, the public API and the merged verdicts of paths_check; each
 * step below has its own file (paths_classes.c, paths_plan.c, paths_explore.c,
 * paths_reduce.c), and paths_words.c and paths_table.c print the result for sign-off.
 *
 * The algorithm
 * -------------
 * 1. Answer classes. For each question, the answers that no condition can tell apart form
 *    one class, and the analysis only ever branches on classes:
 *      yes/no and choice  options that every `is`/`in` and every `raises` treats alike are
 *                         merged (partition refinement over the tested option sets);
 *      multi              the "atoms" that test it (`in` = any of a set, `includes` = all of
 *                         a set, a `raises` value = that option) give each feasible answer set
 *                         a truth vector; answer sets with the same vector form a class;
 *      number             the thresholds of every comparison cut [min, max] into intervals;
 *      text               answered.
 *    Class 0 is "not reached"; an optional question also gets "unanswered". Each class keeps
 *    a representative answer, so conditions are evaluated by cond_eval itself on concrete
 *    answers: the analysis cannot disagree with the walk about what a condition means.
 *
 * 2. Abstract states, level by level. Level b is "before question b is asked". A state holds
 *    only what the rest of the questionnaire can still observe:
 *      - the most severe verdict raised so far;
 *      - the class of each earlier question that a later condition still names (a question
 *        leaves the state after the last condition that needs it: its `need`);
 *      - the raised flag of each finding that a later `finding:` condition names.
 *    From each state at level b we evaluate whether question b is reached (its section's and
 *    its own `when`), which classes are offered (options' `when`), and for each class we raise
 *    what that answer raises and decide every finding whose inputs are now all known (its
 *    `dp`, "decision point": the last question its `when` or a `raises` involves, after the
 *    findings it depends on). Equal successor states are merged through a hash table, so a
 *    level's width is the number of distinct futures, not of answer combinations: for
 *    questionnaires whose conditions are local the work is linear in their size. A question's
 *    class is kept in the states projected onto what the conditions still to come can tell
 *    apart ("stages": after `sex` was last used to pick a staging scale, only its use in the
 *    role rules, if any, still splits states). After the last question the role rules give
 *    each state its outcome (eligibility, role), or "no role"; a reached question offering no
 *    option is a dead end.
 *
 * 3. A budget bounds the number of states (and the edges and classes looked at). When it
 *    runs out the analysis stops and says so: what it found is still true, but nothing is
 *    proven about the rest. For checking only (paths_check), verdicts that no role rule can
 *    tell apart, even after more findings, are merged into one, which narrows the states.
 *    Coverage alone (paths_cover, what `check` runs first) narrows them further and keeps
 *    less: no edges (only counted, for the budget); a question's answers are told apart by
 *    the findings they raise, not by which value raises them; when a role rule always
 *    holds, nothing only the role rules read is kept (the verdict included); and each
 *    question's classes and stages exist only from its level to the last level that keeps
 *    its class ("streaming"), so memory follows the width of the states, not the length of
 *    the questionnaire.
 *
 * 4. For printing, the state graph is reduced, once per outcome, like a binary decision
 *    diagram of "this way leads to that outcome": bottom-up, a state whose answers all lead
 *    to the same place is skipped (its question does not matter there), and states with the
 *    same question and the same answer-to-successor map are shared. Every path of the reduced
 *    diagram to "yes" is one alternative of the decision table: the questions on it, each
 *    with the set of answers (classes merged per successor) that follow that path. */
#include "paths.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "paths_impl.h"
#include "xalloc.h"

/* ---- shared by the stages ---- */

void paths_cond_leaves(struct paths *p, const struct cond *c, leaf_fn *fn, void *arg)
{
    if (!c)
        return;
    if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT) {
        for (size_t i = 0; i < c->n_items; i++)
            paths_cond_leaves(p, c->items[i], fn, arg);
        return;
    }
    fn(p, c, arg);
}

bool paths_is_question_leaf(const struct cond *c)
{
    return c->kind == COND_IN || c->kind == COND_INCLUDES || c->kind == COND_COMPARE ||
           c->kind == COND_ANSWERED;
}

uint64_t paths_key_hash(const uint32_t *k, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < len; i++)
        h = (h ^ k[i]) * UINT64_C(1099511628211);
    return h ^ (h >> 29);
}

/* ---- a streaming question's store ---- */

/* A chunk of a question's store; chunks given back are kept for the next questions, so
 * streaming costs no malloc a question once the first few are built. */
struct paths_chunk {
    struct paths_chunk *next;
    size_t used, cap;
    max_align_t data[];
};

#define CHUNK_BYTES 2048 /* a question's classes and stages fit one, but for large multis */

void *paths_alloc(struct paths *p, size_t qi, size_t size)
{
    if (!p->streams)
        return arena_alloc(p->arena, size);
    struct qinfo *info = &p->qinfo[qi];
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct paths_chunk *c = info->chunks;
    if (!c || c->cap - c->used < size) {
        if (size <= CHUNK_BYTES && p->spare) {
            c = p->spare;
            p->spare = c->next;
        } else {
            size_t cap = size > CHUNK_BYTES ? size : CHUNK_BYTES;
            c = xmalloc(sizeof *c + cap);
            c->cap = cap;
        }
        c->used = 0;
        c->next = info->chunks;
        info->chunks = c;
    }
    void *m = (char *)c->data + c->used;
    c->used += size;
    return m;
}

/* Frees a list of chunks. */
static void chunks_free(struct paths_chunk *c)
{
    while (c) {
        struct paths_chunk *next = c->next;
        free(c);
        c = next;
    }
}

void paths_release(struct paths *p, size_t qi)
{
    struct qinfo *info = &p->qinfo[qi];
    while (info->chunks) {
        struct paths_chunk *c = info->chunks;
        info->chunks = c->next;
        if (c->cap == CHUNK_BYTES) {
            c->next = p->spare;
            p->spare = c;
        } else {
            free(c);
        }
    }
    info->classes = NULL;
    info->n_classes = 0;
    info->atoms = NULL;
    info->n_atoms = 0;
    info->stages = NULL;
    info->n_stages = 0;
}

/* ---- merged verdicts (paths_check) ---- */

/* The eligibility tests of the role rules. */
struct elig_tests {
    unsigned *masks;
    size_t n, cap;
};

static void elig_leaf(struct paths *p, const struct cond *c, void *arg)
{
    (void)p;
    struct elig_tests *t = arg;
    if (c->kind != COND_ELIGIBILITY)
        return;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 8;
        t->masks = xreallocarray(t->masks, t->cap, sizeof *t->masks);
    }
    t->masks[t->n++] = c->eligibilities;
}

/* Whether verdicts a and b pass every test alike. */
static bool elig_alike(const struct elig_tests *t, int a, int b)
{
    for (size_t i = 0; i < t->n; i++)
        if (((t->masks[i] >> a) & 1u) != ((t->masks[i] >> b) & 1u))
            return false;
    return true;
}

/* The coarsest grouping of the verdicts that the role rules cannot tell apart, now or after
 * folding in any finding's verdict ("the most severe of" must respect the groups): partition
 * refinement over the five verdicts. Each verdict maps to the most severe of its group. */
static void merge_verdicts(struct paths *p)
{
    const struct questionnaire *q = p->q;
    struct elig_tests t = {0};
    for (size_t r = 0; r < q->n_role_rules; r++)
        paths_cond_leaves(p, q->role_rules[r].when, elig_leaf, &t);
    bool folded[ELIG_COUNT] = {false}; /* the verdicts findings can fold in */
    for (size_t f = 0; f < q->n_findings; f++)
        folded[q->findings[f].verdict] = true;

    int group[ELIG_COUNT]; /* the first verdict of each one's group */
    for (int e = 0; e < ELIG_COUNT; e++) {
        group[e] = e;
        for (int o = 0; o < e; o++)
            if (elig_alike(&t, o, e)) {
                group[e] = o;
                break;
            }
    }
    free(t.masks);
    for (bool changed = true; changed;) {
        changed = false;
        int next[ELIG_COUNT];
        for (int e = 0; e < ELIG_COUNT; e++) {
            next[e] = e;
            for (int o = 0; o < e && next[e] == e; o++) {
                bool same = group[o] == group[e];
                for (int x = 0; same && x < ELIG_COUNT; x++)
                    if (folded[x])
                        same = group[o < x ? o : x] == group[e < x ? e : x];
                if (same)
                    next[e] = o;
            }
            changed |= next[e] != group[e];
        }
        memcpy(group, next, sizeof group);
    }
    for (int e = 0; e < ELIG_COUNT; e++)
        p->verdict_map[e] = (uint8_t)group[e];
}

/* ---- coverage only (paths_cover) ---- */

/* Whether leaf c reads anything but the eligibility. */
static void reads_answers_leaf(struct paths *p, const struct cond *c, void *arg)
{
    (void)p;
    if (c->kind != COND_ELIGIBILITY)
        *(bool *)arg = true;
}

/* Whether some role rule holds whatever the answers: no `when`, or one that reads only the
 * eligibility and holds for every verdict. Then every path ends with a role. */
static bool some_role_always(struct paths *p)
{
    const struct questionnaire *q = p->q;
    for (size_t r = 0; r < q->n_role_rules; r++) {
        const struct cond *when = q->role_rules[r].when;
        bool reads = false;
        paths_cond_leaves(p, when, reads_answers_leaf, &reads);
        if (reads)
            continue;
        bool always = true;
        for (int e = 0; e < ELIG_COUNT && always; e++) {
            struct cond_env env = {q, NULL, NULL, NULL, e};
            always = cond_eval(when, &env);
        }
        if (always)
            return true;
    }
    return false;
}

/* ---- one walk over the conditions ---- */

static void walk_leaf(struct paths *p, const struct cond *c, void *arg)
{
    long at = *(const long *)arg;
    paths_classes_gather(p, c);
    paths_plan_need(p, c, at);
    paths_project_late(p, c, at);
}

/* Every condition that decides an outcome (recommendations do not), with the level it is
 * evaluated at, read once for what each step takes from it: the tests that make the answer
 * classes, when each question and finding is last needed, and the later tests each
 * question's stages are made of. Sections come first, then questions, findings and roles,
 * the order the classes' tests keep. A section's `when` is evaluated at each of its
 * questions' levels but only the last counts (paths_plan). */
static void walk_conditions(struct paths *p)
{
    const struct questionnaire *q = p->q;
    for (size_t s = 0; s < q->n_sections; s++)
        paths_cond_leaves(p, q->sections[s].when, walk_leaf, &p->section_last[s]);
    for (size_t i = 0; i < q->n_questions; i++) {
        long at = (long)i;
        paths_cond_leaves(p, q->questions[i].when, walk_leaf, &at);
        for (size_t o = 0; o < q->questions[i].n_options; o++)
            paths_cond_leaves(p, q->questions[i].options[o].when, walk_leaf, &at);
    }
    for (size_t f = 0; f < q->n_findings; f++)
        paths_cond_leaves(p, q->findings[f].when, walk_leaf, &p->finfo[f].dp);
    long end = (long)q->n_questions;
    for (size_t r = 0; p->role_reads && r < q->n_role_rules; r++)
        paths_cond_leaves(p, q->role_rules[r].when, walk_leaf, &end);
}

static void scratch_free(struct paths *p)
{
    free(p->scratch_answers);
    free(p->scratch_reached);
    p->scratch_answers = NULL;
    p->scratch_reached = NULL;
}

static struct paths *paths_run(const struct questionnaire *q, size_t budget, enum paths_mode mode)
{
    struct paths *p = xcalloc(1, sizeof *p);
    p->q = q;
    p->arena = arena_new();
    p->mode = mode;
    p->graph = mode != PATHS_COVER;
    p->streams = mode == PATHS_COVER;
    p->role_reads = mode != PATHS_COVER || !some_role_always(p);
    for (int e = 0; e < ELIG_COUNT; e++)
        p->verdict_map[e] = p->role_reads ? (uint8_t)e : 0;
    if (mode != PATHS_EXACT && p->role_reads)
        merge_verdicts(p);
    p->complete = true;
    p->qinfo = xcalloc(q->n_questions + 1, sizeof *p->qinfo);
    p->finfo = xcalloc(q->n_findings + 1, sizeof *p->finfo);
    p->forder = xcalloc(q->n_findings + 1, sizeof *p->forder);
    p->question_reached = xcalloc(q->n_questions + 1, sizeof *p->question_reached);
    p->scratch_answers = xcalloc(q->n_questions + 1, sizeof *p->scratch_answers);
    p->scratch_reached = xcalloc(q->n_questions + 1, sizeof *p->scratch_reached);
    if (budget > TERMINAL - 1)
        budget = TERMINAL - 1;
    paths_plan(p);
    paths_classes_begin(p);
    paths_project_begin(p);
    walk_conditions(p);
    if (p->streams) {
        paths_explore(p, budget);
        paths_project_end(p);
        paths_classes_end(p);
        scratch_free(p);
        return p;
    }
    for (size_t i = 0; i < q->n_questions; i++)
        paths_classes_of(p, i);
    paths_classes_end(p);
    for (size_t i = 0; i < q->n_questions; i++)
        paths_stages_of(p, i);
    paths_project_end(p);
    if (p->complete) {
        paths_explore(p, budget);
    } else {
        p->level_first = xcalloc(q->n_questions + 3, sizeof *p->level_first);
        p->edge_first = xcalloc(1, sizeof *p->edge_first);
    }
    scratch_free(p);
    return p;
}

struct paths *paths_analyse(const struct questionnaire *q, size_t budget)
{
    return paths_run(q, budget, PATHS_EXACT);
}

struct paths *paths_check(const struct questionnaire *q, size_t budget)
{
    return paths_run(q, budget, PATHS_MERGED);
}

struct paths *paths_cover(const struct questionnaire *q, size_t budget)
{
    return paths_run(q, budget, PATHS_COVER);
}

void paths_free(struct paths *p)
{
    if (!p)
        return;
    arena_free(p->arena);
    for (size_t i = 0; i < p->q->n_questions; i++)
        chunks_free(p->qinfo[i].chunks);
    chunks_free(p->spare);
    free(p->qinfo);
    free(p->finfo);
    free(p->forder);
    free(p->bucket_first);
    free(p->by_first);
    free(p->first_first);
    free(p->section_last);
    free(p->stop_reason);
    free(p->question_reached);
    free(p->level_first);
    free(p->edge_first);
    free(p->edges);
    free(p->outcomes);
    free(p);
}

bool paths_complete(const struct paths *p)
{
    return p->complete;
}

const char *paths_stop_reason(const struct paths *p)
{
    return p->stop_reason;
}

size_t paths_state_count(const struct paths *p)
{
    return p->n_nodes;
}

bool paths_question_reached(const struct paths *p, size_t qi)
{
    return qi < p->q->n_questions && p->question_reached[qi];
}

size_t paths_outcome_count(const struct paths *p)
{
    return p->n_outcomes;
}

const struct paths_outcome *paths_outcome_get(const struct paths *p, size_t i)
{
    return i < p->n_outcomes ? &p->outcomes[i] : NULL;
}
