/* model.h - the questionnaire as the engine sees it, independent of YAML.
 * The loader builds it, the validator resolves and checks it, the walk and rules read it. */
#ifndef MESOSCREEN_MODEL_H
#define MESOSCREEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* Bounds the loader and validator enforce, so the rest of the engine can rely on them. */
#define MODEL_MAX_OPTIONS   64 /* options of one choice question: multi answers are a uint64_t */
#define MODEL_MAX_LANGUAGES 16
/* Characters (code points) a text answer holds: `max_length`'s default, and its largest
 * value. Every interface refuses more, so every journal written stays readable. */
#define MODEL_TEXT_MAX_LENGTH       4000
#define MODEL_TEXT_MAX_LENGTH_LIMIT 10000
/* Counts and indexes inside the model's nodes are 32-bit: a file the loader takes (at most
 * LOADER_MAX_BYTES, 64 MiB) cannot hold 2^32 of anything. */

/* A place in a source file, 1-based. line == 0 means "no place" (built in C). */
struct src_loc {
    uint32_t line;
    uint32_t col;
};

/* A text in every language of the questionnaire: by_lang (questionnaire.n_languages slots,
 * or NULL for an absent text) holds at [i] the text in questionnaire.languages[i], or NULL
 * where no translation was given. by_lang[0] (the first language) is never NULL for a text
 * that exists. Readers index it below n_languages only. Owned by the model. */
struct text {
    char **by_lang;
    struct src_loc loc;
};

/* An option value as written in the file (one a `default` names), with its place. */
struct value_ref {
    char *value;
    struct src_loc loc;
};

enum question_type {
    QTYPE_YESNO,  /* yes | no | unknown: options are implicit, indexes YESNO_* */
    QTYPE_CHOICE, /* one option */
    QTYPE_MULTI,  /* a non-empty set of options; an option marked exclusive stands alone */
    QTYPE_NUMBER, /* a whole number within [min, max] */
    QTYPE_TEXT,   /* free text */
    QTYPE_COUNT
};

/* Option indexes of a yes/no question. */
enum { YESNO_YES = 0, YESNO_NO = 1, YESNO_UNKNOWN = 2, YESNO_COUNT = 3 };

/* Severity of a finding, most severe first (the order of the enum is the order of the report). */
enum severity { SEV_ABSOLUTE, SEV_TEMPORARY, SEV_PRECAUTION, SEV_INFO, SEV_COUNT };

/* Eligibility verdict, most severe first: the verdict is the minimum over all that apply. */
enum eligibility {
    ELIG_NOT_ELIGIBLE,
    ELIG_DEFERRED,
    ELIG_REFER_FOR_DIAGNOSIS,
    ELIG_ELIGIBLE_WITH_PRECAUTIONS,
    ELIG_ELIGIBLE,
    ELIG_COUNT
};

enum role { ROLE_SINGLE, ROLE_ADJUVANT, ROLE_UNDETERMINED, ROLE_NONE, ROLE_COUNT };

enum cond_kind {
    COND_ALL, /* every item true (true when empty) */
    COND_ANY, /* at least one item true */
    COND_NOT, /* item[0] false */
    COND_IN,  /* question's answer is one of values (multi: any selected value is one of them) */
    COND_INCLUDES,    /* multi: every one of values is selected */
    COND_COMPARE,     /* number answer <op> number */
    COND_ANSWERED,    /* question was reached and answered (text: non-empty) == flag */
    COND_ELIGIBILITY, /* the computed eligibility is one of eligibilities (role and recommendation
                         rules only) */
    COND_FINDING,     /* finding `ref` was raised (findings, role and recommendation rules) */
    COND_KIND_COUNT
};

enum compare_op { CMP_BELOW, CMP_AT_MOST, CMP_ABOVE, CMP_AT_LEAST, CMP_EQUAL, CMP_COUNT };

/* An option value a condition names: as written, where, and the option's index once the
 * validator resolves it (-1 until then). */
struct cond_value {
    char *value;
    struct src_loc loc;
    int index;
};

/* A condition tree. Leaves name what they test (`ref`, `values`) as written; the
 * validator resolves the names into indexes (ref_index, values[].index). A leaf on a
 * question that was not reached is false (so `not` of it is true). */
struct cond {
    enum cond_kind kind;
    struct src_loc loc;

    /* COND_ALL, COND_ANY, COND_NOT */
    uint32_t n_items;
    struct cond **items;

    /* COND_IN, COND_INCLUDES, COND_COMPARE, COND_ANSWERED: question id; COND_FINDING: finding id */
    char *ref;
    struct src_loc ref_loc;
    int ref_index; /* question or finding index; -1 until resolved */

    /* COND_IN, COND_INCLUDES: option values as written, each with its resolved index */
    uint32_t n_values;
    struct cond_value *values;

    /* COND_COMPARE */
    enum compare_op op;
    long long number;

    /* COND_ANSWERED */
    bool flag;

    /* COND_ELIGIBILITY: a bitmask of (1u << enum eligibility) */
    unsigned eligibilities;
};

struct qoption {
    char *value; /* the stable id, e.g. "anticoagulant" */
    struct src_loc loc;
    struct text text;
    struct text help;  /* by_lang NULL when absent */
    bool exclusive;    /* multi only: stands alone (e.g. "none") */
    char *key;         /* the key that picks it on screen (one of 0-9 a-p r-z), e.g. "v" for a
                          scale's "3 vertex"; NULL = numbered by position */
    struct cond *when; /* offered only when true on earlier answers (e.g. a staging scale by sex);
                          NULL = always */
};

/* What an answer raises directly: `raises: {VALUE: FINDING, ...}` on a question. */
struct raise {
    char *value; /* option value */
    struct src_loc loc;
    char *finding; /* finding id */
    struct src_loc finding_loc;
    int value_index;   /* resolved by the validator */
    int finding_index; /* resolved by the validator */
};

struct question {
    char *id;
    struct src_loc loc;
    enum question_type type;
    uint32_t section; /* index into questionnaire.sections */
    struct text text;
    struct text help; /* by_lang NULL when absent */
    struct cond
        *when;     /* ask only if true; NULL = always (section's `when` is and-ed in by the walk) */
    bool required; /* default true, except QTYPE_TEXT (default false) */

    uint32_t n_options;
    struct qoption
        *options; /* QTYPE_CHOICE, QTYPE_MULTI; QTYPE_YESNO gets yes/no/unknown built in */

    long long min, max;   /* QTYPE_NUMBER */
    long long max_length; /* QTYPE_TEXT: most characters an answer holds; 0: no bound */
    struct text unit;     /* QTYPE_NUMBER; by_lang NULL when absent */

    struct raise *raises;
    uint32_t n_raises;

    /* `default:` what a reached question left unanswered counts as, for every rule and
     * `when` (yesno, choice: one value; multi: a set). A question with a default is
     * optional. As written (n_defaults == 0: none), resolved by the validator into
     * default_mask (one bit per option index, as in a multi answer; 0 until resolved). */
    uint32_t n_defaults;
    struct value_ref *defaults;
    struct src_loc default_loc; /* of the `default` key */
    uint64_t default_mask;
};

struct section {
    char *id;
    struct src_loc loc;
    struct text title;
    struct cond *when;                    /* NULL = always */
    uint32_t first_question, n_questions; /* a run of questionnaire.questions */
};

struct finding {
    char *id;
    struct src_loc loc;
    enum severity severity;
    /* The eligibility this finding imposes: from the severity (absolute -> not_eligible,
     * temporary -> deferred, precaution -> eligible_with_precautions, info -> eligible),
     * unless the questionnaire gives `verdict:` (e.g. refer_for_diagnosis). */
    enum eligibility verdict;
    struct text text;
    struct cond *when; /* raised when true; NULL when only raised by questions' `raises` */
};

struct role_rule {
    enum role role;
    struct src_loc loc;
    struct cond *when; /* NULL = always (a final catch-all row) */
};

enum recommendation_kind {
    REC_NEXT_STEP,
    REC_COURSE,
    REC_FOLLOW_UP,
    REC_AFTERCARE,
    REC_KIND_COUNT
};

struct recommendation {
    char *id;
    struct src_loc loc;
    enum recommendation_kind kind;
    struct text text;
    struct cond *when; /* NULL = always */
};

struct questionnaire {
    char *file;   /* path as given to the loader (for diagnostics) */
    char *source; /* the exact bytes loaded, NUL-terminated (for the SHA-256 and show-default) */
    size_t source_len;

    char *id;
    char *version;
    char *url; /* `url`: the canonical URL of its FHIR Questionnaire; NULL when not given */
    struct src_loc url_loc;
    struct text title;
    char *languages[MODEL_MAX_LANGUAGES]; /* e.g. "en", "es"; languages[0] is the default */
    size_t n_languages;
    struct text disclaimer; /* by_lang NULL when absent */

    struct section *sections;
    size_t n_sections;
    struct question *questions; /* all questions, in asking order, section by section */
    size_t n_questions;
    struct finding *findings;
    size_t n_findings;
    struct role_rule *role_rules; /* tried in order; the first that matches decides */
    size_t n_role_rules;
    struct recommendation *recommendations;
    size_t n_recommendations;

    /* Report labels a translation may override, by key (e.g. "verdict", "role"); optional. */
    struct label {
        char *key;
        struct text text;
    } * labels;
    size_t n_labels;

    bool resolved; /* set by validator_check once every reference is resolved */

    /* The hex SHA-256 of source when computed ahead (the built-in, at build time); NULL:
     * digest source when needed. Not part of the model's value (model_dump.h). */
    const char *source_sha256;
    /* How the model is held. A loaded model keeps every node and string in `arena` (and only
     * `source` and the questionnaire itself outside it); a model built in C (tests) has none,
     * each piece malloc'ed; a compiled one is static data (builtin.h) that model_free leaves
     * alone. Not part of the model's value (model_dump.h). */
    struct arena *arena;
    bool compiled;
};

/* Every field of these structures is printed by model_dump (model_dump.c) and written by the
 * generator of the compiled built-in questionnaire (tools/builtin_gen.c): add a new field to
 * both, or the build (a size check) and the built-in's equality test fail. */

/* Frees a questionnaire and everything it owns (its arena, or each piece). NULL and a compiled
 * one are no-ops. */
void model_free(struct questionnaire *q);

/* Frees q's source bytes, for a caller that needs neither its digest nor its text once it is
 * loaded (`check`): a big questionnaire's bytes are as large as its file. Afterwards
 * q->source is NULL and q->source_len 0, so a digest of q would be that of nothing: call it
 * only where none is taken. A compiled questionnaire is left alone. */
void model_drop_source(struct questionnaire *q);

/* Frees a condition tree and everything it owns (for conditions built outside a loaded
 * questionnaire, such as in tests). NULL is a no-op. */
void model_cond_free(struct cond *c);

/* The text in language `lang` (an index into q->languages: below q->n_languages, the size of
 * t->by_lang), falling back to the first language; "" for an absent text. Never NULL; owned
 * by the model. */
const char *model_text(const struct text *t, size_t lang);

/* The questionnaire's label `key` (its `labels:` map) in language `lang`, falling back to
 * the label's first language; `fallback` when q defines no label of that key. Owned by
 * the model (or the caller's fallback). */
const char *model_label(const struct questionnaire *q, const char *key, size_t lang,
                        const char *fallback);

/* Index of the question / option with this id, or -1. */
int model_find_question(const struct questionnaire *q, const char *id);
int model_find_option(const struct question *qn, const char *value);

/* The option value of index i < model_option_count(qn) ("yes", "no", "unknown" for
 * QTYPE_YESNO): static or owned by the model. */
const char *model_option_value(const struct question *qn, size_t i);
/* Number of options (3 for QTYPE_YESNO, 0 for number and text). */
size_t model_option_count(const struct question *qn);

/* The stable words of the product contract (product.md section 4), and back. The _name
 * functions take a value below the enum's _COUNT and return a static string; the _parse
 * functions return -1 for an unknown word. */
const char *model_severity_name(enum severity s);
const char *model_eligibility_name(enum eligibility e);
const char *model_role_name(enum role r);
const char *model_qtype_name(enum question_type t);
const char *model_recommendation_kind_name(enum recommendation_kind k);
int model_severity_parse(const char *s);
int model_eligibility_parse(const char *s);
int model_role_parse(const char *s);
int model_qtype_parse(const char *s);
int model_recommendation_kind_parse(const char *s);

/* The default verdict of a severity (absolute -> not_eligible, ...). */
enum eligibility model_severity_verdict(enum severity s);

#endif
