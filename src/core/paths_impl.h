/* paths_impl.h - what the stages of the path analysis share (private to src/core/paths*.c):
 * answer classes (paths_classes.c), the plan of what states keep (paths_plan.c), the state
 * graph (paths_explore.c), the reduced diagram per outcome (paths_reduce.c), answers and
 * conditions in words (paths_words.c) and the sign-off table (paths_table.c). paths.c holds
 * the algorithm's overview and the public API. */
#ifndef MESOSCREEN_PATHS_IMPL_H
#define MESOSCREEN_PATHS_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "model.h"
#include "paths.h"
#include "strbuf.h"

#define CLASS_NOT_REACHED 0u
#define MULTI_MAX_TESTED  16         /* options of one multi question that conditions may test */
#define DNF_MAX_VECTORS   512        /* above this, multi answer sets are listed, not simplified */
#define MAX_CLASSES       (1u << 20) /* answer classes of all questions together */
#define EDGES_PER_STATE   4          /* the budget of edges: states can fan out, memory must not */
#define WORK_PER_STATE    16         /* the budget of classes looked at, per state of the budget */
#define TERMINAL          ((uint32_t)1 << 31) /* an edge child that is an outcome index */
#define NO_NODE           UINT32_MAX

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

/* ---- paths.c ---- */

typedef void leaf_fn(struct paths *p, const struct cond *leaf, void *arg);

/* Calls fn on every leaf of c (NULL: none). */
void paths_cond_leaves(struct paths *p, const struct cond *c, leaf_fn *fn, void *arg);

/* Whether leaf c tests a question's answer (in, includes, compare, answered). */
bool paths_is_question_leaf(const struct cond *c);

/* The options a resolved `in`/`includes` leaf names, as a mask. */
uint64_t paths_leaf_mask(const struct cond *c);

/* FNV-1a over a key of 32-bit words, for the hash tables of states and reduced nodes. */
uint64_t paths_key_hash(const uint32_t *k, size_t len);

/* ---- paths_classes.c ---- */

/* Gives every question its answer classes (step 1); on a question whose answers cannot be
 * enumerated, sets p->complete false with a stop_reason. */
void paths_classes_build(struct paths *p);

/* ---- paths_plan.c ---- */

/* The findings' order and decision points, and when each question and finding is last
 * needed (p->qinfo[].need, p->finfo[]). */
void paths_plan(struct paths *p);

/* The stages of every question: what later conditions can still tell apart. */
void paths_project(struct paths *p);

/* The class question info's states keep at level b, for class c (levels only grow). */
uint32_t paths_project_at(struct qinfo *info, long b, uint32_t c);

/* ---- paths_explore.c ---- */

/* Builds the state graph level by level within `budget` states (step 2 and 3), and the
 * outcomes in print order. */
void paths_explore(struct paths *p, size_t budget);

/* ---- paths_reduce.c ---- */

/* Builds the reduced diagram of "leads to outcome o" (step 4). Free with paths_rdiag_free. */
void paths_reduce(const struct paths *p, uint32_t o, struct rdiag *d);
void paths_rdiag_free(struct rdiag *d);

/* Calls emit for up to `limit` alternatives leading to outcome o, each as "a; b; c" ("" when
 * no answer matters); returns how many alternatives there are in all. */
double paths_alternatives(const struct paths *p, uint32_t o, size_t limit,
                          void (*emit)(const char *alt, void *arg), void *arg);

/* ---- paths_words.c ---- */

/* Appends the answers of `cls` (n classes of question qi) as text to b. */
void paths_label_classes(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                         size_t n);
void paths_sb_values(struct strbuf *b, const struct question *qn, uint64_t mask);

#endif
