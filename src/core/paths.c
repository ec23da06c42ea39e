/* paths.c - every way through a questionnaire, enumerated by outcome rather than by answer
 * combination: reachability and verdict coverage for `check`, the decision table for `paths`.
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
 *
 * 4. For printing, the state graph is reduced, once per outcome, like a binary decision
 *    diagram of "this way leads to that outcome": bottom-up, a state whose answers all lead
 *    to the same place is skipped (its question does not matter there), and states with the
 *    same question and the same answer-to-successor map are shared. Every path of the reduced
 *    diagram to "yes" is one alternative of the decision table: the questions on it, each
 *    with the set of answers (classes merged per successor) that follow that path. */
#include "paths.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "strbuf.h"
#include "xalloc.h"

#define CLASS_NOT_REACHED  0u
#define MULTI_MAX_TESTED   16         /* options of one multi question that conditions may test */
#define DNF_MAX_VECTORS    512        /* above this, multi answer sets are listed, not simplified */
#define PRINT_ALTERNATIVES 25         /* alternatives printed per outcome */
#define MAX_CLASSES        (1u << 20) /* answer classes of all questions together */
#define EDGES_PER_STATE    4          /* the budget of edges: states can fan out, memory must not */
#define WORK_PER_STATE     16         /* the budget of classes looked at, per state of the budget */
#define TERMINAL           ((uint32_t)1 << 31) /* an edge child that is an outcome index */
#define NO_NODE            UINT32_MAX

/* ---- the analysis' data ---- */

enum atom_kind { ATOM_ANY, ATOM_ALL };

/* A test on a multi question: some (ATOM_ANY) or all (ATOM_ALL) of mask picked. */
struct atom {
    enum atom_kind kind;
    uint64_t mask;
};

/* One class of answers to a question. */
struct qclass {
    struct answer rep; /* a representative answer (rep.given false: unanswered) */
    bool reached;      /* false only for CLASS_NOT_REACHED */
    uint64_t options;  /* yes/no, choice: the options in the class */
    uint64_t truth;    /* multi: which atoms hold */
    uint64_t *members; /* multi: the answer sets in the class (restricted to tested options) */
    size_t n_members;
    long long lo, hi; /* number: the interval */
    size_t *raises;   /* findings this class raises */
    size_t n_raises;
};

struct stage {
    long until;
    uint32_t *proj;
};

struct qinfo {
    struct qclass *classes;
    size_t n_classes;
    struct atom *atoms; /* multi */
    size_t n_atoms;
    uint64_t tested;   /* multi: options some atom tests */
    bool has_untested; /* multi: some option no atom tests */
    bool option_whens; /* some option has a `when` */
    size_t n_members;  /* multi: answer sets over all classes */
    long need;         /* last level whose states carry this question's class; -1: none */
    /* What the states keep of the answer, level by level: stages[k].proj maps a class to the
     * first class that no condition evaluated at a level in (stages[k - 1].until, ...] or
     * later tells apart from it, for states at levels up to stages[k].until. */
    struct stage *stages;
    size_t n_stages;
    size_t cursor; /* the stage of the level being explored (levels only grow) */
};

struct finfo {
    long dp;    /* the question after which it is decided; -1: before any question */
    long first; /* the earliest question after which it can be raised */
    long need;  /* last level whose states carry its flag; -1: none */
};

struct edge {
    uint32_t child; /* node index, or TERMINAL | outcome index */
    uint32_t cls;
};

/* The reduced diagram: a node asks one question; its groups map sets of classes to a child
 * (a reduced node index, or R_TRUE / R_FALSE). */
struct rnode {
    size_t question;
    size_t first_group, n_groups;
};

struct rgroup {
    uint32_t child;
    size_t first_cls, n_cls; /* into rdiag.classes */
};

/* The reduced diagram of one outcome: the boolean "this path leads to the outcome". */
#define R_FALSE (TERMINAL | 0u)
#define R_TRUE  (TERMINAL | 1u)

struct rdiag {
    uint32_t root; /* a node index, or R_TRUE / R_FALSE */
    struct rnode *nodes;
    size_t n_nodes;
    struct rgroup *groups;
    size_t n_groups;
    uint32_t *classes;
    size_t n_classes;
};

struct paths {
    const struct questionnaire *q;
    struct qinfo *qinfo;
    struct finfo *finfo;
    size_t *forder;       /* findings in dependency order */
    size_t *bucket_first; /* findings decided at level b - 1: forder[bucket_first[b] ..] */
    size_t *by_first;     /* findings by the question after which they can first be raised: */
    size_t *first_first;  /* those of question b - 1 are by_first[first_first[b] ..] */

    /* The verdict states keep: itself, or with merged verdicts (paths_check) the most severe
     * verdict that no role rule, now or after any finding, tells apart from it. */
    uint8_t verdict_map[ELIG_COUNT];

    bool complete;
    char *stop_reason;
    bool *question_reached;

    /* The state graph: nodes numbered level by level; node i's edges are
     * edges[edge_first[i] .. edge_first[i + 1]]. */
    size_t n_nodes;
    size_t *level_first; /* level b is nodes [level_first[b], level_first[b + 1]) */
    size_t *edge_first;
    size_t n_edge_first_cap;
    struct edge *edges;
    size_t n_edges, cap_edges;

    struct paths_outcome *outcomes;
    size_t n_outcomes;
};

/* ---- collecting what conditions test ---- */

typedef void leaf_fn(struct paths *p, const struct cond *leaf, void *arg);

static void cond_leaves(struct paths *p, const struct cond *c, leaf_fn *fn, void *arg)
{
    if (!c)
        return;
    if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT) {
        for (size_t i = 0; i < c->n_items; i++)
            cond_leaves(p, c->items[i], fn, arg);
        return;
    }
    fn(p, c, arg);
}

static bool is_question_leaf(const struct cond *c)
{
    return c->kind == COND_IN || c->kind == COND_INCLUDES || c->kind == COND_COMPARE ||
           c->kind == COND_ANSWERED;
}

/* Per-question test lists gathered before classes are built. */
struct tests {
    uint64_t **masks; /* yes/no, choice: tested option sets */
    size_t *n_masks, *cap_masks;
    long long **cuts; /* number: interval starts */
    size_t *n_cuts, *cap_cuts;
};

static void push_u64(uint64_t **v, size_t *n, size_t *cap, uint64_t x)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 4;
        *v = xreallocarray(*v, *cap, sizeof **v);
    }
    (*v)[(*n)++] = x;
}

static void push_ll(long long **v, size_t *n, size_t *cap, long long x)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 4;
        *v = xreallocarray(*v, *cap, sizeof **v);
    }
    (*v)[(*n)++] = x;
}

/* Past 63 atoms classes_multi gives up, so stop collecting (and deduplicating) there. */
#define MAX_ATOMS 63

static void add_atom(struct qinfo *qi, enum atom_kind kind, uint64_t mask)
{
    if (qi->n_atoms > MAX_ATOMS)
        return;
    if (__builtin_popcountll(mask) == 1)
        kind = ATOM_ANY; /* "some of {v}" and "all of {v}" are the same test */
    for (size_t i = 0; i < qi->n_atoms; i++)
        if (qi->atoms[i].kind == kind && qi->atoms[i].mask == mask)
            return;
    qi->atoms = xreallocarray(qi->atoms, qi->n_atoms + 1, sizeof *qi->atoms);
    qi->atoms[qi->n_atoms++] = (struct atom){kind, mask};
    qi->tested |= mask;
}

/* Records what one leaf tests on its question. */
static void gather_leaf(struct paths *p, const struct cond *c, void *arg)
{
    struct tests *t = arg;
    if (!is_question_leaf(c) || c->ref_index < 0)
        return;
    size_t qi = (size_t)c->ref_index;
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        if (c->kind == COND_IN)
            push_u64(&t->masks[qi], &t->n_masks[qi], &t->cap_masks[qi], cond_value_mask(c));
        break;
    case QTYPE_MULTI:
        if (c->kind == COND_IN)
            add_atom(info, ATOM_ANY, cond_value_mask(c));
        else if (c->kind == COND_INCLUDES)
            add_atom(info, ATOM_ALL, cond_value_mask(c));
        break;
    case QTYPE_NUMBER:
        if (c->kind == COND_COMPARE) {
            /* The first value for which the comparison's truth differs from the one below. */
            long long n = c->number;
            bool up = c->op == CMP_AT_MOST || c->op == CMP_ABOVE || c->op == CMP_EQUAL;
            if (c->op == CMP_EQUAL || !up)
                push_ll(&t->cuts[qi], &t->n_cuts[qi], &t->cap_cuts[qi], n);
            if (up && n < LLONG_MAX)
                push_ll(&t->cuts[qi], &t->n_cuts[qi], &t->cap_cuts[qi], n + 1);
        }
        break;
    default:
        break;
    }
}

/* ---- answer classes ---- */

static size_t *raises_of(const struct question *qn, uint64_t picked, size_t *n)
{
    size_t *out = NULL;
    *n = 0;
    for (size_t r = 0; r < qn->n_raises; r++) {
        const struct raise *ra = &qn->raises[r];
        if (ra->value_index >= 0 && ra->finding_index >= 0 &&
            (picked & (UINT64_C(1) << ra->value_index))) {
            out = xreallocarray(out, *n + 1, sizeof *out);
            out[(*n)++] = (size_t)ra->finding_index;
        }
    }
    return out;
}

static struct qclass *new_class(struct qinfo *info)
{
    info->classes = xreallocarray(info->classes, info->n_classes + 1, sizeof *info->classes);
    struct qclass *c = &info->classes[info->n_classes++];
    *c = (struct qclass){.reached = true};
    return c;
}

/* Yes/no and choice: refine the partition of options by every tested set. */
static void classes_single(struct paths *p, size_t qi, const uint64_t *masks, size_t n_masks)
{
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    size_t n_opt = model_option_count(qn);
    int group[MODEL_MAX_OPTIONS] = {0};
    int n_groups = n_opt ? 1 : 0;
    for (size_t m = 0; m < n_masks + qn->n_raises; m++) {
        uint64_t mask;
        if (m < n_masks) {
            mask = masks[m];
        } else {
            int v = qn->raises[m - n_masks].value_index;
            if (v < 0)
                continue;
            mask = UINT64_C(1) << v;
        }
        /* Split each group into its options inside and outside mask. */
        int split[2 * MODEL_MAX_OPTIONS];
        for (int g = 0; g < 2 * MODEL_MAX_OPTIONS; g++)
            split[g] = -1;
        int next = 0;
        for (size_t o = 0; o < n_opt; o++) {
            int key = group[o] * 2 + (int)((mask >> o) & 1);
            if (split[key] < 0)
                split[key] = next++;
            group[o] = split[key];
        }
        n_groups = next;
    }
    for (int g = 0; g < n_groups; g++) {
        struct qclass *c = new_class(info);
        for (size_t o = 0; o < n_opt; o++)
            if (group[o] == g)
                c->options |= UINT64_C(1) << o;
        c->rep.given = true;
        c->rep.choice = __builtin_ctzll(c->options);
        c->raises = raises_of(qn, UINT64_C(1) << c->rep.choice, &c->n_raises);
    }
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static void classes_number(struct paths *p, size_t qi, long long *cuts, size_t n_cuts)
{
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    long long lo = qn->min, max = qn->max < qn->min ? qn->min : qn->max;
    if (n_cuts > 0)
        qsort(cuts, n_cuts, sizeof *cuts, cmp_ll);
    for (size_t i = 0; i <= n_cuts; i++) {
        if (i < n_cuts && (cuts[i] <= lo || cuts[i] > max))
            continue;
        struct qclass *c = new_class(info);
        c->lo = lo;
        c->hi = i < n_cuts ? cuts[i] - 1 : max;
        c->rep.given = true;
        c->rep.number = lo;
        if (i == n_cuts)
            break;
        lo = cuts[i];
    }
}

/* A multi answer set (restricted to tested options) and the truth vector it gives. */
struct member {
    uint64_t truth;
    uint64_t set;
};

static int cmp_member(const void *a, const void *b)
{
    const struct member *x = a, *y = b;
    if (x->truth != y->truth)
        return x->truth < y->truth ? -1 : 1;
    return (x->set > y->set) - (x->set < y->set);
}

static uint64_t atoms_truth(const struct qinfo *info, uint64_t set)
{
    uint64_t t = 0;
    for (size_t a = 0; a < info->n_atoms; a++) {
        uint64_t m = info->atoms[a].mask;
        bool holds = info->atoms[a].kind == ATOM_ANY ? (set & m) != 0 : (set & m) == m;
        if (holds)
            t |= UINT64_C(1) << a;
    }
    return t;
}

/* Multi: every feasible answer set over the tested options (plus "only untested options"),
 * grouped by truth vector. False when too many options are tested to enumerate. */
static bool classes_multi(struct paths *p, size_t qi)
{
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    uint64_t exclusive = 0, all = 0;
    for (size_t o = 0; o < qn->n_options; o++) {
        all |= UINT64_C(1) << o;
        if (qn->options[o].exclusive)
            exclusive |= UINT64_C(1) << o;
    }
    info->has_untested = (all & ~info->tested) != 0;
    int bits[MULTI_MAX_TESTED];
    int n_bits = 0;
    if (info->n_atoms > MAX_ATOMS)
        return false;
    for (size_t o = 0; o < qn->n_options; o++)
        if (info->tested & (UINT64_C(1) << o)) {
            if (n_bits == MULTI_MAX_TESTED)
                return false;
            bits[n_bits++] = (int)o;
        }
    size_t n_sets = (size_t)1 << n_bits;
    struct member *m = xcalloc(n_sets, sizeof *m);
    size_t n = 0;
    for (size_t k = 0; k < n_sets; k++) {
        uint64_t set = 0;
        for (int b = 0; b < n_bits; b++)
            if (k & ((size_t)1 << b))
                set |= UINT64_C(1) << bits[b];
        bool feasible =
            set ? (set & exclusive) == 0 || __builtin_popcountll(set) == 1 : info->has_untested;
        if (feasible)
            m[n++] = (struct member){atoms_truth(info, set), set};
    }
    qsort(m, n, sizeof *m, cmp_member);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && m[j].truth == m[i].truth)
            j++;
        struct qclass *c = new_class(info);
        c->truth = m[i].truth;
        c->n_members = j - i;
        info->n_members += j - i;
        c->members = xcalloc(c->n_members, sizeof *c->members);
        for (size_t k = i; k < j; k++)
            c->members[k - i] = m[k].set;
        uint64_t set = m[i].set ? m[i].set : (all & ~info->tested & -(all & ~info->tested));
        c->rep.given = true;
        c->rep.selected = set;
        c->raises = raises_of(qn, set, &c->n_raises);
        i = j;
    }
    free(m);
    return true;
}

static void build_classes(struct paths *p)
{
    const struct questionnaire *q = p->q;
    size_t n = q->n_questions;
    struct tests t = {
        .masks = xcalloc(n + 1, sizeof *t.masks),
        .n_masks = xcalloc(n + 1, sizeof(size_t)),
        .cap_masks = xcalloc(n + 1, sizeof(size_t)),
        .cuts = xcalloc(n + 1, sizeof *t.cuts),
        .n_cuts = xcalloc(n + 1, sizeof(size_t)),
        .cap_cuts = xcalloc(n + 1, sizeof(size_t)),
    };
    /* Every condition that decides an outcome; recommendations do not. */
    for (size_t s = 0; s < q->n_sections; s++)
        cond_leaves(p, q->sections[s].when, gather_leaf, &t);
    for (size_t i = 0; i < n; i++) {
        cond_leaves(p, q->questions[i].when, gather_leaf, &t);
        for (size_t o = 0; o < q->questions[i].n_options; o++)
            cond_leaves(p, q->questions[i].options[o].when, gather_leaf, &t);
    }
    for (size_t f = 0; f < q->n_findings; f++)
        cond_leaves(p, q->findings[f].when, gather_leaf, &t);
    for (size_t r = 0; r < q->n_role_rules; r++)
        cond_leaves(p, q->role_rules[r].when, gather_leaf, &t);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const struct question *qn = &q->questions[i];
        struct qinfo *info = &p->qinfo[i];
        if (!p->complete) {
            /* Stopped: every question keeps its "not reached" class only. */
            new_class(info)->reached = false;
            free(t.masks[i]);
            free(t.cuts[i]);
            continue;
        }
        for (size_t r = 0; r < qn->n_raises; r++)
            if (qn->type == QTYPE_MULTI && qn->raises[r].value_index >= 0)
                add_atom(info, ATOM_ANY, UINT64_C(1) << qn->raises[r].value_index);
        for (size_t o = 0; o < qn->n_options; o++)
            if (qn->options[o].when)
                info->option_whens = true;

        struct qclass *none = new_class(info);
        none->reached = false;
        if (!qn->required && qn->default_mask == 0)
            new_class(info)->rep.given = false; /* unanswered (with a default: that answer) */
        switch (qn->type) {
        case QTYPE_YESNO:
        case QTYPE_CHOICE:
            classes_single(p, i, t.masks[i], t.n_masks[i]);
            break;
        case QTYPE_MULTI:
            if (!classes_multi(p, i) && p->complete) {
                p->complete = false;
                p->stop_reason =
                    p->qinfo[i].n_atoms > MAX_ATOMS
                        ? xasprintf("analysis stopped: more than %d different tests of multi "
                                    "question '%s'; coverage not proven",
                                    MAX_ATOMS, qn->id)
                        : xasprintf("analysis stopped: conditions test more than %d options of "
                                    "multi question '%s'; coverage not proven",
                                    MULTI_MAX_TESTED, qn->id);
            }
            break;
        case QTYPE_NUMBER:
            classes_number(p, i, t.cuts[i], t.n_cuts[i]);
            break;
        case QTYPE_TEXT:
        default: {
            struct qclass *c = new_class(info);
            c->rep.given = true;
            c->rep.text = (char *)"answered";
            break;
        }
        }
        total += info->n_classes;
        if (total > MAX_CLASSES && p->complete) {
            p->complete = false;
            p->stop_reason = xasprintf("analysis stopped: the conditions split the answers into "
                                       "more than %u classes; coverage not proven",
                                       MAX_CLASSES);
        }
        free(t.masks[i]);
        free(t.cuts[i]);
    }
    free(t.masks);
    free(t.n_masks);
    free(t.cap_masks);
    free(t.cuts);
    free(t.n_cuts);
    free(t.cap_cuts);
}

/* ---- when each question and finding is needed ---- */

struct need_arg {
    long at;
};

static void need_leaf(struct paths *p, const struct cond *c, void *arg)
{
    long at = ((struct need_arg *)arg)->at;
    if (c->ref_index < 0)
        return;
    if (is_question_leaf(c)) {
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
    if (is_question_leaf(c) && c->ref_index > *dp)
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
    cond_leaves(p, p->q->findings[f].when, order_leaf, arg);
    p->forder[(*n)++] = f;
}

static void plan(struct paths *p)
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
        cond_leaves(p, q->findings[f].when, dp_leaf, &a);
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

    /* What each later evaluation needs. Questions' (and sections', options') conditions at
     * their question's level; findings' at their decision point; roles at the end. */
    for (size_t i = 0; i < nq; i++) {
        struct need_arg a = {(long)i};
        cond_leaves(p, q->sections[q->questions[i].section].when, need_leaf, &a);
        cond_leaves(p, q->questions[i].when, need_leaf, &a);
        for (size_t o = 0; o < q->questions[i].n_options; o++)
            cond_leaves(p, q->questions[i].options[o].when, need_leaf, &a);
    }
    for (size_t f = 0; f < nf; f++) {
        struct need_arg a = {p->finfo[f].dp};
        cond_leaves(p, q->findings[f].when, need_leaf, &a);
    }
    for (size_t r = 0; r < q->n_role_rules; r++) {
        struct need_arg a = {(long)nq};
        cond_leaves(p, q->role_rules[r].when, need_leaf, &a);
    }
}

/* ---- what later conditions can still tell apart ---- */

/* A leaf on a question, evaluated at a later level. */
struct late {
    const struct cond *leaf;
    long level;
};

/* The late leaves of every question. */
struct late_leaves {
    struct late **items;
    size_t *n, *cap;
};

struct late_arg {
    struct late_leaves *late;
    long at; /* the level the condition is evaluated at */
};

static void late_leaf(struct paths *p, const struct cond *c, void *arg)
{
    (void)p;
    struct late_arg *a = arg;
    if (!is_question_leaf(c) || c->ref_index < 0 || c->ref_index >= a->at)
        return;
    size_t qi = (size_t)c->ref_index;
    struct late_leaves *l = a->late;
    if (l->n[qi] == l->cap[qi]) {
        l->cap[qi] = l->cap[qi] ? 2 * l->cap[qi] : 4;
        l->items[qi] = xreallocarray(l->items[qi], l->cap[qi], sizeof *l->items[qi]);
    }
    l->items[qi][l->n[qi]++] = (struct late){c, a->at};
}

static int cmp_late_desc(const void *a, const void *b)
{
    long x = ((const struct late *)a)->level, y = ((const struct late *)b)->level;
    return (x < y) - (x > y);
}

/* The stages of one question: going down from its last use, each level's leaves refine the
 * partition of its classes; a stage is added whenever the partition changes. */
static void stages_build(struct paths *p, size_t qi, struct late *late, size_t n,
                         struct cond_env *env, struct answer *answers, bool *reached)
{
    struct qinfo *info = &p->qinfo[qi];
    size_t k = info->n_classes;
    if (n > 0)
        qsort(late, n, sizeof *late, cmp_late_desc);
    uint32_t *group = xcalloc(k + 1, sizeof *group);
    uint32_t *split = xcalloc(2 * k + 2, sizeof *split);
    uint32_t *proj = xcalloc(k + 1, sizeof *proj);
    uint32_t *first = xcalloc(k + 1, sizeof *first);
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
        info->stages = xreallocarray(info->stages, info->n_stages + 1, sizeof *info->stages);
        info->stages[info->n_stages].until = level;
        info->stages[info->n_stages].proj = xcalloc(k + 1, sizeof *proj);
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
    if (info->n_stages > 0)
        info->stages[info->n_stages - 1].until = info->need;
    free(group);
    free(split);
    free(proj);
    free(first);
}

/* A question's class matters to the states after its level only through the conditions
 * evaluated later (its raises and the findings decided at its level are applied at once),
 * and at each level only through those still to come. The states keep the class projected
 * onto what those conditions can tell apart (the stages), which keeps them narrow: a
 * question named once, a few levels later, leaves the states' width alone after that. */
static void project(struct paths *p)
{
    const struct questionnaire *q = p->q;
    size_t nq = q->n_questions;
    struct late_leaves l = {
        .items = xcalloc(nq + 1, sizeof *l.items),
        .n = xcalloc(nq + 1, sizeof *l.n),
        .cap = xcalloc(nq + 1, sizeof *l.cap),
    };
    for (size_t i = 0; i < nq; i++) {
        struct late_arg a = {&l, (long)i};
        cond_leaves(p, q->sections[q->questions[i].section].when, late_leaf, &a);
        cond_leaves(p, q->questions[i].when, late_leaf, &a);
        for (size_t o = 0; o < q->questions[i].n_options; o++)
            cond_leaves(p, q->questions[i].options[o].when, late_leaf, &a);
    }
    for (size_t f = 0; f < q->n_findings; f++) {
        struct late_arg a = {&l, p->finfo[f].dp};
        cond_leaves(p, q->findings[f].when, late_leaf, &a);
    }
    for (size_t r = 0; r < q->n_role_rules; r++) {
        struct late_arg a = {&l, (long)nq};
        cond_leaves(p, q->role_rules[r].when, late_leaf, &a);
    }
    struct answer *answers = xcalloc(nq + 1, sizeof *answers);
    bool *reached = xcalloc(nq + 1, sizeof *reached);
    struct cond_env env = {q, answers, reached, NULL, -1};
    for (size_t qi = 0; qi < nq; qi++) {
        stages_build(p, qi, l.items[qi], l.n[qi], &env, answers, reached);
        free(l.items[qi]);
    }
    free(answers);
    free(reached);
    free(l.items);
    free(l.n);
    free(l.cap);
}

/* The class question qi's states keep at level b, for class c. */
static uint32_t project_at(struct qinfo *info, long b, uint32_t c)
{
    while (info->cursor + 1 < info->n_stages && info->stages[info->cursor].until < b)
        info->cursor++;
    return info->stages[info->cursor].proj[c];
}

/* ---- exploring the states ---- */

/* Which questions and findings the states of one level carry, in key order. */
struct layout {
    size_t *qs, n_qs;
    size_t *fs, n_fs;
    size_t len; /* key length: 1 (verdict) + n_qs + n_fs */
};

/* The states of one level, merged by key. */
struct level {
    struct layout lay;
    uint32_t *keys; /* n * lay.len */
    size_t n, cap;
    uint32_t *slots; /* hash table of state indexes, NO_NODE when empty */
    size_t n_slots;
};

struct explorer {
    struct paths *p;
    size_t budget;
    struct answer *answers;
    bool *reached;
    bool *raised;
    long *pos;     /* position of a question in the current layout, or -1 */
    size_t *touch; /* findings raised during one step */
    size_t n_touch;
    uint32_t *key; /* the successor being built */
    size_t work;   /* classes (and multi answer sets) looked at so far */
    struct level cur, next;
};

/* The layout of level b from that of level b - 1: drop what is no longer needed, add
 * question b - 1 and findings that can first be raised there. */
static void layout_next(struct paths *p, const struct layout *prev, size_t b, struct layout *out)
{
    out->n_qs = out->n_fs = 0;
    out->qs = xcalloc(prev->n_qs + 2, sizeof *out->qs);
    for (size_t i = 0; i < prev->n_qs; i++)
        if (p->qinfo[prev->qs[i]].need >= (long)b)
            out->qs[out->n_qs++] = prev->qs[i];
    if (b > 0 && p->qinfo[b - 1].need >= (long)b)
        out->qs[out->n_qs++] = b - 1;
    size_t from = p->first_first[b], to = p->first_first[b + 1];
    out->fs = xcalloc(prev->n_fs + (to - from) + 1, sizeof *out->fs);
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

static uint64_t key_hash(const uint32_t *k, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < len; i++)
        h = (h ^ k[i]) * UINT64_C(1099511628211);
    return h ^ (h >> 29);
}

/* An empty level sized for about `expect` states (the width of the level before it). */
static void level_init(struct level *l, size_t expect)
{
    size_t slots = 16;
    while (slots < 4 * expect)
        slots *= 2;
    l->n = l->cap = 0;
    l->keys = NULL;
    l->n_slots = slots;
    l->slots = xmalloc(slots * sizeof *l->slots);
    memset(l->slots, 0xff, slots * sizeof *l->slots);
}

static void level_free(struct level *l)
{
    free(l->keys);
    free(l->slots);
    layout_free(&l->lay);
}

static void level_rehash(struct level *l)
{
    free(l->slots);
    l->n_slots *= 2;
    l->slots = xmalloc(l->n_slots * sizeof *l->slots);
    memset(l->slots, 0xff, l->n_slots * sizeof *l->slots);
    for (size_t i = 0; i < l->n; i++) {
        size_t s = (size_t)key_hash(l->keys + i * l->lay.len, l->lay.len) & (l->n_slots - 1);
        while (l->slots[s] != NO_NODE)
            s = (s + 1) & (l->n_slots - 1);
        l->slots[s] = (uint32_t)i;
    }
}

/* The index of the state with key k in l, adding it if new (*added set). */
static size_t level_intern(struct level *l, const uint32_t *k, bool *added)
{
    size_t len = l->lay.len;
    size_t s = (size_t)key_hash(k, len) & (l->n_slots - 1);
    while (l->slots[s] != NO_NODE) {
        if (memcmp(l->keys + (size_t)l->slots[s] * len, k, len * sizeof *k) == 0) {
            *added = false;
            return l->slots[s];
        }
        s = (s + 1) & (l->n_slots - 1);
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->keys = xreallocarray(l->keys, l->cap, len * sizeof *k);
    }
    memcpy(l->keys + l->n * len, k, len * sizeof *k);
    l->slots[s] = (uint32_t)l->n;
    *added = true;
    l->n++;
    if (2 * l->n > l->n_slots)
        level_rehash(l);
    return l->n - 1;
}

static void add_edge(struct paths *p, uint32_t child, uint32_t cls)
{
    if (p->n_edges == p->cap_edges) {
        p->cap_edges = p->cap_edges ? 2 * p->cap_edges : 64;
        p->edges = xreallocarray(p->edges, p->cap_edges, sizeof *p->edges);
    }
    p->edges[p->n_edges++] = (struct edge){child, cls};
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

/* Decides the findings of bucket b on the scratch answers. */
static void decide_findings(struct explorer *x, size_t b, uint32_t *verdict)
{
    const struct paths *p = x->p;
    struct cond_env env = {p->q, x->answers, x->reached, x->raised, -1};
    for (size_t k = p->bucket_first[b]; k < p->bucket_first[b + 1]; k++) {
        size_t f = p->forder[k];
        if (p->q->findings[f].when && cond_eval(p->q->findings[f].when, &env))
            raise_finding(x, f, verdict);
    }
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
        x->key[1 + i] = project_at(&x->p->qinfo[qj], (long)level, c);
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
    for (size_t s = 0; s < x->cur.n; s++) {
        const uint32_t *k = x->cur.keys + s * x->cur.lay.len;
        p->edge_first[base + s] = p->n_edges;
        /* Bound the work as well as the states: a state may look at many classes. */
        x->work += info->n_classes + (info->option_whens ? info->n_members : 0);
        if (x->work > WORK_PER_STATE * x->budget) {
            for (size_t r = s + 1; r <= x->cur.n; r++)
                p->edge_first[base + r] = p->n_edges;
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
            decide_findings(x, b + 1, &verdict);
            key_build(x, &x->next.lay, k, b + 1, (uint32_t)c, p->verdict_map[verdict]);
            bool added;
            size_t child = level_intern(&x->next, x->key, &added);
            add_edge(p, (uint32_t)(next_base + child), (uint32_t)c);
            for (size_t t = 0; t < x->n_touch; t++)
                x->raised[x->touch[t]] = false;
            for (size_t i = 0; i < x->cur.lay.n_fs; i++)
                x->raised[x->cur.lay.fs[i]] = k[1 + x->cur.lay.n_qs + i] != 0;
            if ((added && next_base + x->next.n > x->budget) ||
                p->n_edges > EDGES_PER_STATE * x->budget) {
                x->answers[b] = (struct answer){0};
                x->reached[b] = false;
                env_unload(x);
                for (size_t r = s + 1; r <= x->cur.n; r++)
                    p->edge_first[base + r] = p->n_edges;
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
        p->edge_first[base + s] = p->n_edges;
        env_load(x, k);
        struct cond_env env = {q, x->answers, x->reached, x->raised, (int)k[0]};
        struct paths_outcome o = {.end = PATHS_END_NO_ROLE, .eligibility = k[0]};
        for (size_t r = 0; r < q->n_role_rules; r++)
            if (cond_eval(q->role_rules[r].when, &env)) {
                o.end = PATHS_END_ROLE;
                o.role = q->role_rules[r].role;
                break;
            }
        add_edge(p, outcome_id(p, ids, &o), 0);
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
    for (size_t e = 0; e < p->n_edges; e++)
        if (p->edges[e].child & TERMINAL)
            p->edges[e].child = TERMINAL | renum[p->edges[e].child & ~TERMINAL];
    free(p->outcomes);
    p->outcomes = sorted;
    free(renum);
}

static void edge_first_reserve(struct paths *p, size_t n)
{
    if (n <= p->n_edge_first_cap)
        return;
    while (n > p->n_edge_first_cap)
        p->n_edge_first_cap *= 2;
    p->edge_first = xreallocarray(p->edge_first, p->n_edge_first_cap, sizeof *p->edge_first);
}

static void explore(struct paths *p, size_t budget)
{
    const struct questionnaire *q = p->q;
    size_t nq = q->n_questions;
    struct explorer x = {
        .p = p,
        .budget = budget,
        .answers = xcalloc(nq + 1, sizeof(struct answer)),
        .reached = xcalloc(nq + 1, sizeof(bool)),
        .raised = xcalloc(q->n_findings + 1, sizeof(bool)),
        .pos = xcalloc(nq + 1, sizeof(long)),
        .touch = xcalloc(q->n_findings + 1, sizeof(size_t)),
    };
    for (size_t i = 0; i < nq; i++)
        x.pos[i] = -1;
    struct outcome_ids ids;
    memset(&ids, 0xff, sizeof ids);
    ids.dead_end = xcalloc(nq + 1, sizeof *ids.dead_end);
    for (size_t i = 0; i < nq; i++)
        ids.dead_end[i] = -1;

    p->level_first = xcalloc(nq + 3, sizeof *p->level_first);
    p->n_edge_first_cap = 64;
    p->edge_first = xcalloc(p->n_edge_first_cap, sizeof *p->edge_first);

    /* Level 0: the root, after the findings that depend on no question. */
    struct layout empty = {0};
    level_init(&x.cur, 1);
    layout_next(p, &empty, 0, &x.cur.lay);
    x.key = xcalloc(1 + nq + q->n_findings, sizeof *x.key);
    uint32_t verdict = ELIG_ELIGIBLE;
    decide_findings(&x, 0, &verdict);
    key_build(&x, &x.cur.lay, NULL, 0, 0, p->verdict_map[verdict]);
    bool added;
    level_intern(&x.cur, x.key, &added);
    for (size_t t = 0; t < x.n_touch; t++)
        x.raised[x.touch[t]] = false;
    x.n_touch = 0;

    bool done = true;
    size_t b = 0;
    for (;;) {
        p->level_first[b + 1] = p->level_first[b] + x.cur.n;
        edge_first_reserve(p, p->level_first[b + 1] + 1);
        if (b == nq) {
            explore_end(&x, &ids);
            break;
        }
        level_init(&x.next, x.cur.n);
        layout_next(p, &x.cur.lay, b + 1, &x.next.lay);
        done = explore_level(&x, b, &ids);
        level_free(&x.cur);
        x.cur = x.next;
        x.next = (struct level){0};
        if (!done)
            break;
        b++;
    }
    if (done) {
        p->n_nodes = p->level_first[nq + 1];
        p->level_first[nq + 2] = p->n_nodes;
        p->edge_first[p->n_nodes] = p->n_edges;
    } else {
        /* The states of the level being built when the budget ran out have no edges. */
        size_t first = p->level_first[b + 1], last = first + x.cur.n;
        edge_first_reserve(p, last + 1);
        for (size_t i = first; i <= last; i++)
            p->edge_first[i] = p->n_edges;
        for (size_t l = b + 2; l < nq + 3; l++)
            p->level_first[l] = last;
        p->n_nodes = last;
        p->complete = false;
        free(p->stop_reason);
        p->stop_reason = xasprintf("analysis stopped after %zu states; coverage not proven", last);
    }
    level_free(&x.cur);
    order_outcomes(p, &ids);
    free(ids.dead_end);
    free(x.answers);
    free(x.reached);
    free(x.raised);
    free(x.pos);
    free(x.touch);
    free(x.key);
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
        cond_leaves(p, q->role_rules[r].when, elig_leaf, &t);
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

static struct paths *paths_run(const struct questionnaire *q, size_t budget, bool merged)
{
    struct paths *p = xcalloc(1, sizeof *p);
    p->q = q;
    for (int e = 0; e < ELIG_COUNT; e++)
        p->verdict_map[e] = (uint8_t)e;
    if (merged)
        merge_verdicts(p);
    p->complete = true;
    p->qinfo = xcalloc(q->n_questions + 1, sizeof *p->qinfo);
    p->finfo = xcalloc(q->n_findings + 1, sizeof *p->finfo);
    p->forder = xcalloc(q->n_findings + 1, sizeof *p->forder);
    p->question_reached = xcalloc(q->n_questions + 1, sizeof *p->question_reached);
    if (budget > TERMINAL - 1)
        budget = TERMINAL - 1;
    build_classes(p);
    plan(p);
    project(p);
    if (p->complete) {
        explore(p, budget);
    } else {
        p->level_first = xcalloc(q->n_questions + 3, sizeof *p->level_first);
        p->edge_first = xcalloc(1, sizeof *p->edge_first);
    }
    return p;
}

struct paths *paths_analyse(const struct questionnaire *q, size_t budget)
{
    return paths_run(q, budget, false);
}

struct paths *paths_check(const struct questionnaire *q, size_t budget)
{
    return paths_run(q, budget, true);
}

void paths_free(struct paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->q->n_questions; i++) {
        struct qinfo *info = &p->qinfo[i];
        for (size_t c = 0; c < info->n_classes; c++) {
            free(info->classes[c].members);
            free(info->classes[c].raises);
        }
        free(info->classes);
        free(info->atoms);
        for (size_t k = 0; k < info->n_stages; k++)
            free(info->stages[k].proj);
        free(info->stages);
    }
    free(p->qinfo);
    free(p->finfo);
    free(p->forder);
    free(p->bucket_first);
    free(p->by_first);
    free(p->first_first);
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
        size_t s = (size_t)key_hash(k, len) & (t->n_slots - 1);
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
    size_t s = (size_t)key_hash(k, len) & (t->n_slots - 1);
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
static void reduce(const struct paths *p, uint32_t o, struct rdiag *d)
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

static void rdiag_free(struct rdiag *d)
{
    free(d->nodes);
    free(d->groups);
    free(d->classes);
}

/* ---- describing answers ---- */

static void sb_values(struct strbuf *b, const struct question *qn, uint64_t mask)
{
    bool first = true;
    strbuf_printf(b, "{");
    for (size_t o = 0; o < model_option_count(qn); o++)
        if (mask & (UINT64_C(1) << o)) {
            strbuf_printf(b, "%s%s", first ? "" : ", ", model_option_value(qn, o));
            first = false;
        }
    strbuf_printf(b, "}");
}

static void sb_atom(struct strbuf *b, const struct question *qn, const struct atom *a, bool holds)
{
    if (__builtin_popcountll(a->mask) == 1) {
        strbuf_printf(b, "%s %s %s", qn->id, holds ? "includes" : "does not include",
                      model_option_value(qn, (size_t)__builtin_ctzll(a->mask)));
        return;
    }
    const char *how = a->kind == ATOM_ANY ? (holds ? "includes any of" : "includes none of")
                                          : (holds ? "includes all of" : "does not include all of");
    strbuf_printf(b, "%s %s ", qn->id, how);
    sb_values(b, qn, a->mask);
}

/* Multi: the answer classes in `cls`, as a small disjunction of atom tests. Greedy: each
 * uncovered truth vector grows into the largest cube (set of fixed atoms) that contains no
 * vector of another class. */
static void label_multi(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                        size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    bool *in = xcalloc(info->n_classes, sizeof *in);
    for (size_t i = 0; i < n; i++)
        in[cls[i]] = true;
    uint64_t all = info->n_atoms >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << info->n_atoms) - 1;
    uint64_t *care = xcalloc(n + 1, sizeof *care), *val = xcalloc(n + 1, sizeof *val);
    size_t n_cubes = 0;
    bool simplify = info->n_classes <= DNF_MAX_VECTORS;
    for (size_t i = 0; i < n; i++) {
        uint64_t t = info->classes[cls[i]].truth;
        bool covered = false;
        for (size_t c = 0; c < n_cubes && !covered; c++)
            covered = (t & care[c]) == val[c];
        if (covered)
            continue;
        uint64_t cm = all;
        for (size_t a = 0; simplify && a < info->n_atoms; a++) {
            uint64_t try = cm & ~(UINT64_C(1) << a);
            bool clash = false;
            for (size_t c = 1; c < info->n_classes && !clash; c++)
                clash = !in[c] && info->classes[c].rep.given &&
                        (info->classes[c].truth & try) == (t & try);
            if (!clash)
                cm = try;
        }
        care[n_cubes] = cm;
        val[n_cubes++] = t & cm;
    }
    /* The common case, "includes any of {a, b}": every cube one positive one-option test. */
    bool simple = true;
    uint64_t any = 0;
    for (size_t c = 0; c < n_cubes && simple; c++) {
        int a = care[c] ? __builtin_ctzll(care[c]) : 0;
        simple = __builtin_popcountll(care[c]) == 1 && val[c] == care[c] &&
                 __builtin_popcountll(info->atoms[a].mask) == 1;
        any |= simple ? info->atoms[a].mask : 0;
    }
    /* ... and "includes none of {a, b}": one cube of negative one-option tests. */
    bool none = n_cubes == 1 && val[0] == 0 && __builtin_popcountll(care[0]) > 1;
    uint64_t excluded = 0;
    for (size_t a = 0; none && a < info->n_atoms; a++)
        if (care[0] & (UINT64_C(1) << a)) {
            none = __builtin_popcountll(info->atoms[a].mask) == 1;
            excluded |= info->atoms[a].mask;
        }
    if (simple && n_cubes > 1) {
        strbuf_printf(b, "%s includes any of ", qn->id);
        sb_values(b, qn, any);
    } else if (none) {
        strbuf_printf(b, "%s includes none of ", qn->id);
        sb_values(b, qn, excluded);
    } else {
        for (size_t c = 0; c < n_cubes; c++) {
            if (c)
                strbuf_printf(b, " or ");
            if (!care[c])
                strbuf_printf(b, "%s answered", qn->id);
            bool first = true;
            for (size_t a = 0; a < info->n_atoms; a++)
                if (care[c] & (UINT64_C(1) << a)) {
                    if (!first)
                        strbuf_printf(b, " and ");
                    sb_atom(b, qn, &info->atoms[a], (val[c] >> a) & 1);
                    first = false;
                }
        }
    }
    free(in);
    free(care);
    free(val);
}

static void label_number(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                         size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    /* Classes are numbered in interval order: merge runs of adjacent intervals. */
    bool first = true;
    for (size_t i = 0; i < n;) {
        const struct qclass *c = &info->classes[cls[i]];
        long long lo = c->lo, hi = c->hi;
        size_t j = i + 1;
        while (j < n && info->classes[cls[j]].lo == hi + 1)
            hi = info->classes[cls[j++]].hi;
        if (!first)
            strbuf_printf(b, " or ");
        first = false;
        if (lo == qn->min && hi == qn->max)
            strbuf_printf(b, "%s answered", qn->id);
        else if (lo == hi)
            strbuf_printf(b, "%s = %lld", qn->id, lo);
        else if (lo == qn->min)
            strbuf_printf(b, "%s <= %lld", qn->id, hi);
        else if (hi == qn->max)
            strbuf_printf(b, "%s >= %lld", qn->id, lo);
        else
            strbuf_printf(b, "%s %lld..%lld", qn->id, lo, hi);
        i = j;
    }
}

/* The answers of `cls` (classes of question qi) as readable text: "sex = male",
 * "blood_thinners in {none, antiplatelet}", "age >= 18", "scalp includes any of {...}". */
static void label_classes(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                          size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    uint32_t *answered = xcalloc(n + 1, sizeof *answered);
    size_t n_answered = 0;
    bool unanswered = false, not_reached = false;
    for (size_t i = 0; i < n; i++) {
        const struct qclass *c = &info->classes[cls[i]];
        if (!c->reached)
            not_reached = true;
        else if (!c->rep.given)
            unanswered = true;
        else
            answered[n_answered++] = cls[i];
    }
    size_t start = b->len;
    if (n_answered > 0) {
        switch (qn->type) {
        case QTYPE_YESNO:
        case QTYPE_CHOICE: {
            uint64_t mask = 0;
            for (size_t i = 0; i < n_answered; i++)
                mask |= info->classes[answered[i]].options;
            if (__builtin_popcountll(mask) == 1) {
                strbuf_printf(b, "%s = %s", qn->id,
                              model_option_value(qn, (size_t)__builtin_ctzll(mask)));
            } else {
                strbuf_printf(b, "%s in ", qn->id);
                sb_values(b, qn, mask);
            }
            break;
        }
        case QTYPE_MULTI:
            label_multi(b, p, qi, answered, n_answered);
            break;
        case QTYPE_NUMBER:
            label_number(b, p, qi, answered, n_answered);
            break;
        default:
            strbuf_printf(b, "%s answered", qn->id);
            break;
        }
    }
    if (unanswered)
        strbuf_printf(b, "%s%s unanswered", b->len > start ? " or " : "", qn->id);
    if (not_reached)
        strbuf_printf(b, "%s%s not asked", b->len > start ? " or " : "", qn->id);
    free(answered);
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
static double outcome_alternatives(const struct paths *p, uint32_t o, size_t limit,
                                   void (*emit)(const char *alt, void *arg), void *arg)
{
    struct rdiag d;
    reduce(p, o, &d);
    if (d.root & TERMINAL) {
        rdiag_free(&d);
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
                    strbuf_printf(&b, "; ");
                label_classes(&b, p, d.nodes[stack[i].node].question, d.classes + g->first_cls,
                              g->n_cls);
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
    rdiag_free(&d);
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
    double total = outcome_alternatives(p, (uint32_t)i, limit, add_example, &e);
    if (total > (double)e.n)
        strbuf_printf(&e.b, " or %.0f more", total - (double)e.n);
    return strbuf_release(&e.b, NULL);
}

/* ---- printing ---- */

/* Prints s with C0 control characters and DEL escaped as \xnn (versions are free scalars and
 * must not reach the terminal raw); every other byte, C1 and non-ASCII, passes as it is. */
static void print_safe(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch < 0x20 || ch == 0x7f)
            fprintf(out, "\\x%02x", ch);
        else
            fputc(ch, out);
    }
}

static const char *const compare_symbols[CMP_COUNT] = {
    [CMP_BELOW] = "<",     [CMP_AT_MOST] = "<=", [CMP_ABOVE] = ">",
    [CMP_AT_LEAST] = ">=", [CMP_EQUAL] = "=",
};

static void sb_written_values(struct strbuf *b, const struct cond *c)
{
    strbuf_printf(b, "{");
    for (size_t i = 0; i < c->n_values; i++)
        strbuf_printf(b, "%s%s", i ? ", " : "", c->values[i]);
    strbuf_printf(b, "}");
}

/* A condition as text, e.g. "not sex = male and (age < 18 or finding minor)". */
static void cond_text(struct strbuf *b, const struct questionnaire *q, const struct cond *c,
                      bool nested)
{
    const struct question *qn =
        is_question_leaf(c) && c->ref_index >= 0 ? &q->questions[c->ref_index] : NULL;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY: {
        if (c->n_items == 0) {
            strbuf_printf(b, c->kind == COND_ALL ? "always" : "never");
            return;
        }
        bool parens = nested && c->n_items > 1;
        strbuf_printf(b, "%s", parens ? "(" : "");
        for (size_t i = 0; i < c->n_items; i++) {
            if (i)
                strbuf_printf(b, c->kind == COND_ALL ? " and " : " or ");
            cond_text(b, q, c->items[i], true);
        }
        strbuf_printf(b, "%s", parens ? ")" : "");
        return;
    }
    case COND_NOT:
        strbuf_printf(b, "not ");
        if (c->n_items > 0)
            cond_text(b, q, c->items[0], true);
        return;
    case COND_IN:
        if (qn && qn->type == QTYPE_MULTI) {
            strbuf_printf(b, "%s includes %s", c->ref, c->n_values == 1 ? c->values[0] : "any of ");
        } else {
            strbuf_printf(b, "%s %s", c->ref, c->n_values == 1 ? "= " : "in ");
            if (c->n_values == 1)
                strbuf_printf(b, "%s", c->values[0]);
        }
        if (c->n_values != 1)
            sb_written_values(b, c);
        return;
    case COND_INCLUDES:
        strbuf_printf(b, "%s includes %s", c->ref, c->n_values == 1 ? c->values[0] : "all of ");
        if (c->n_values != 1)
            sb_written_values(b, c);
        return;
    case COND_COMPARE:
        strbuf_printf(b, "%s %s %lld", c->ref,
                      compare_symbols[c->op < CMP_COUNT ? c->op : CMP_EQUAL], c->number);
        return;
    case COND_ANSWERED:
        strbuf_printf(b, "%s %s", c->ref, c->flag ? "answered" : "not answered");
        return;
    case COND_ELIGIBILITY: {
        bool first = true;
        strbuf_printf(b, "eligibility %s",
                      __builtin_popcount(c->eligibilities) == 1 ? "= " : "in {");
        for (int e = 0; e < ELIG_COUNT; e++)
            if (c->eligibilities & (1u << e)) {
                strbuf_printf(b, "%s%s", first ? "" : ", ", model_eligibility_name(e));
                first = false;
            }
        if (__builtin_popcount(c->eligibilities) != 1)
            strbuf_printf(b, "}");
        return;
    }
    case COND_FINDING:
        strbuf_printf(b, "finding %s", c->ref);
        return;
    default:
        return;
    }
}

struct print_arg {
    FILE *out;
};

#define PRINT_WIDTH 79 /* a table that fits a terminal and a printed page */

/* Where to break text that must fit in `room` columns: after the last "; " that fits (one
 * answer per line piece) unless that wastes half the line, else after the last space that
 * fits, else after the first space; 0 when there is no space at all. */
static size_t break_at(const char *text, size_t len, size_t room)
{
    size_t semicolon = 0, space = 0, first = 0;
    for (size_t i = 1; i < len; i++) {
        if (text[i - 1] != ' ')
            continue;
        if (!first)
            first = i;
        if (i > room)
            break;
        space = i;
        if (i >= 2 && text[i - 2] == ';')
            semicolon = i;
    }
    if (semicolon && 2 * semicolon >= room)
        return semicolon;
    return space ? space : first;
}

/* Prints text after `indent` columns already used, wrapped at PRINT_WIDTH; continuation
 * lines are indented by `hang` spaces. */
static void print_wrapped(FILE *out, const char *text, size_t indent, size_t hang)
{
    size_t col = indent;
    while (*text) {
        size_t len = strlen(text), cut = len;
        if (col + len > PRINT_WIDTH) {
            size_t at = break_at(text, len, PRINT_WIDTH > col ? PRINT_WIDTH - col : 0);
            if (at)
                cut = at;
        }
        size_t shown = cut;
        while (shown > 0 && text[shown - 1] == ' ')
            shown--;
        fprintf(out, "%.*s", (int)shown, text);
        text += cut;
        if (*text) {
            fprintf(out, "\n%*s", (int)hang, "");
            col = hang;
        }
    }
    fputc('\n', out);
}

static void print_alternative(const char *alt, void *arg)
{
    FILE *out = ((struct print_arg *)arg)->out;
    fprintf(out, "  - ");
    print_wrapped(out, *alt ? alt : "(whatever the answers)", 4, 4);
}

static void print_outcome_title(const struct paths *p, const struct paths_outcome *o, FILE *out)
{
    switch (o->end) {
    case PATHS_END_ROLE:
        fprintf(out, "eligibility %s, role %s", model_eligibility_name(o->eligibility),
                model_role_name(o->role));
        break;
    case PATHS_END_NO_ROLE:
        fprintf(out, "eligibility %s, NO ROLE (no role row matches)",
                model_eligibility_name(o->eligibility));
        break;
    case PATHS_END_DEAD_END:
        fprintf(out, "DEAD END: question %s offers none of its options",
                p->q->questions[o->question].id);
        break;
    }
}

/* The answers that raise a finding directly: (question, option set), per finding. */
struct raised_by {
    size_t question;
    uint64_t options;
};

/* Every `raises` of the questionnaire, bucketed by finding in question order (a bucket sort,
 * so linear): finding f's are by[first[f] .. first[f + 1]]. */
static struct raised_by *raises_by_finding(const struct questionnaire *q, size_t **first)
{
    size_t n = 0;
    *first = xcalloc(q->n_findings + 2, sizeof **first);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++)
            if (q->questions[i].raises[r].finding_index >= 0 &&
                q->questions[i].raises[r].value_index >= 0) {
                (*first)[q->questions[i].raises[r].finding_index + 2]++;
                n++;
            }
    for (size_t f = 2; f < q->n_findings + 2; f++)
        (*first)[f] += (*first)[f - 1];
    struct raised_by *by = xcalloc(n + 1, sizeof *by);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++) {
            const struct raise *ra = &q->questions[i].raises[r];
            if (ra->finding_index < 0 || ra->value_index < 0)
                continue;
            by[(*first)[ra->finding_index + 1]++] =
                (struct raised_by){i, UINT64_C(1) << ra->value_index};
        }
    return by;
}

static void print_findings(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    size_t *first;
    struct raised_by *by = raises_by_finding(q, &first);
    fprintf(out, "\nFindings\n");
    if (q->n_findings == 0)
        fprintf(out, "  (none)\n");
    for (size_t f = 0; f < q->n_findings; f++) {
        const struct finding *fd = &q->findings[f];
        fprintf(out, "  %s: %s, verdict %s\n", fd->id, model_severity_name(fd->severity),
                model_eligibility_name(fd->verdict));
        if (fd->when) {
            struct strbuf b = STRBUF_INIT;
            cond_text(&b, q, fd->when, false);
            fprintf(out, "    when ");
            print_wrapped(out, b.data, 9, 6);
            free(b.data);
        }
        for (size_t k = first[f]; k < first[f + 1];) {
            const struct question *qn = &q->questions[by[k].question];
            uint64_t mask = 0;
            for (size_t i = by[k].question; k < first[f + 1] && by[k].question == i; k++)
                mask |= by[k].options;
            bool one = __builtin_popcountll(mask) == 1;
            struct strbuf b = STRBUF_INIT;
            if (qn->type == QTYPE_MULTI)
                strbuf_printf(&b, "%s includes %s", qn->id, one ? "" : "any of ");
            else
                strbuf_printf(&b, "%s %s", qn->id, one ? "= " : "in ");
            if (one)
                strbuf_printf(&b, "%s", model_option_value(qn, (size_t)__builtin_ctzll(mask)));
            else
                sb_values(&b, qn, mask);
            fprintf(out, "    raised by the answer ");
            print_wrapped(out, b.data, 25, 6);
            free(b.data);
        }
        if (!fd->when && first[f] == first[f + 1])
            fprintf(out, "    never raised\n");
    }
    free(by);
    free(first);
}

static void print_questions(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    fprintf(out, "\nQuestions\n");
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct question *qn = &q->questions[i];
        const struct cond *sw = q->sections[qn->section].when;
        fprintf(out, "  %s (%s): ", qn->id, model_qtype_name(qn->type));
        if (p->complete && !p->question_reached[i]) {
            fprintf(out, "NEVER asked\n");
        } else if (!sw && !qn->when) {
            fprintf(out, "always asked\n");
        } else {
            struct strbuf b = STRBUF_INIT;
            if (sw)
                cond_text(&b, q, sw, qn->when != NULL);
            if (sw && qn->when)
                strbuf_printf(&b, " and ");
            if (qn->when)
                cond_text(&b, q, qn->when, sw != NULL);
            fprintf(out, "asked when ");
            print_wrapped(out, b.data,
                          2 + strlen(qn->id) + 2 + strlen(model_qtype_name(qn->type)) + 3 +
                              strlen("asked when "),
                          6);
            free(b.data);
        }
        for (size_t o = 0; o < qn->n_options; o++) {
            if (!qn->options[o].when)
                continue;
            struct strbuf b = STRBUF_INIT;
            cond_text(&b, q, qn->options[o].when, false);
            fprintf(out, "    option %s offered when ", qn->options[o].value);
            print_wrapped(out, b.data, 4 + strlen(qn->options[o].value) + 21, 6);
            free(b.data);
        }
    }
}

void paths_print(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    fprintf(out, "Decision table of questionnaire ");
    print_safe(out, q->id ? q->id : "");
    fprintf(out, " version ");
    print_safe(out, q->version ? q->version : "");
    fprintf(out, ": %zu outcome%s from %zu state%s\n", p->n_outcomes, p->n_outcomes == 1 ? "" : "s",
            p->n_nodes, p->n_nodes == 1 ? "" : "s");
    if (!p->complete)
        fprintf(out, "Note: %s\n", p->stop_reason);
    for (size_t i = 0; i < p->n_outcomes; i++) {
        fprintf(out, "\n%zu. ", i + 1);
        print_outcome_title(p, &p->outcomes[i], out);
        fprintf(out, ", when any of these:\n");
        struct print_arg a = {out};
        double total =
            outcome_alternatives(p, (uint32_t)i, PRINT_ALTERNATIVES, print_alternative, &a);
        if (total > PRINT_ALTERNATIVES)
            fprintf(out, "  ... and %.0f more\n", total - PRINT_ALTERNATIVES);
    }
    print_findings(p, out);
    print_questions(p, out);
}
