/* paths_classes.c - step 1 of the path analysis: the answer classes of each question, the
 * answers no condition can tell apart (see paths.c for the algorithm). */
#include "paths_impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "xalloc.h"

/* The tests on the questions, gathered from every condition before classes are built: in
 * the order found, then (tests_index) by question, question i's being
 * masks[mask_first[i] .. mask_first[i + 1]] and the same for cuts. One list for all the
 * questions, not one each: at 100,000 questions each small list cost more in malloc's
 * headers than in tests. */
struct mask_test {
    size_t qi;
    uint64_t mask; /* yes/no, choice: a tested option set */
};

struct cut_test {
    size_t qi;
    long long cut; /* number: an interval start */
};

struct tests {
    struct mask_test *found_masks;
    size_t n_found_masks, cap_found_masks;
    struct cut_test *found_cuts;
    size_t n_found_cuts, cap_found_cuts;
    bool indexed;
    uint64_t *masks;
    size_t *mask_first;
    long long *cuts;
    size_t *cut_first;
};

/* The classes of the question being built grow in a scratch array (the questions' final
 * arrays are in the arena, sized once). */
struct class_scratch {
    struct qclass *v;
    size_t cap;
};

/* What building the classes question by question keeps between questions. */
struct class_builder {
    struct tests t;
    struct class_scratch sc;
    size_t total; /* classes of the questions built so far */
    size_t next;  /* the next question to build */
};

static void push_mask(struct tests *t, size_t qi, uint64_t mask)
{
    if (t->n_found_masks == t->cap_found_masks) {
        t->cap_found_masks = t->cap_found_masks ? 2 * t->cap_found_masks : 64;
        t->found_masks = xreallocarray(t->found_masks, t->cap_found_masks, sizeof *t->found_masks);
    }
    t->found_masks[t->n_found_masks++] = (struct mask_test){qi, mask};
}

static void push_cut(struct tests *t, size_t qi, long long cut)
{
    if (t->n_found_cuts == t->cap_found_cuts) {
        t->cap_found_cuts = t->cap_found_cuts ? 2 * t->cap_found_cuts : 64;
        t->found_cuts = xreallocarray(t->found_cuts, t->cap_found_cuts, sizeof *t->found_cuts);
    }
    t->found_cuts[t->n_found_cuts++] = (struct cut_test){qi, cut};
}

/* Sorts the tests found by question (keeping their order), n questions. */
static void tests_index(struct tests *t, size_t n)
{
    t->mask_first = xcalloc(n + 2, sizeof *t->mask_first);
    t->cut_first = xcalloc(n + 2, sizeof *t->cut_first);
    for (size_t k = 0; k < t->n_found_masks; k++)
        t->mask_first[t->found_masks[k].qi + 2]++;
    for (size_t k = 0; k < t->n_found_cuts; k++)
        t->cut_first[t->found_cuts[k].qi + 2]++;
    for (size_t i = 2; i < n + 2; i++) {
        t->mask_first[i] += t->mask_first[i - 1];
        t->cut_first[i] += t->cut_first[i - 1];
    }
    t->masks = xcalloc(t->n_found_masks + 1, sizeof *t->masks);
    t->cuts = xcalloc(t->n_found_cuts + 1, sizeof *t->cuts);
    for (size_t k = 0; k < t->n_found_masks; k++)
        t->masks[t->mask_first[t->found_masks[k].qi + 1]++] = t->found_masks[k].mask;
    for (size_t k = 0; k < t->n_found_cuts; k++)
        t->cuts[t->cut_first[t->found_cuts[k].qi + 1]++] = t->found_cuts[k].cut;
    free(t->found_masks);
    free(t->found_cuts);
    t->found_masks = NULL;
    t->found_cuts = NULL;
    t->indexed = true;
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

void paths_classes_gather(struct paths *p, const struct cond *c)
{
    struct tests *t = &p->class_builder->t;
    if (!paths_is_question_leaf(c) || c->ref_index < 0)
        return;
    size_t qi = (size_t)c->ref_index;
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        if (c->kind == COND_IN)
            push_mask(t, qi, cond_value_mask(c));
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
                push_cut(t, qi, n);
            if (up && n < LLONG_MAX)
                push_cut(t, qi, n + 1);
        }
        break;
    default:
        break;
    }
}

/* ---- answer classes ---- */

/* Sets c's raises: the findings the options `picked` raise, in the order written. */
static void set_raises(struct paths *p, size_t qi, const struct question *qn, uint64_t picked,
                       struct qclass *c)
{
    c->n_raises = 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t n = 0;
        for (size_t r = 0; r < qn->n_raises; r++) {
            const struct raise *ra = &qn->raises[r];
            if (ra->value_index >= 0 && ra->finding_index >= 0 &&
                (picked & (UINT64_C(1) << ra->value_index))) {
                if (pass == 1)
                    c->raises[n] = (uint32_t)ra->finding_index;
                n++;
            }
        }
        if (pass == 0 && n == 0)
            return;
        if (pass == 0)
            c->raises = paths_alloc(p, qi, n * sizeof *c->raises);
        c->n_raises = n;
    }
}

static struct qclass *new_class(struct class_scratch *sc, struct qinfo *info)
{
    if (info->n_classes == sc->cap) {
        sc->cap = sc->cap ? 2 * sc->cap : 16;
        sc->v = xreallocarray(sc->v, sc->cap, sizeof *sc->v);
    }
    info->classes = sc->v;
    struct qclass *c = &info->classes[info->n_classes++];
    *c = (struct qclass){.reached = true};
    return c;
}

/* The options a `raises` entry of qn tells apart from the others: its value; for coverage
 * only (nothing prints the classes), every value that raises the same finding, since only
 * the findings raised matter. */
static uint64_t raise_mask(const struct paths *p, const struct question *qn, size_t r)
{
    const struct raise *ra = &qn->raises[r];
    uint64_t mask = UINT64_C(1) << ra->value_index;
    if (p->mode != PATHS_COVER || ra->finding_index < 0)
        return mask;
    for (size_t o = 0; o < qn->n_raises; o++)
        if (qn->raises[o].finding_index == ra->finding_index && qn->raises[o].value_index >= 0)
            mask |= UINT64_C(1) << qn->raises[o].value_index;
    return mask;
}

/* Yes/no and choice: refine the partition of options by every tested set. */
static void classes_single(struct paths *p, struct class_scratch *sc, size_t qi,
                           const uint64_t *masks, size_t n_masks)
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
            mask = raise_mask(p, qn, m - n_masks);
        }
        /* Split each group into its options inside and outside mask. */
        int split[2 * MODEL_MAX_OPTIONS];
        for (int g = 0; g < 2 * n_groups; g++)
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
        struct qclass *c = new_class(sc, info);
        for (size_t o = 0; o < n_opt; o++)
            if (group[o] == g)
                c->options |= UINT64_C(1) << o;
        c->rep.given = true;
        c->rep.choice = __builtin_ctzll(c->options);
        set_raises(p, qi, qn, UINT64_C(1) << c->rep.choice, c);
    }
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static void classes_number(struct paths *p, struct class_scratch *sc, size_t qi, long long *cuts,
                           size_t n_cuts)
{
    const struct question *qn = &p->q->questions[qi];
    struct qinfo *info = &p->qinfo[qi];
    long long lo = qn->min, max = qn->max < qn->min ? qn->min : qn->max;
    if (n_cuts > 0)
        qsort(cuts, n_cuts, sizeof *cuts, cmp_ll);
    for (size_t i = 0; i <= n_cuts; i++) {
        if (i < n_cuts && (cuts[i] <= lo || cuts[i] > max))
            continue;
        struct qclass *c = new_class(sc, info);
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
static bool classes_multi(struct paths *p, struct class_scratch *sc, size_t qi)
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
        struct qclass *c = new_class(sc, info);
        c->truth = m[i].truth;
        c->n_members = (uint32_t)(j - i);
        info->n_members += j - i;
        c->members = paths_alloc(p, qi, (j - i) * sizeof *c->members);
        for (size_t k = i; k < j; k++)
            c->members[k - i] = m[k].set;
        uint64_t set = m[i].set ? m[i].set : (all & ~info->tested & -(all & ~info->tested));
        c->rep.given = true;
        c->rep.selected = set;
        set_raises(p, qi, qn, set, c);
        i = j;
    }
    free(m);
    return true;
}

/* Moves the question's classes (from the scratch array) and atoms into its store. */
static void keep_classes(struct paths *p, size_t qi)
{
    struct qinfo *info = &p->qinfo[qi];
    struct qclass *classes = paths_alloc(p, qi, info->n_classes * sizeof *classes);
    memcpy(classes, info->classes, info->n_classes * sizeof *classes);
    info->classes = classes;
    if (info->n_atoms > 0) {
        struct atom *atoms = paths_alloc(p, qi, info->n_atoms * sizeof *atoms);
        memcpy(atoms, info->atoms, info->n_atoms * sizeof *atoms);
        free(info->atoms);
        info->atoms = atoms;
    }
}

void paths_classes_begin(struct paths *p)
{
    p->class_builder = xcalloc(1, sizeof *p->class_builder);
}

void paths_classes_of(struct paths *p, size_t i)
{
    const struct questionnaire *q = p->q;
    struct class_builder *cb = p->class_builder;
    struct tests *t = &cb->t;
    struct class_scratch *sc = &cb->sc;
    const struct question *qn = &q->questions[i];
    struct qinfo *info = &p->qinfo[i];
    cb->next = i + 1;
    if (!t->indexed)
        tests_index(t, q->n_questions);
    if (!p->complete) {
        /* Stopped: every question keeps its "not reached" class only. */
        new_class(sc, info)->reached = false;
        keep_classes(p, i);
        return;
    }
    for (size_t r = 0; r < qn->n_raises; r++)
        if (qn->type == QTYPE_MULTI && qn->raises[r].value_index >= 0)
            add_atom(info, ATOM_ANY, raise_mask(p, qn, r));
    for (size_t o = 0; o < qn->n_options; o++)
        if (qn->options[o].when)
            info->option_whens = true;

    struct qclass *none = new_class(sc, info);
    none->reached = false;
    if (!qn->required && qn->default_mask == 0)
        new_class(sc, info)->rep.given = false; /* unanswered (with a default: that answer) */
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        classes_single(p, sc, i, t->masks + t->mask_first[i],
                       t->mask_first[i + 1] - t->mask_first[i]);
        break;
    case QTYPE_MULTI:
        if (!classes_multi(p, sc, i) && p->complete) {
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
        classes_number(p, sc, i, t->cuts + t->cut_first[i], t->cut_first[i + 1] - t->cut_first[i]);
        break;
    case QTYPE_TEXT:
    default: {
        struct qclass *c = new_class(sc, info);
        c->rep.given = true;
        c->rep.text = (char *)"answered";
        break;
    }
    }
    keep_classes(p, i);
    cb->total += info->n_classes;
    if (cb->total > MAX_CLASSES && p->complete) {
        p->complete = false;
        p->stop_reason = xasprintf("analysis stopped: the conditions split the answers into "
                                   "more than %u classes; coverage not proven",
                                   MAX_CLASSES);
    }
}

void paths_classes_end(struct paths *p)
{
    struct class_builder *cb = p->class_builder;
    if (!cb)
        return;
    struct tests *t = &cb->t;
    for (size_t i = cb->next; i < p->q->n_questions; i++) {
        free(p->qinfo[i].atoms); /* never moved to a store */
        p->qinfo[i].atoms = NULL;
        p->qinfo[i].n_atoms = 0;
    }
    free(cb->sc.v);
    free(t->found_masks);
    free(t->found_cuts);
    free(t->masks);
    free(t->mask_first);
    free(t->cuts);
    free(t->cut_first);
    free(cb);
    p->class_builder = NULL;
}
