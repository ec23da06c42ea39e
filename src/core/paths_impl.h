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
#include "arena.h"
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

/* One class of answers to a question; what a question type does not use is left zero. But
 * while coverage streams, every class of every question is held at once, so it is kept
 * small: the fields of each question type share their room. Arrays come from paths_alloc. */
struct qclass {
    struct answer rep; /* a representative answer (rep.given false: unanswered) */
    union {
        uint64_t options; /* yes/no, choice: the options in the class */
        uint64_t truth;   /* multi: which atoms hold */
        long long lo;     /* number: the interval [lo, hi] */
    };
    union {
        uint64_t *members; /* multi: the answer sets in the class (restricted to tested options) */
        long long hi;
    };
    uint32_t *raises; /* findings this class raises */
    uint32_t n_raises;
    uint32_t n_members;
    bool reached; /* false only for CLASS_NOT_REACHED */
};

struct stage {
    long until;
    uint32_t *proj;
};

struct qinfo {
    struct qclass *classes; /* paths_alloc */
    uint32_t n_classes;
    uint32_t n_atoms;
    struct atom *atoms; /* multi; from paths_alloc once the classes are built */
    uint64_t tested;    /* multi: options some atom tests */
    bool has_untested;  /* multi: some option no atom tests */
    bool option_whens;  /* some option has a `when` */
    uint32_t n_members; /* multi: answer sets over all classes */
    long need;          /* last level whose states carry this question's class; -1: none */
    /* What the states keep of the answer, level by level: stages[k].proj maps a class to the
     * first class that no condition evaluated at a level in (stages[k - 1].until, ...] or
     * later tells apart from it, for states at levels up to stages[k].until. */
    struct stage *stages; /* paths_alloc */
    uint32_t n_stages;
    uint32_t cursor;            /* the stage of the level being explored (levels only grow) */
    struct paths_chunk *chunks; /* its classes' and stages' own store while the analysis
                                   streams (paths_alloc); NULL otherwise */
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

/* What an analysis keeps and proves (paths_analyse, paths_check, paths_cover). */
enum paths_mode { PATHS_EXACT, PATHS_MERGED, PATHS_COVER };

struct paths {
    const struct questionnaire *q;
    struct arena *arena;       /* what the questions' classes and stages hold (paths_alloc) */
    struct paths_chunk *spare; /* streaming: chunks given back, for the next questions */
    struct class_builder *class_builder; /* while classes are built (paths_classes.c) */
    struct stage_builder *stage_builder; /* while stages are built (paths_plan.c) */
    enum paths_mode mode;
    bool graph;      /* the state graph (edges) is kept: every mode but PATHS_COVER */
    bool role_reads; /* the states keep what the role rules read; false when some role rule
                        holds whatever the answers and only coverage is asked (PATHS_COVER) */
    bool streams;    /* each question's classes and stages are built when its level comes and
                        freed once no state keeps it (PATHS_COVER: nothing reads them after) */
    struct qinfo *qinfo;
    struct finfo *finfo;
    size_t *forder;       /* findings in dependency order */
    size_t *bucket_first; /* findings decided at level b - 1: forder[bucket_first[b] ..] */
    size_t *by_first;     /* findings by the question after which they can first be raised: */
    size_t *first_first;  /* those of question b - 1 are by_first[first_first[b] ..] */
    long *section_last;   /* the last question of each section; -1: it has none */

    /* The verdict states keep: itself, or with merged verdicts (paths_check) the most severe
     * verdict that no role rule, now or after any finding, tells apart from it. */
    uint8_t verdict_map[ELIG_COUNT];

    bool complete;
    char *stop_reason;
    bool *question_reached;

    /* Scratch answers for evaluating conditions (q->n_questions entries each), shared by the
     * stages and the states: every entry is unset again after each use. Only during
     * paths_run. */
    struct answer *scratch_answers;
    bool *scratch_reached;

    /* The state graph: nodes numbered level by level; node i's edges are
     * edges[edge_first[i] .. edge_first[i + 1]]. */
    size_t n_nodes;
    size_t *level_first; /* level b is nodes [level_first[b], level_first[b + 1]) */
    size_t *edge_first;
    size_t n_edge_first_cap;
    struct edge *edges; /* NULL without the graph; n_edges still counts them */
    size_t n_edges, cap_edges;

    struct paths_outcome *outcomes;
    size_t n_outcomes;
};

/* How answers and conditions are spoken: in the questionnaire's words in language `lang`
 * (the decision table), or in ids and option values (validator messages; words false). */
struct speech {
    const struct questionnaire *q;
    size_t lang;
    bool words;
};

/* ---- paths.c ---- */

typedef void leaf_fn(struct paths *p, const struct cond *leaf, void *arg);

/* Calls fn on every leaf of c (NULL: none). */
void paths_cond_leaves(struct paths *p, const struct cond *c, leaf_fn *fn, void *arg);

/* Whether leaf c tests a question's answer (in, includes, compare, answered). */
bool paths_is_question_leaf(const struct cond *c);

/* FNV-1a over a key of 32-bit words, for the hash tables of states and reduced nodes. */
uint64_t paths_key_hash(const uint32_t *k, size_t len);

/* size bytes for question qi's classes or stages (aligned for any type, uninitialized): in
 * the analysis' arena, or while it streams in the question's own chunks, given back by
 * paths_release. */
void *paths_alloc(struct paths *p, size_t qi, size_t size);

/* Streaming: frees question qi's classes and stages once no state keeps its class. */
void paths_release(struct paths *p, size_t qi);

/* ---- paths_classes.c ---- */

/* Gives every question its answer classes (step 1), in steps: begin sets up, gather records
 * what each leaf of the conditions tests (every leaf, before any question is built),
 * paths_classes_of builds question qi's classes (questions in order; on a question whose
 * answers cannot be enumerated it sets p->complete false with a stop_reason, and after that
 * gives a "not reached" class only), end frees what begin kept. */
void paths_classes_begin(struct paths *p);
void paths_classes_gather(struct paths *p, const struct cond *leaf);
void paths_classes_of(struct paths *p, size_t qi);
void paths_classes_end(struct paths *p);

/* ---- paths_plan.c ---- */

/* The findings' order and decision points (p->finfo[].dp, first), and each section's last
 * question. Then paths_plan_need, on every leaf of the conditions with the level it is
 * evaluated at, makes when each question and finding is last needed (p->qinfo[].need,
 * p->finfo[].need). */
void paths_plan(struct paths *p);
void paths_plan_need(struct paths *p, const struct cond *leaf, long at);

/* The stages of every question, what later conditions can still tell apart, in steps:
 * begin sets up (after paths_plan), late records each leaf of the conditions with the level
 * it is evaluated at (every leaf, before any stage is built), paths_stages_of builds question
 * qi's stages (once its classes are built), end frees what begin kept. */
void paths_project_begin(struct paths *p);
void paths_project_late(struct paths *p, const struct cond *leaf, long at);
void paths_stages_of(struct paths *p, size_t qi);
void paths_project_end(struct paths *p);

/* What question info's states keep at level b: the class kept for each class (levels only
 * grow from call to call). */
const uint32_t *paths_stage_at(struct qinfo *info, long b);

/* ---- paths_explore.c ---- */

/* Builds the state graph level by level within `budget` states (step 2 and 3), and the
 * outcomes in print order. */
void paths_explore(struct paths *p, size_t budget);

/* ---- paths_reduce.c ---- */

/* Builds the reduced diagram of "leads to outcome o" (step 4). Free with paths_rdiag_free. */
void paths_reduce(const struct paths *p, uint32_t o, struct rdiag *d);
void paths_rdiag_free(struct rdiag *d);

/* Calls emit for up to `limit` alternatives leading to outcome o, each as "a; b; c" spoken as
 * s says (in words one answer a line; "" when no answer matters); returns how many
 * alternatives there are in all. */
double paths_alternatives(const struct paths *p, const struct speech *s, uint32_t o, size_t limit,
                          void (*emit)(const char *alt, void *arg), void *arg);

/* ---- paths_proof.c ---- */

/* For every outcome, the number of paths through the state graph that end there: distinct
 * combinations of answer classes (answers that no rule tells apart count once). A double:
 * it may be astronomically large. n_outcomes entries; the caller frees them. */
double *paths_count_outcomes(const struct paths *p);

/* The index of the reference outcome: the first role outcome of the least severe
 * eligibility (the healthiest patient); p->n_outcomes when there is no role outcome. */
size_t paths_reference_outcome(const struct paths *p);

/* One path to outcome o: cls[b] the class of question b (CLASS_NOT_REACHED where the path
 * does not ask it), the fewest answers different from `like` (n_questions classes), or
 * with like NULL the fewest findings raised. False when no explored path ends in o. */
bool paths_example_path(const struct paths *p, uint32_t o, const uint32_t *like, uint32_t *cls);

/* The answer an example gives for class c of question qi: its representative, a number
 * taken where it reads best. */
struct answer paths_example_answer(const struct paths *p, size_t qi, uint32_t c);

/* The concrete answers of the path cls (paths_example_path): for each question, asked and
 * the answer given, an option the path offers. Text answers point into p. */
void paths_example_answers(const struct paths *p, const uint32_t *cls, struct answer *answers,
                           bool *asked);

/* ---- paths_words.c ---- */

/* The fixed words of the decision table: each a label key of the questionnaire, with its
 * English default and, for conditions, the spelling of validator messages (ids). */
enum paths_word {
    PW_AND,
    PW_OR,
    PW_NOT,
    PW_IN,
    PW_INCLUDES,
    PW_NOT_INCLUDES,
    PW_ANY_OF,
    PW_NONE_OF,
    PW_ALL_OF,
    PW_NOT_ALL_OF,
    PW_ANSWERED,
    PW_UNANSWERED,
    PW_NOT_ASKED,
    PW_TO,
    PW_ALWAYS,
    PW_NEVER,
    PW_VERDICT,
    PW_FINDING,
    PW_ANY_TEXT,
    PW_WHATEVER,
    PW_TITLE,
    PW_QUESTIONNAIRE,
    PW_VERSION,
    PW_SHA256,
    PW_DATE,
    PW_LANGUAGE,
    PW_INTRO,
    PW_FINDINGS,
    PW_PRECEDENCE,
    PW_NO_VERDICT,
    PW_ROLES,
    PW_OTHERWISE,
    PW_RECOMMENDATIONS,
    PW_PROOF,
    PW_PROVEN,
    PW_NOT_PROVEN,
    PW_NO_ROLE,
    PW_DEAD_END,
    PW_NEVER_ASKED,
    PW_WAYS,
    PW_BY_VERDICT,
    PW_BY_ROLE,
    PW_TOTAL,
    PW_EXAMPLES,
    PW_REFERENCE,
    PW_AS_REFERENCE,
    PW_IS_REFERENCE,
    PW_NONE,
    PW_MORE,
    PW_RAISES,
    PW_SIGNOFF,
    PW_SIGNOFF_TEXT,
    PW_NAME,
    PW_ROLE_TITLE,
    PW_SIGNATURE,
    PW_SIGNATURE_DATE,
    PW_FULL,
    PW_COUNT
};

/* The word w as s speaks it: the questionnaire's label in s->lang, else the English default
 * (words), or the validator's spelling (ids; "" for words conditions never use). */
const char *paths_word(const struct speech *s, enum paths_word w);

/* A verdict, role or severity as s speaks it: the report's words (its `verdict_...`,
 * `role_...` labels, the interface's `ui_severity_...`), or the stable word (ids). */
const char *paths_verdict(const struct speech *s, enum eligibility e);
const char *paths_role(const struct speech *s, enum role r);
const char *paths_severity(const struct speech *s, enum severity sev);

/* The first sentence of text (up to the first ". "), without its full stop. Caller frees. */
char *paths_first_sentence(const char *text);

/* Appends condition c as s speaks it: "How old are you? < 18 and not (...)". */
void paths_say_cond(struct strbuf *b, const struct speech *s, const struct cond *c, bool nested);

/* Appends question qi; the answers of mask after it: " = A or B", " includes A". */
void paths_say_question(struct strbuf *b, const struct speech *s, size_t qi);
void paths_say_answers(struct strbuf *b, const struct speech *s, size_t qi, uint64_t mask);

/* Appends answer a to question qi (given false: left unanswered), as an example patient
 * gives it: "question = answer". */
void paths_say_example(struct strbuf *b, const struct speech *s, size_t qi, const struct answer *a);

/* Appends the answers of `cls` (n classes of question qi), as s speaks them. */
void paths_label_classes(struct strbuf *b, const struct paths *p, const struct speech *s, size_t qi,
                         const uint32_t *cls, size_t n);

#endif
