/* test_loader.c - the loader on in-memory YAML: every accepted construct lands in the model
 * where it should, and every rejection is reported at its exact line:col, all of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "loader.h"
#include "xalloc.h"

/* ---- helpers ---- */

/* Loads yaml that must be valid; fails the test with the diagnostics otherwise. */
static struct questionnaire *load_ok(const char *yaml)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    enum load_status st = loader_load_buffer("t.yaml", yaml, strlen(yaml), &d, &q);
    if (st != LOAD_OK || d.n != 0) {
        diags_print(&d, stderr);
        fail_msg("expected a clean load, got status %d and %zu diagnostics", st, d.n);
    }
    diags_clear(&d);
    return q;
}

/* Loads bytes that must be refused; returns the sorted diagnostics (caller clears). */
static struct diags load_bad_len(const char *yaml, size_t len)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = (struct questionnaire *)&d; /* must be reset to NULL */
    assert_int_equal(loader_load_buffer("t.yaml", yaml, len, &d, &q), LOAD_BAD_DATA);
    assert_null(q);
    assert_true(d.n_errors > 0);
    diags_sort(&d);
    return d;
}

static struct diags load_bad(const char *yaml)
{
    return load_bad_len(yaml, strlen(yaml));
}

/* "LINE:COL: MESSAGE" of diagnostic i. */
static char *diag_text(const struct diags *d, size_t i)
{
    return xasprintf("%u:%u: %s", d->items[i].line, d->items[i].col, d->items[i].message);
}

/* Asserts that yaml is refused with exactly the diagnostics listed ("L:C: message", sorted). */
static void expect_errors(const char *yaml, const char *const *want, size_t n_want)
{
    struct diags d = load_bad(yaml);
    for (size_t i = 0; i < d.n || i < n_want; i++) {
        char *got = i < d.n ? diag_text(&d, i) : xstrdup("(nothing)");
        if (i >= n_want || strcmp(got, want[i]) != 0) {
            diags_print(&d, stderr);
            fail_msg("diagnostic %zu: expected \"%s\", got \"%s\"", i, i < n_want ? want[i] : "",
                     got);
        }
        assert_int_equal(d.items[i].level, DIAG_ERROR);
        assert_string_equal(d.items[i].file, "t.yaml");
        free(got);
    }
    diags_clear(&d);
}

#define EXPECT_ERRORS(yaml, ...)                                                                   \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__};                                          \
        expect_errors(yaml, want_, sizeof want_ / sizeof want_[0]);                                \
    } while (0)

/* A valid questionnaire around one question (Q) and findings/roles tails (TAIL). */
#define HEAD                                                                                       \
    "format: mesoscreen/1\n"                                                                       \
    "id: t\n"                                                                                      \
    "version: \"1\"\n"                                                                             \
    "title: T\n"                                                                                   \
    "sections:\n"                                                                                  \
    "  - id: s\n"                                                                                  \
    "    title: S\n"                                                                               \
    "    questions:\n"
#define ROLES                                                                                      \
    "roles:\n"                                                                                     \
    "  - role: single\n"
/* Line 9 is the first line of the question list. */
#define YESNO "      - {id: q, type: yesno, text: Q}\n"

/* ---- the documented example lands in the model ---- */

static const char example[] =
    "format: mesoscreen/1\n"                                           /* 1 */
    "id: minimal-screening\n"                                          /* 2 */
    "version: \"1.0\"\n"                                               /* 3 */
    "title: Minimal screening\n"                                       /* 4 */
    "languages: [en, es]\n"                                            /* 5 */
    "disclaimer: A screening aid; the treating physician decides.\n"   /* 6 */
    "\n"                                                               /* 7 */
    "sections:\n"                                                      /* 8 */
    "  - id: patient\n"                                                /* 9 */
    "    title: Patient\n"                                             /* 10 */
    "    questions:\n"                                                 /* 11 */
    "      - id: sex\n"                                                /* 12 */
    "        type: choice\n"                                           /* 13 */
    "        text: Sex\n"                                              /* 14 */
    "        options:\n"                                               /* 15 */
    "          - {value: female, text: Female}\n"                      /* 16 */
    "          - {value: male, text: Male}\n"                          /* 17 */
    "          - {value: other, text: Other or not stated}\n"          /* 18 */
    "      - id: age\n"                                                /* 19 */
    "        type: number\n"                                           /* 20 */
    "        text: Age\n"                                              /* 21 */
    "        unit: years\n"                                            /* 22 */
    "        min: 0\n"                                                 /* 23 */
    "        max: 120\n"                                               /* 24 */
    "  - id: safety\n"                                                 /* 25 */
    "    title: Safety\n"                                              /* 26 */
    "    questions:\n"                                                 /* 27 */
    "      - id: pregnant\n"                                           /* 28 */
    "        type: yesno\n"                                            /* 29 */
    "        text:\n"                                                  /* 30 */
    "          en: Is the patient pregnant?\n"                         /* 31 */
    "          es: ¿Está embarazada la paciente?\n"                    /* 32 */
    "        help: Ask even if it seems unlikely.\n"                   /* 33 */
    "        when: {not: {question: sex, is: male}}\n"                 /* 34 */
    "        raises:\n"                                                /* 35 */
    "          yes: pregnancy\n"                                       /* 36 */
    "          unknown: pregnancy\n"                                   /* 37 */
    "      - id: scalp\n"                                              /* 38 */
    "        type: multi\n"                                            /* 39 */
    "        text: Scalp problems now\n"                               /* 40 */
    "        options:\n"                                               /* 41 */
    "          - {value: none, text: None, exclusive: true}\n"         /* 42 */
    "          - {value: infection, text: Infection}\n"                /* 43 */
    "          - {value: psoriasis, text: Psoriasis}\n"                /* 44 */
    "        raises:\n"                                                /* 45 */
    "          infection: scalp_infection\n"                           /* 46 */
    "      - id: notes\n"                                              /* 47 */
    "        type: text\n"                                             /* 48 */
    "        text: Practitioner notes\n"                               /* 49 */
    "\n"                                                               /* 50 */
    "findings:\n"                                                      /* 51 */
    "  - id: pregnancy\n"                                              /* 52 */
    "    severity: temporary\n"                                        /* 53 */
    "    text: Pregnancy, or not ruled out.\n"                         /* 54 */
    "  - id: scalp_infection\n"                                        /* 55 */
    "    severity: temporary\n"                                        /* 56 */
    "    text: Scalp infection. Treat it first.\n"                     /* 57 */
    "  - id: minor\n"                                                  /* 58 */
    "    severity: precaution\n"                                       /* 59 */
    "    text: Minor.\n"                                               /* 60 */
    "    when: {question: age, below: 18}\n"                           /* 61 */
    "  - id: psoriasis\n"                                              /* 62 */
    "    severity: precaution\n"                                       /* 63 */
    "    text: Psoriasis.\n"                                           /* 64 */
    "    when: {question: scalp, is: psoriasis}\n"                     /* 65 */
    "\n"                                                               /* 66 */
    "roles:\n"                                                         /* 67 */
    "  - role: none\n"                                                 /* 68 */
    "    when: {eligibility: not_eligible}\n"                          /* 69 */
    "  - role: single\n"                                               /* 70 */
    "\n"                                                               /* 71 */
    "recommendations:\n"                                               /* 72 */
    "  - id: treat\n"                                                  /* 73 */
    "    kind: next_step\n"                                            /* 74 */
    "    text: Proceed to treatment planning.\n"                       /* 75 */
    "    when: {eligibility: [eligible, eligible_with_precautions]}\n" /* 76 */
    "  - id: aftercare\n"                                              /* 77 */
    "    kind: aftercare\n"                                            /* 78 */
    "    text: Mild pain or inflammation can follow a session.\n";     /* 79 */

static void loc_is(struct src_loc loc, uint32_t line, uint32_t col)
{
    assert_int_equal(loc.line, line);
    assert_int_equal(loc.col, col);
}

static void test_example_document(void **state)
{
    (void)state;
    struct questionnaire *q = load_ok(example);
    assert_string_equal(q->file, "t.yaml");
    assert_int_equal(q->source_len, strlen(example));
    assert_memory_equal(q->source, example, q->source_len);
    assert_int_equal(q->source[q->source_len], '\0');
    assert_string_equal(q->id, "minimal-screening");
    assert_string_equal(q->version, "1.0");
    assert_string_equal(model_text(&q->title, 0), "Minimal screening");
    loc_is(q->title.loc, 4, 8);
    assert_int_equal(q->n_languages, 2);
    assert_string_equal(q->languages[0], "en");
    assert_string_equal(q->languages[1], "es");
    assert_string_equal(model_text(&q->disclaimer, 0),
                        "A screening aid; the treating physician decides.");
    assert_false(q->resolved);
    assert_int_equal(q->n_labels, 0);

    assert_int_equal(q->n_sections, 2);
    assert_string_equal(q->sections[0].id, "patient");
    loc_is(q->sections[0].loc, 9, 5);
    assert_int_equal(q->sections[0].first_question, 0);
    assert_int_equal(q->sections[0].n_questions, 2);
    assert_null(q->sections[0].when);
    assert_string_equal(q->sections[1].id, "safety");
    assert_int_equal(q->sections[1].first_question, 2);
    assert_int_equal(q->sections[1].n_questions, 3);
    assert_string_equal(model_text(&q->sections[1].title, 0), "Safety");

    assert_int_equal(q->n_questions, 5);
    static const char *const ids[] = {"sex", "age", "pregnant", "scalp", "notes"};
    static const enum question_type types[] = {QTYPE_CHOICE, QTYPE_NUMBER, QTYPE_YESNO, QTYPE_MULTI,
                                               QTYPE_TEXT};
    static const size_t sections[] = {0, 0, 1, 1, 1};
    static const bool required[] = {true, true, true, true, false};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(q->questions[i].id, ids[i]);
        assert_int_equal(q->questions[i].type, types[i]);
        assert_int_equal(q->questions[i].section, sections[i]);
        assert_int_equal(q->questions[i].required, required[i]);
    }

    const struct question *sex = &q->questions[0];
    loc_is(sex->loc, 12, 9);
    assert_int_equal(sex->n_options, 3);
    assert_string_equal(sex->options[2].value, "other");
    assert_string_equal(model_text(&sex->options[2].text, 0), "Other or not stated");
    loc_is(sex->options[1].loc, 17, 13);
    assert_null(sex->options[0].help.by_lang);
    assert_null(sex->options[0].when);
    assert_false(sex->options[0].exclusive);

    const struct question *age = &q->questions[1];
    assert_int_equal(age->min, 0);
    assert_int_equal(age->max, 120);
    assert_string_equal(model_text(&age->unit, 0), "years");
    assert_int_equal(age->n_options, 0);

    const struct question *pregnant = &q->questions[2];
    assert_string_equal(pregnant->text.by_lang[0], "Is the patient pregnant?");
    assert_string_equal(pregnant->text.by_lang[1], "¿Está embarazada la paciente?");
    assert_int_equal(q->n_languages, 2); /* by_lang holds these two slots, no more */
    assert_string_equal(model_text(&pregnant->help, 1), "Ask even if it seems unlikely.");
    assert_non_null(pregnant->when);
    assert_int_equal(pregnant->when->kind, COND_NOT);
    loc_is(pregnant->when->loc, 34, 15);
    assert_int_equal(pregnant->when->n_items, 1);
    const struct cond *is_male = pregnant->when->items[0];
    assert_int_equal(is_male->kind, COND_IN);
    assert_string_equal(is_male->ref, "sex");
    loc_is(is_male->ref_loc, 34, 32);
    assert_int_equal(is_male->ref_index, -1);
    assert_int_equal(is_male->n_values, 1);
    assert_string_equal(is_male->values[0].value, "male");
    loc_is(is_male->values[0].loc, 34, 41);
    assert_int_equal(is_male->values[0].index, -1);
    assert_int_equal(pregnant->n_raises, 2);
    assert_string_equal(pregnant->raises[0].value, "yes");
    assert_string_equal(pregnant->raises[0].finding, "pregnancy");
    loc_is(pregnant->raises[0].loc, 36, 11);
    loc_is(pregnant->raises[0].finding_loc, 36, 16);
    assert_int_equal(pregnant->raises[0].value_index, -1);
    assert_int_equal(pregnant->raises[0].finding_index, -1);
    assert_string_equal(pregnant->raises[1].value, "unknown");

    const struct question *scalp = &q->questions[3];
    assert_true(scalp->options[0].exclusive);
    assert_false(scalp->options[1].exclusive);
    assert_int_equal(scalp->n_raises, 1);
    assert_string_equal(scalp->raises[0].value, "infection");
    assert_string_equal(scalp->raises[0].finding, "scalp_infection");

    assert_int_equal(q->n_findings, 4);
    assert_int_equal(q->findings[0].severity, SEV_TEMPORARY);
    assert_int_equal(q->findings[0].verdict, ELIG_DEFERRED);
    assert_null(q->findings[0].when);
    assert_int_equal(q->findings[2].severity, SEV_PRECAUTION);
    assert_int_equal(q->findings[2].verdict, ELIG_ELIGIBLE_WITH_PRECAUTIONS);
    const struct cond *minor = q->findings[2].when;
    assert_int_equal(minor->kind, COND_COMPARE);
    assert_int_equal(minor->op, CMP_BELOW);
    assert_int_equal(minor->number, 18);
    assert_string_equal(minor->ref, "age");

    assert_int_equal(q->n_role_rules, 2);
    assert_int_equal(q->role_rules[0].role, ROLE_NONE);
    assert_int_equal(q->role_rules[0].when->kind, COND_ELIGIBILITY);
    assert_int_equal(q->role_rules[0].when->eligibilities, 1u << ELIG_NOT_ELIGIBLE);
    assert_int_equal(q->role_rules[1].role, ROLE_SINGLE);
    assert_null(q->role_rules[1].when);
    loc_is(q->role_rules[1].loc, 70, 5);

    assert_int_equal(q->n_recommendations, 2);
    assert_string_equal(q->recommendations[0].id, "treat");
    assert_int_equal(q->recommendations[0].kind, REC_NEXT_STEP);
    assert_int_equal(q->recommendations[0].when->eligibilities,
                     (1u << ELIG_ELIGIBLE) | (1u << ELIG_ELIGIBLE_WITH_PRECAUTIONS));
    assert_int_equal(q->recommendations[1].kind, REC_AFTERCARE);
    assert_null(q->recommendations[1].when);
    model_free(q);
}

/* ---- the rest of the format ---- */

static void test_labels_verdict_required_raises_list(void **state)
{
    (void)state;
    struct questionnaire *q =
        load_ok("format: mesoscreen/1\n"
                "id: x\n"
                "version: 2\n"
                "title: {en: Title, es: Título, pt-BR: Título}\n"
                "labels:\n"
                "  verdict: {en: Verdict, es: Veredicto}\n"
                "  role: Role\n"
                "sections:\n"
                "  - id: s\n"
                "    title: S\n"
                "    when: {finding: f}\n"
                "    questions:\n"
                "      - id: diagnosed\n"
                "        type: yesno\n"
                "        text: Diagnosed?\n"
                "        required: no\n"
                "        raises: {no: [f, g], unknown: f}\n"
                "      - id: notes\n"
                "        type: text\n"
                "        text: Notes\n"
                "        required: true\n"
                "findings:\n"
                "  - {id: f, severity: info, verdict: refer_for_diagnosis, text: F}\n"
                "  - {id: g, severity: absolute, text: G}\n"
                "roles: [{role: undetermined, when: {finding: f}}, {role: adjuvant}]\n"
                "languages: [en, es, pt-BR]\n");
    assert_string_equal(q->version, "2");
    assert_int_equal(q->n_languages, 3);
    assert_string_equal(q->title.by_lang[2], "Título");
    assert_int_equal(q->n_labels, 2);
    assert_string_equal(q->labels[0].key, "verdict");
    assert_string_equal(q->labels[0].text.by_lang[1], "Veredicto");
    assert_string_equal(q->labels[1].key, "role");
    assert_null(q->disclaimer.by_lang);
    assert_int_equal(q->sections[0].when->kind, COND_FINDING);
    assert_string_equal(q->sections[0].when->ref, "f");
    assert_false(q->questions[0].required);
    assert_true(q->questions[1].required);
    assert_int_equal(q->questions[0].n_raises, 3);
    assert_string_equal(q->questions[0].raises[0].value, "no");
    assert_string_equal(q->questions[0].raises[0].finding, "f");
    assert_string_equal(q->questions[0].raises[1].value, "no");
    assert_string_equal(q->questions[0].raises[1].finding, "g");
    assert_string_equal(q->questions[0].raises[2].value, "unknown");
    assert_int_equal(q->findings[0].verdict, ELIG_REFER_FOR_DIAGNOSIS);
    assert_int_equal(q->findings[1].verdict, ELIG_NOT_ELIGIBLE);
    assert_int_equal(q->role_rules[0].role, ROLE_UNDETERMINED);
    assert_int_equal(q->role_rules[1].role, ROLE_ADJUVANT);
    model_free(q);
}

static void test_conditions_every_form(void **state)
{
    (void)state;
    struct questionnaire *q = load_ok(
        HEAD "      - {id: n, type: number, text: N, min: -5, max: 5}\n"
             "      - id: m\n"
             "        type: multi\n"
             "        text: M\n"
             "        options:\n"
             "          - {value: a, text: A}\n"
             "          - {value: b, text: B, help: Bee, when: {question: n, at_least: -2}}\n"
             "        when:\n"
             "          all:\n"
             "            - {question: n, at_most: 3}\n"
             "            - any:\n"
             "                - {question: n, above: -1}\n"
             "                - {question: n, is: 4}\n"
             "                - {question: n, answered: false}\n"
             "            - not: {question: n, in: [1, 2]}\n"
             "findings:\n"
             "  - {id: f, severity: info, text: F, when: {question: m, includes: a}}\n"
             "  - {id: g, severity: info, text: G, when: {question: m, includes: [a, b]}}\n"
             "  - {id: h, severity: info, text: H, when: {question: m, in: b}}\n"
             "roles:\n"
             "  - role: single\n"
             "    when: {eligibility: [eligible, deferred, not_eligible]}\n"
             "  - {role: none, when: {question: m, answered: yes}}\n");
    const struct question *m = &q->questions[1];
    assert_string_equal(model_text(&m->options[1].help, 0), "Bee");
    const struct cond *ow = m->options[1].when;
    assert_int_equal(ow->kind, COND_COMPARE);
    assert_int_equal(ow->op, CMP_AT_LEAST);
    assert_int_equal(ow->number, -2);

    const struct cond *all = m->when;
    assert_int_equal(all->kind, COND_ALL);
    loc_is(all->loc, 17, 11);
    assert_int_equal(all->n_items, 3);
    assert_int_equal(all->items[0]->kind, COND_COMPARE);
    assert_int_equal(all->items[0]->op, CMP_AT_MOST);
    assert_int_equal(all->items[0]->number, 3);
    const struct cond *any = all->items[1];
    assert_int_equal(any->kind, COND_ANY);
    assert_int_equal(any->n_items, 3);
    assert_int_equal(any->items[0]->op, CMP_ABOVE);
    assert_int_equal(any->items[0]->number, -1);
    assert_int_equal(any->items[1]->kind, COND_IN);
    assert_string_equal(any->items[1]->values[0].value, "4"); /* the validator converts it */
    assert_int_equal(any->items[2]->kind, COND_ANSWERED);
    assert_false(any->items[2]->flag);
    const struct cond *not = all->items[2];
    assert_int_equal(not ->kind, COND_NOT);
    assert_int_equal(not ->items[0]->kind, COND_IN);
    assert_int_equal(not ->items[0]->n_values, 2);
    assert_string_equal(not ->items[0]->values[1].value, "2");
    loc_is(not ->items[0]->values[1].loc, 23, 42);
    assert_int_equal(not ->items[0]->values[1].index, -1);

    assert_int_equal(q->findings[0].when->kind, COND_INCLUDES);
    assert_int_equal(q->findings[0].when->n_values, 1);
    assert_int_equal(q->findings[1].when->kind, COND_INCLUDES);
    assert_int_equal(q->findings[1].when->n_values, 2);
    assert_string_equal(q->findings[1].when->values[1].value, "b");
    assert_int_equal(q->findings[2].when->kind, COND_IN);
    assert_string_equal(q->findings[2].when->values[0].value, "b");
    assert_int_equal(q->role_rules[0].when->eligibilities,
                     (1u << ELIG_ELIGIBLE) | (1u << ELIG_DEFERRED) | (1u << ELIG_NOT_ELIGIBLE));
    assert_int_equal(q->role_rules[1].when->kind, COND_ANSWERED);
    assert_true(q->role_rules[1].when->flag);
    model_free(q);
}

/* CR LF and a byte order mark are accepted and do not shift positions; tabs inside texts are
 * kept; yes/no keys and `is: yes` are the option values they look like. */
static void test_crlf_bom_tabs(void **state)
{
    (void)state;
    struct questionnaire *q =
        load_ok("\xef\xbb\xbf"
                "format: mesoscreen/1\r\nid: t\r\nversion: \"1\"\r\ntitle: \"a\\tb\tc\"\r\n"
                "sections:\r\n  - id: s\r\n    title: S\r\n    questions:\r\n"
                "      - {id: q, type: yesno, text: Q, raises: {yes: f}}\r\n"
                "      - {id: r, type: yesno, text: R, when: {question: q, is: yes}}\r\n"
                "findings: [{id: f, severity: info, text: \"multi\r\n  line\"}]\r\n" ROLES);
    assert_string_equal(model_text(&q->title, 0), "a\tb\tc");
    loc_is(q->questions[0].loc, 9, 9);
    loc_is(q->questions[0].raises[0].loc, 9, 48);
    assert_string_equal(q->questions[1].when->values[0].value, "yes");
    assert_string_equal(model_text(&q->findings[0].text, 0), "multi line");
    model_free(q);
}

/* Any UTF-8 text is kept byte for byte: continuation bytes 0x80..0x9f are not C1 controls. */
static void test_non_ascii_texts(void **state)
{
    (void)state;
    static const char *const texts[] = {"Dermatitis — “seborrhoeic” or atopic",
                                        "Größe 180 cm; Dvořák; Ærø; Š", "日本語のテキスト",
                                        "¿Está embarazada? 😀", "\u00a0no-break\u00a0space ok"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *yaml = xasprintf(HEAD "      - id: q\n        type: yesno\n        text: %s\n" ROLES,
                               texts[i]);
        struct questionnaire *q = load_ok(yaml);
        assert_string_equal(model_text(&q->questions[0].text, 0), texts[i]);
        model_free(q);
        free(yaml);
    }
}

/* ---- rejections, each at its exact place ---- */

static void test_malformed_yaml(void **state)
{
    (void)state;
    EXPECT_ERRORS("a: [b, c\n",
                  "2:1: malformed YAML: did not find expected ',' or ']' (while parsing a flow "
                  "sequence at 1:4)");
    EXPECT_ERRORS("a: b\n c: d\n",
                  "2:3: malformed YAML: mapping values are not allowed in this context");
    EXPECT_ERRORS("a: \"open\n",
                  "2:1: malformed YAML: found unexpected end of stream (while scanning a quoted "
                  "scalar at 1:4)");
    EXPECT_ERRORS("a:\n\t- b\n", "2:1: malformed YAML: found character that cannot start any "
                                 "token (while scanning for the next token at 2:1)");
}

static void test_document_shape(void **state)
{
    (void)state;
    EXPECT_ERRORS("", "1:1: the file is empty; expected a questionnaire");
    EXPECT_ERRORS("# only a comment\n", "1:1: the file is empty; expected a questionnaire");
    EXPECT_ERRORS("just words\n", "1:1: expected a mapping for the questionnaire, found 'just "
                                  "words'");
    EXPECT_ERRORS("---\n", "2:1: expected a mapping for the questionnaire, found nothing");
    EXPECT_ERRORS(HEAD YESNO ROLES "---\nid: x\n",
                  "12:1: a second YAML document; a questionnaire file holds exactly one");
    EXPECT_ERRORS("format: mesoscreen/2\n", "1:1: missing required key 'id' in questionnaire",
                  "1:1: missing required key 'version' in questionnaire",
                  "1:1: missing required key 'title' in questionnaire",
                  "1:1: missing required key 'sections' in questionnaire",
                  "1:1: missing required key 'roles' in questionnaire",
                  "1:9: unsupported format 'mesoscreen/2'; expected 'mesoscreen/1'");
}

static void test_encoding(void **state)
{
    (void)state;
    static const char nul[] = "format: mesoscreen/1\nid: a\0b\n";
    struct diags d = load_bad_len(nul, sizeof nul - 1);
    assert_int_equal(d.n, 1);
    char *t = diag_text(&d, 0);
    assert_string_equal(t, "2:6: NUL byte (is this a text file?)");
    free(t);
    diags_clear(&d);

    EXPECT_ERRORS("title: Secci\xf3n\n", "1:13: invalid UTF-8 byte 0xf3");
    EXPECT_ERRORS("a: \xc0\xaf\n", "1:4: invalid UTF-8 byte 0xc0", "1:5: invalid UTF-8 byte 0xaf");
    EXPECT_ERRORS("a: \xed\xa0\x80 surrogate\n", "1:4: invalid UTF-8 byte 0xed",
                  "1:5: invalid UTF-8 byte 0xa0", "1:6: invalid UTF-8 byte 0x80");
    EXPECT_ERRORS("a: é\xe2\x82\n", "1:5: invalid UTF-8 byte 0xe2", "1:6: invalid UTF-8 byte 0x82");
    EXPECT_ERRORS("a: ok\r\nb: \x1b[1m\n",
                  "2:4: control character U+001B (only tab and line breaks may appear)");
    EXPECT_ERRORS("a: \xc2\x9b\n",
                  "1:4: control character U+009B (only tab and line breaks may appear)");
    EXPECT_ERRORS("a: \xef\xbf\xbf\n", "1:4: character U+FFFF is not allowed");

    /* A binary file gets a few messages, not thousands. */
    char bin[200];
    memset(bin, 0xff, sizeof bin);
    d = load_bad_len(bin, sizeof bin);
    assert_int_equal(d.n, 11);
    t = diag_text(&d, 10);
    assert_string_equal(t, "1:11: too many invalid bytes; giving up (is this a text file?)");
    free(t);
    diags_clear(&d);
}

static void test_control_characters_in_texts(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - {id: q, type: yesno, text: \"red \\e[31m\"}\n" ROLES,
                  "9:41: control character U+001B in text");
    EXPECT_ERRORS(
        HEAD "      - id: q\n"
             "        type: yesno\n"
             "        text: \"\\0 \\x07 \\u0085 \\U0000007f \\r \\t \\n fine\"\n" ROLES,
        "11:16: control character U+0000 in text", "11:19: control character U+0007 in text",
        "11:24: control character U+0085 in text", "11:31: control character U+007F in text",
        "11:42: control character U+000D in text");
    /* After an escaped line break, positions continue on the next line. */
    EXPECT_ERRORS(HEAD "      - id: q\n"
                       "        type: yesno\n"
                       "        text: \"é \\\n"
                       "          then \\b\"\n" ROLES,
                  "12:16: control character U+0008 in text");
}

static void test_anchors_aliases_tags(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - &q {id: q, type: yesno, text: &t Q}\n"
                       "      - {id: r, type: yesno, text: *t}\n" ROLES
                       "recommendations: !!seq []\n",
                  "9:9: anchors are not allowed", "9:39: anchors are not allowed",
                  "10:36: aliases are not allowed", "13:18: tags are not allowed");
}

static void test_depth(void **state)
{
    (void)state;
    /* Depth 32 is fine (all the way down), 33 is not. */
    char ok[2048], bad[2048];
    snprintf(ok, sizeof ok, "%s", HEAD YESNO ROLES "labels: ");
    snprintf(bad, sizeof bad, "%s", ok);
    for (int i = 0; i < 31; i++)
        strcat(ok, "[");
    for (int i = 0; i < 31; i++)
        strcat(ok, "]");
    for (int i = 0; i < 32; i++)
        strcat(bad, "[");
    for (int i = 0; i < 32; i++)
        strcat(bad, "]");
    strcat(ok, "\n");
    strcat(bad, "\n");
    EXPECT_ERRORS(ok, "12:9: expected a mapping of label key to text, found a list");
    /* Reading stops at the first level too deep: nothing else is checked. */
    EXPECT_ERRORS(bad, "12:40: nesting deeper than 32 levels");
}

static void test_unknown_and_duplicate_keys(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - id: q\n"
                       "        type: yesno\n"
                       "        txet: Q\n"
                       "        id: r\n"
                       "        colour: red\n" ROLES,
                  "9:9: missing required key 'text' in question",
                  "11:9: unknown key 'txet' in question; did you mean 'text'?",
                  "12:9: duplicate key 'id' (first at 9:9)",
                  "13:9: unknown key 'colour' in question; expected one of: id, type, text, help, "
                  "required, when, options, min, max, unit, raises, default, max_length");
    EXPECT_ERRORS("format: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"
                  "sections:\n  - id: s\n    title: S\n    qestions: []\n" ROLES,
                  "6:5: missing required key 'questions' in section",
                  "8:5: unknown key 'qestions' in section; did you mean 'questions'?");
    EXPECT_ERRORS(HEAD YESNO ROLES "? [a]\n: b\n",
                  "12:3: a key must be a plain word, found a list");
}

/* A huge mapping's duplicates are found by sorting, not by comparing every pair. */
static void test_duplicates_in_a_big_mapping(void **state)
{
    (void)state;
    size_t size = 200 * 32 + 512;
    char *yaml = xmalloc(size);
    size_t o = (size_t)snprintf(yaml, size, "%s", HEAD YESNO ROLES "labels:\n");
    for (int i = 0; i < 200; i++)
        o += (size_t)snprintf(yaml + o, size - o, "  k%03d: L\n", i % 150);
    struct diags d = load_bad(yaml);
    assert_int_equal(d.n, 50);
    char *t = diag_text(&d, 0);
    assert_string_equal(t, "163:3: duplicate key 'k000' (first at 13:3)");
    free(t);
    t = diag_text(&d, 49);
    assert_string_equal(t, "212:3: duplicate key 'k049' (first at 62:3)");
    free(t);
    diags_clear(&d);
    free(yaml);
}

static void test_wrong_types(void **state)
{
    (void)state;
    EXPECT_ERRORS("format: mesoscreen/1\nid: [t]\nversion: {a: b}\ntitle: T\n"
                  "sections: {id: s}\nroles: single\nfindings: {}\n",
                  "2:5: expected an id, found a list", "3:10: expected a value, found a mapping",
                  "5:11: expected a list of sections, found a mapping",
                  "6:8: expected a list of role rules, found 'single'",
                  "7:11: expected a list of findings, found a mapping");
    EXPECT_ERRORS(HEAD "      - id: n\n"
                       "        type: number\n"
                       "        text: [N]\n"
                       "        min: five\n"
                       "        max: 1.5\n"
                       "        required: maybe\n"
                       "        when: yes\n" ROLES,
                  "11:15: expected a text (a string, or a mapping of language to string), found "
                  "a list",
                  "12:14: expected a whole number, found 'five'",
                  "13:14: expected a whole number, found '1.5'",
                  "14:19: expected true or false, found 'maybe'",
                  "15:15: expected a condition (a mapping such as {question: Q, is: V}), found "
                  "'yes'");
    EXPECT_ERRORS(HEAD "      - {id: q, type: choice, text: Q, options: {value: a}}\n" ROLES,
                  "9:49: expected a list of options, found a mapping");
    EXPECT_ERRORS(HEAD "      - {id: q, type: choice, text: Q, options: [a]}\n" ROLES,
                  "9:50: expected a mapping for the option, found 'a'");
    EXPECT_ERRORS(HEAD "      - {id: q, type: yesno, text: Q, raises: [yes]}\n" ROLES,
                  "9:47: expected a mapping of answer to finding id, found a list");
    EXPECT_ERRORS(HEAD "      - {id: q, type: yesno, text: Q}\n" ROLES "labels: [a]\n",
                  "12:9: expected a mapping of label key to text, found a list");
}

static void test_missing_keys(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - {id: q, text: Q}\n" ROLES "findings: [{id: f, text: F}]\n"
                       "recommendations: [{kind: course, text: R}]\n"
                       "roles: [{when: {finding: f}}]\n",
                  "9:9: missing required key 'type' in question",
                  "12:12: missing required key 'severity' in finding",
                  "13:19: missing required key 'id' in recommendation",
                  "14:1: duplicate key 'roles' (first at 10:1)");
    EXPECT_ERRORS(HEAD "      - {type: multi, text: Q, options: [{value: a}, {text: B}]}\n" ROLES,
                  "9:9: missing required key 'id' in question",
                  "9:42: missing required key 'text' in option",
                  "9:54: missing required key 'value' in option");
}

static void test_ids(void **state)
{
    (void)state;
    EXPECT_ERRORS(
        HEAD "      - {id: 2nd, type: yesno, text: Q, raises: {\"a b\": f, yes: [\"g/h\"]}}\n"
             "      - {id: q_toolong_0123456789012345678901234567890123456789012345678901234,"
             " type: yesno, text: Q}\n" ROLES,
        "9:14: invalid id '2nd': use letters, digits, '_' and '-', starting with a letter "
        "(at most 64 characters)",
        "9:50: invalid answer value 'a b': use letters, digits, '_' and '-', starting "
        "with a letter (at most 64 characters)",
        "9:66: invalid finding id 'g/h': use letters, digits, '_' and '-', starting with "
        "a letter (at most 64 characters)",
        "10:14: invalid id 'q_toolong_012345678901234567890123456789...': use letters, "
        "digits, '_' and '-', starting with a letter (at most 64 characters)");
    /* Exactly 64 characters is fine. */
    struct questionnaire *q = load_ok(
        HEAD "      - {id: q_64_chars_01234567890123456789012345678901234567890123456789012,"
             " type: yesno, text: Q}\n" ROLES);
    assert_int_equal(strlen(q->questions[0].id), 64);
    model_free(q);
}

static void test_vocabulary(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - {id: q, type: yesnoo, text: Q}\n" ROLES "findings:\n"
                       "  - {id: f, severity: temporery, verdict: eligble, text: F}\n"
                       "  - {id: g, severity: fatal, text: G}\n"
                       "recommendations: [{id: r, kind: course_plan, text: R}]\n"
                       "roles: [{role: singel}]\n",
                  "9:23: unknown question type 'yesnoo'; did you mean 'yesno'?",
                  "13:23: unknown severity 'temporery'; did you mean 'temporary'?",
                  "13:43: unknown verdict 'eligble'; did you mean 'eligible'?",
                  "14:23: unknown severity 'fatal'; expected one of: absolute, temporary, "
                  "precaution, info",
                  "15:33: unknown recommendation kind 'course_plan'; expected one of: next_step, "
                  "course, follow_up, aftercare",
                  "16:1: duplicate key 'roles' (first at 10:1)");
    EXPECT_ERRORS(HEAD YESNO "roles: [{role: singel, when: {eligibility: [eligible, nope]}}]\n",
                  "10:16: unknown role 'singel'; did you mean 'single'?",
                  "10:55: unknown eligibility 'nope'; expected one of: not_eligible, deferred, "
                  "refer_for_diagnosis, eligible_with_precautions, eligible");
}

static void test_question_shapes(void **state)
{
    (void)state;
    EXPECT_ERRORS(HEAD "      - {id: a, type: yesno, text: Q, options: [{value: x, text: X}]}\n"
                       "      - {id: b, type: choice, text: Q}\n"
                       "      - {id: c, type: multi, text: Q, options: []}\n"
                       "      - {id: d, type: number, text: Q, min: 10, max: 9, unit: kg}\n"
                       "      - {id: e, type: number, text: Q, max: 9}\n"
                       "      - {id: f, type: text, text: Q, min: 1, raises: {x: y}}\n"
                       "      - {id: g, type: number, text: Q, min: 0, max: 1, raises: {x: y}}\n"
                       "      - id: h\n"
                       "        type: choice\n"
                       "        text: Q\n"
                       "        options: [{value: x, text: X, exclusive: true}]\n" ROLES,
                  "9:39: 'options' does not apply to a yesno question",
                  "10:9: a choice question needs 'options'",
                  "11:48: expected a non-empty list of options, found an empty list",
                  "12:40: min (10) is greater than max (9)", "13:9: a number question needs 'min'",
                  "14:38: 'min' does not apply to a text question",
                  "14:46: 'raises' does not apply to a text question",
                  "15:56: 'raises' does not apply to a number question",
                  "19:39: 'exclusive' only applies to multi questions");
}

static void test_too_many_options(void **state)
{
    (void)state;
    char yaml[8192];
    size_t o = (size_t)snprintf(yaml, sizeof yaml, "%s",
                                HEAD "      - id: q\n        type: multi\n        text: Q\n"
                                     "        options:\n");
    for (int i = 0; i < 65; i++)
        o += (size_t)snprintf(yaml + o, sizeof yaml - o, "          - {value: v%d, text: V}\n", i);
    snprintf(yaml + o, sizeof yaml - o, "%s", ROLES);
    EXPECT_ERRORS(yaml, "77:13: too many options: a question has at most 64");
    /* 64 is fine */
    char *cut = strstr(yaml, "          - {value: v64");
    snprintf(cut, sizeof yaml - (size_t)(cut - yaml), "%s", ROLES);
    struct questionnaire *q = load_ok(yaml);
    assert_int_equal(q->questions[0].n_options, MODEL_MAX_OPTIONS);
    model_free(q);
}

static void test_languages(void **state)
{
    (void)state;
    EXPECT_ERRORS("languages: [en, English, es, en, x, 7, [fr]]\n"
                  "format: mesoscreen/1\nid: t\nversion: \"1\"\n"
                  "title: {es: Título, fr: Titre}\n"
                  "sections:\n  - id: s\n    title: {en: S, es: }\n    questions:\n" YESNO ROLES,
                  "1:17: invalid language code 'English': use a code such as 'en' or 'pt-BR'",
                  "1:30: duplicate language 'en'",
                  "1:34: invalid language code 'x': use a code such as 'en' or 'pt-BR'",
                  "1:37: invalid language code '7': use a code such as 'en' or 'pt-BR'",
                  "1:40: expected a language code, found a list",
                  "5:8: this text has no 'en' (the first language)",
                  "5:21: unknown language 'fr' in a text; the questionnaire's languages are: en, "
                  "es",
                  "8:24: expected a string, found nothing");
    EXPECT_ERRORS("languages: []\nformat: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"
                  "sections:\n  - id: s\n    title: S\n    questions:\n" YESNO ROLES,
                  "1:12: expected a non-empty list of language codes, found an empty list");
    char yaml[1024] = "languages: [en";
    for (int i = 0; i < 16; i++)
        snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml), ", l%c", 'a' + i);
    strcat(yaml, "]\nformat: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"
                 "sections:\n  - id: s\n    title: S\n    questions:\n" YESNO ROLES);
    EXPECT_ERRORS(yaml, "1:77: too many languages: at most 16");
}

static void test_numbers(void **state)
{
    (void)state;
    struct questionnaire *q =
        load_ok(HEAD "      - {id: n, type: number, text: N, min: -9223372036854775808,"
                     " max: +9223372036854775807}\n" ROLES);
    assert_int_equal(q->questions[0].min, INT64_MIN);
    assert_int_equal(q->questions[0].max, INT64_MAX);
    model_free(q);
    EXPECT_ERRORS(HEAD "      - {id: n, type: number, text: N, min: -9223372036854775809,"
                       " max: 99999999999999999999}\n" ROLES,
                  "9:45: number '-9223372036854775809' is out of range",
                  "9:72: number '99999999999999999999' is out of range");
    EXPECT_ERRORS(HEAD "      - {id: n, type: number, text: N, min: 0x10, max: \"1 \"}\n" ROLES,
                  "9:45: expected a whole number, found '0x10'",
                  "9:56: expected a whole number, found '1 '");
}

static void test_conditions_rejected(void **state)
{
    (void)state;
    EXPECT_ERRORS(
        HEAD "      - {id: a, type: yesno, text: Q, when: {question: a}}\n"
             "      - {id: b, type: yesno, text: Q, when: {question: a, is: yes, in: [no]}}\n"
             "      - {id: c, type: yesno, text: Q, when: {is: yes}}\n"
             "      - {id: d, type: yesno, text: Q, when: {question: a, finding: f}}\n"
             "      - {id: e, type: yesno, text: Q, when: {question: a, iss: yes}}\n"
             "      - {id: f, type: yesno, text: Q, when: {any: []}}\n"
             "      - {id: g, type: yesno, text: Q, when: {not: [{finding: f}]}}\n"
             "      - {id: h, type: yesno, text: Q, when: {question: a, is: [yes, no]}}\n"
             "      - {id: i, type: yesno, text: Q, when: {eligibility: []}}\n"
             "      - {id: j, type: yesno, text: Q, when: {question: a, in: []}}\n"
             "      - {id: k, type: yesno, text: Q, when: {question: a, is: }}\n" ROLES,
        "9:45: a condition needs an operator: one of all, any, not, is, in, includes, "
        "below, at_most, above, at_least, answered, eligibility, finding",
        "10:68: a condition has one operator, found 'is' and 'in'; combine conditions "
        "with all or any",
        "11:46: condition 'is' needs 'question'", "12:46: 'question' does not go with 'finding'",
        "13:45: a condition needs an operator: one of all, any, not, is, in, includes, "
        "below, at_most, above, at_least, answered, eligibility, finding",
        "13:59: unknown key 'iss' in a condition; did you mean 'is'?",
        "14:51: expected at least one condition, found an empty list",
        "15:51: expected a condition (a mapping such as {question: Q, is: V}), found a "
        "list",
        "16:63: expected one value (use 'in' for several), found a list",
        "17:59: expected at least one eligibility, found an empty list",
        "18:63: expected at least one value, found an empty list",
        "19:63: expected one value (use 'in' for several), found nothing");
}

/* Every problem in a file is reported, not only the first. */
static void test_collects_everything(void **state)
{
    (void)state;
    struct diags d = load_bad("format: mesoscreen/9\n"
                              "id: 1\n"
                              "version:\n"
                              "title: [T]\n"
                              "sections:\n"
                              "  - id: s s\n"
                              "    title: S\n"
                              "    questions:\n"
                              "      - {id: a, type: nope, text: Q}\n"
                              "      - {id: b, type: yesno, text: Q, required: 2}\n"
                              "      - {id: c, type: number, text: Q, min: 3, max: 1}\n"
                              "findings: [{id: f, severity: bad, text: F}]\n"
                              "roles: [{role: bad}]\n"
                              "recommendations: [{id: r, kind: bad, text: R, extra: 1}]\n");
    assert_int_equal(d.n, 12);
    assert_int_equal(d.n_errors, 12);
    diags_clear(&d);
}

/* A file of thousands of mistakes is not listed in full: 1000 errors, then one line saying so. */
static void test_error_limit(void **state)
{
    (void)state;
    size_t size = 1500 * 16 + 512;
    char *yaml = xmalloc(size);
    size_t o = (size_t)snprintf(yaml, size, "%s", HEAD YESNO ROLES);
    for (int i = 0; i < 1500; i++)
        o += (size_t)snprintf(yaml + o, size - o, "k%d: v\n", i);
    struct diags d = load_bad(yaml);
    assert_int_equal(d.n, 1001);
    assert_int_equal(d.items[0].line, 0);
    assert_string_equal(d.items[0].message, "too many errors; only the first 1000 are shown");
    char *t = diag_text(&d, 1000);
    assert_string_equal(t, "1011:1: unknown key 'k999' in questionnaire; expected one of: format, "
                           "id, version, url, title, languages, disclaimer, labels, sections, "
                           "findings, roles, recommendations");
    free(t);
    diags_clear(&d);
    free(yaml);
}

/* A bound on the tree's size: 8 Mi nodes (a realistic 64 MiB questionnaire has about 6 Mi),
 * reached here by nine lists of 1 Mi items (one list may hold no more). */
static void test_node_limit(void **state)
{
    (void)state;
    size_t per = 1024u * 1024, lists = 9, size = lists * (2 * per + 2) + 16;
    char *yaml = xmalloc(size);
    memcpy(yaml, "a: [", 4);
    size_t o = 4;
    for (size_t k = 0; k < lists; k++) {
        yaml[o++] = '[';
        for (size_t i = 0; i < per; i++) {
            yaml[o++] = '1';
            yaml[o++] = ',';
        }
        yaml[o - 1] = ']';
        yaml[o++] = ',';
    }
    yaml[o - 1] = ']';
    struct diags d = load_bad_len(yaml, o);
    /* The root mapping, its key, the outer list, then 1 + 2^20 nodes a list: node 8388609 is
     * item 1048565 of the eighth list. */
    assert_int_equal(d.n, 1);
    char *t = diag_text(&d, 0);
    assert_string_equal(t, "1:16777214: more than 8388608 YAML nodes; a questionnaire never needs "
                           "that many");
    free(t);
    diags_clear(&d);
    free(yaml);
}

/* ---- files ---- */

static void test_files(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = (struct questionnaire *)&d;
    assert_int_equal(loader_load_file("/nonexistent/q.yaml", &d, &q), LOAD_IO_ERROR);
    assert_null(q);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.items[0].line, 0);
    assert_string_equal(d.items[0].file, "/nonexistent/q.yaml");
    assert_string_equal(d.items[0].message, "cannot open: No such file or directory");
    diags_clear(&d);

    assert_int_equal(loader_load_file(TEST_SOURCE_DIR, &d, &q), LOAD_IO_ERROR);
    assert_string_equal(d.items[0].message, "cannot read: Is a directory");
    diags_clear(&d);

    char path[] = "/tmp/mesoscreen-test-loader-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, example, strlen(example)), (ssize_t)strlen(example));
    assert_int_equal(loader_load_file(path, &d, &q), LOAD_OK);
    assert_int_equal(d.n, 0);
    assert_string_equal(q->file, path);
    assert_int_equal(q->source_len, strlen(example));
    assert_string_equal(q->source, example);
    model_free(q);

    /* Over the bound (a sparse file: nothing is written or read). */
    assert_int_equal(ftruncate(fd, (off_t)LOADER_MAX_BYTES + 1), 0);
    assert_int_equal(loader_load_file(path, &d, &q), LOAD_BAD_DATA);
    assert_null(q);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].message,
                        "file is too large (67108865 bytes; the limit is 64 MiB)");
    diags_clear(&d);
    close(fd);
    unlink(path);
}

static void test_buffer_too_large(void **state)
{
    (void)state;
    char *big = xcalloc(LOADER_MAX_BYTES + 1, 1); /* zero pages: never touched */
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer(NULL, big, LOADER_MAX_BYTES + 1, &d, &q), LOAD_BAD_DATA);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].file, "<input>");
    assert_int_equal(d.items[0].line, 0);
    assert_string_equal(d.items[0].message,
                        "file is too large (67108865 bytes; the limit is 64 MiB)");
    diags_clear(&d);
    free(big);
}

/* Diagnostics already in d are kept; only this load's errors decide its status. */
static void test_diags_accumulate(void **state)
{
    (void)state;
    struct diags d = DIAGS_INIT;
    diags_add(&d, DIAG_ERROR, "other.yaml", 1, 1, "earlier");
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", example, strlen(example), &d, &q), LOAD_OK);
    assert_non_null(q);
    assert_int_equal(d.n, 1);
    model_free(q);
    diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_document),
        cmocka_unit_test(test_labels_verdict_required_raises_list),
        cmocka_unit_test(test_conditions_every_form),
        cmocka_unit_test(test_crlf_bom_tabs),
        cmocka_unit_test(test_non_ascii_texts),
        cmocka_unit_test(test_malformed_yaml),
        cmocka_unit_test(test_document_shape),
        cmocka_unit_test(test_encoding),
        cmocka_unit_test(test_control_characters_in_texts),
        cmocka_unit_test(test_anchors_aliases_tags),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_unknown_and_duplicate_keys),
        cmocka_unit_test(test_duplicates_in_a_big_mapping),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_missing_keys),
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_vocabulary),
        cmocka_unit_test(test_question_shapes),
        cmocka_unit_test(test_too_many_options),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_conditions_rejected),
        cmocka_unit_test(test_collects_everything),
        cmocka_unit_test(test_error_limit),
        cmocka_unit_test(test_node_limit),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_buffer_too_large),
        cmocka_unit_test(test_diags_accumulate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
