/* test_paths.c - the path analysis against brute force: on small questionnaires, every
 * combination of answers is walked with the real walk and rules, and the outcomes and reached
 * questions must be exactly those the analysis finds. Plus the budget, the examples and the
 * printed table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "loader.h"
#include "paths.h"
#include "rules.h"
#include "validator.h"
#include "walk.h"
#include "xalloc.h"

static struct questionnaire *load_text(const char *yaml)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    if (loader_load_buffer("t.yaml", yaml, strlen(yaml), &d, &q) != LOAD_OK ||
        !validator_check(q, &d)) {
        diags_print(&d, stderr);
        fail_msg("the test questionnaire is not valid");
    }
    diags_clear(&d);
    return q;
}

static struct questionnaire *load_golden(const char *name)
{
    char *path = xasprintf("%s/golden/paths/%s", TEST_SOURCE_DIR, name);
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    if (loader_load_file(path, &d, &q) != LOAD_OK || !validator_check(q, &d)) {
        diags_print(&d, stderr);
        fail_msg("%s is not valid", path);
    }
    diags_clear(&d);
    free(path);
    return q;
}

/* ---- brute force ---- */

/* Outcomes as a set: [end][eligibility][role], dead ends per question. */
struct seen {
    bool role[ELIG_COUNT][ROLE_COUNT];
    bool no_role[ELIG_COUNT];
    bool dead_end[64];
    bool reached[64];
    size_t leaves;
};

/* Numbers are sampled around the thresholds the test questionnaires use. */
static const long long number_samples[] = {0, 1, 5, 6, 7, 17, 18, 19, 64, 65, 66, 120, 600};

static void brute(struct walk *w, size_t qi, struct seen *s)
{
    const struct questionnaire *q = walk_questionnaire(w);
    if (qi == q->n_questions) {
        struct outcome out = {0};
        if (rules_evaluate(w, &out))
            s->role[out.eligibility][out.role] = true;
        else
            s->no_role[out.eligibility] = true;
        outcome_free(&out);
        s->leaves++;
        return;
    }
    if (!walk_reached(w, qi)) {
        brute(w, qi + 1, s);
        return;
    }
    s->reached[qi] = true;
    const struct question *qn = &q->questions[qi];
    size_t tried = 0;
    struct answer a;
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        for (size_t o = 0; o < model_option_count(qn); o++) {
            a = (struct answer){.given = true, .choice = (int)o};
            if (walk_set(w, qi, &a)) {
                tried++;
                brute(w, qi + 1, s);
            }
        }
        break;
    case QTYPE_MULTI:
        for (uint64_t set = 1; set < (UINT64_C(1) << qn->n_options); set++) {
            a = (struct answer){.given = true, .selected = set};
            if (walk_set(w, qi, &a)) {
                tried++;
                brute(w, qi + 1, s);
            }
        }
        break;
    case QTYPE_NUMBER:
        for (size_t i = 0; i < sizeof number_samples / sizeof number_samples[0]; i++) {
            a = (struct answer){.given = true, .number = number_samples[i]};
            if (walk_set(w, qi, &a)) {
                tried++;
                brute(w, qi + 1, s);
            }
        }
        break;
    default:
        a = (struct answer){.given = true, .text = (char *)"something"};
        assert_true(walk_set(w, qi, &a));
        tried++;
        brute(w, qi + 1, s);
        break;
    }
    walk_unset(w, qi);
    if (tried == 0 && qn->type != QTYPE_NUMBER && qn->type != QTYPE_TEXT) {
        s->dead_end[qi] = true;
        return;
    }
    if (!qn->required) {
        walk_visit(w, qi);
        brute(w, qi + 1, s);
    }
}

/* The example patient the decision table shows for each outcome, walked with the real walk
 * and rules, asks what the example says it asks and ends in that outcome. */
static void check_examples(const struct questionnaire *q, const struct paths *p)
{
    struct answer *answers = xcalloc(q->n_questions + 1, sizeof *answers);
    bool *asked = xcalloc(q->n_questions + 1, sizeof *asked);
    for (size_t i = 0; i < paths_outcome_count(p); i++) {
        const struct paths_outcome *o = paths_outcome_get(p, i);
        assert_true(paths_example_patient(p, i, answers, asked));
        if (o->end == PATHS_END_DEAD_END)
            continue;
        struct walk *w = walk_new(q);
        for (size_t qi = 0; qi < q->n_questions; qi++) {
            if (walk_reached(w, qi) != asked[qi])
                fail_msg("outcome %zu: question %s asked %d, the example says %d", i,
                         q->questions[qi].id, walk_reached(w, qi), asked[qi]);
            if (!asked[qi])
                continue;
            if (answers[qi].given)
                assert_true(walk_set(w, qi, &answers[qi]));
            else
                walk_visit(w, qi);
        }
        struct outcome out = {0};
        bool has_role = rules_evaluate(w, &out);
        assert_int_equal(has_role, o->end == PATHS_END_ROLE);
        assert_int_equal(out.eligibility, o->eligibility);
        if (has_role)
            assert_int_equal(out.role, o->role);
        outcome_free(&out);
        walk_free(w);
    }
    free(answers);
    free(asked);
}

/* The analysis must find exactly the outcomes and reached questions brute force finds. */
static void cross_check(const struct questionnaire *q)
{
    assert_true(q->n_questions <= 64);
    struct seen s = {0};
    struct walk *w = walk_new(q);
    brute(w, 0, &s);
    walk_free(w);
    assert_true(s.leaves > 0);

    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    assert_true(paths_complete(p));
    struct seen a = {0};
    for (size_t i = 0; i < paths_outcome_count(p); i++) {
        const struct paths_outcome *o = paths_outcome_get(p, i);
        if (o->end == PATHS_END_ROLE)
            a.role[o->eligibility][o->role] = true;
        else if (o->end == PATHS_END_NO_ROLE)
            a.no_role[o->eligibility] = true;
        else
            a.dead_end[o->question] = true;
    }
    for (int e = 0; e < ELIG_COUNT; e++) {
        for (int r = 0; r < ROLE_COUNT; r++)
            if (a.role[e][r] != s.role[e][r])
                fail_msg("(%s, %s): analysis %d, brute force %d", model_eligibility_name(e),
                         model_role_name(r), a.role[e][r], s.role[e][r]);
        if (a.no_role[e] != s.no_role[e])
            fail_msg("(%s, no role): analysis %d, brute force %d", model_eligibility_name(e),
                     a.no_role[e], s.no_role[e]);
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        if (paths_question_reached(p, i) != s.reached[i])
            fail_msg("question %s reached: analysis %d, brute force %d", q->questions[i].id,
                     paths_question_reached(p, i), s.reached[i]);
        if (a.dead_end[i] != s.dead_end[i])
            fail_msg("question %s dead end: analysis %d, brute force %d", q->questions[i].id,
                     a.dead_end[i], s.dead_end[i]);
    }
    size_t exact_states = paths_state_count(p);
    check_examples(q, p);
    paths_free(p);

    /* Merged verdicts: the same roles, paths without a role, reached questions and dead ends,
     * from no more states. */
    struct paths *c = paths_check(q, PATHS_DEFAULT_BUDGET);
    assert_true(paths_complete(c));
    bool role[ROLE_COUNT] = {false}, no_role = false, dead_end[64] = {false};
    for (size_t i = 0; i < paths_outcome_count(c); i++) {
        const struct paths_outcome *o = paths_outcome_get(c, i);
        if (o->end == PATHS_END_ROLE)
            role[o->role] = true;
        else if (o->end == PATHS_END_NO_ROLE)
            no_role = true;
        else
            dead_end[o->question] = true;
    }
    for (int r = 0; r < ROLE_COUNT; r++) {
        bool any = false;
        for (int e = 0; e < ELIG_COUNT; e++)
            any |= s.role[e][r];
        if (role[r] != any)
            fail_msg("merged verdicts: role %s %d, brute force %d", model_role_name(r), role[r],
                     any);
    }
    bool any_no_role = false;
    for (int e = 0; e < ELIG_COUNT; e++)
        any_no_role |= s.no_role[e];
    assert_int_equal(no_role, any_no_role);
    for (size_t i = 0; i < q->n_questions; i++) {
        assert_int_equal(paths_question_reached(c, i), s.reached[i]);
        assert_int_equal(dead_end[i], s.dead_end[i]);
    }
    assert_true(paths_state_count(c) <= exact_states);
    size_t merged_states = paths_state_count(c);
    paths_free(c);

    /* Coverage only: the same reached questions, dead ends and whether some path ends without
     * a role, listing only those bad ends, from no more states than merged verdicts. */
    struct paths *v = paths_cover(q, PATHS_DEFAULT_BUDGET);
    assert_true(paths_complete(v));
    bool v_no_role = false, v_dead_end[64] = {false};
    for (size_t i = 0; i < paths_outcome_count(v); i++) {
        const struct paths_outcome *o = paths_outcome_get(v, i);
        assert_int_not_equal(o->end, PATHS_END_ROLE);
        if (o->end == PATHS_END_NO_ROLE)
            v_no_role = true;
        else
            v_dead_end[o->question] = true;
    }
    assert_int_equal(v_no_role, any_no_role);
    for (size_t i = 0; i < q->n_questions; i++) {
        assert_int_equal(paths_question_reached(v, i), s.reached[i]);
        assert_int_equal(v_dead_end[i], s.dead_end[i]);
    }
    assert_true(paths_state_count(v) <= merged_states);
    paths_free(v);
}

#define HEADER "format: mesoscreen/1\nid: t\nversion: \"1\"\ntitle: T\n"

/* Multi tests of every kind, findings on findings, `answered`, a section's when, options
 * offered on conditions: tricky on purpose. */
static const char tricky_yaml[] =
    HEADER "sections:\n"
           "  - id: a\n"
           "    title: A\n"
           "    questions:\n"
           "      - id: sex\n"
           "        type: choice\n"
           "        text: Sex\n"
           "        options:\n"
           "          - {value: female, text: F}\n"
           "          - {value: male, text: M}\n"
           "          - {value: other, text: O}\n"
           "      - id: age\n"
           "        type: number\n"
           "        text: Age\n"
           "        min: 0\n"
           "        max: 120\n"
           "        required: false\n"
           "      - id: scalp\n"
           "        type: multi\n"
           "        text: Scalp\n"
           "        options:\n"
           "          - {value: none, text: None, exclusive: true}\n"
           "          - {value: infection, text: I}\n"
           "          - {value: wound, text: W}\n"
           "          - {value: dermatosis, text: D}\n"
           "          - {value: other, text: O, when: {question: sex, is: other}}\n"
           "        raises: {infection: infection}\n"
           "  - id: b\n"
           "    title: B\n"
           "    when: {any: [{question: age, at_least: 18}, {question: age, answered: false}]}\n"
           "    questions:\n"
           "      - id: stage\n"
           "        type: choice\n"
           "        text: Stage\n"
           "        options:\n"
           "          - {value: n2, text: N2, when: {question: sex, is: male}}\n"
           "          - {value: n6, text: N6, when: {question: sex, is: male}}\n"
           "          - {value: l1, text: L1, when: {question: sex, is: female}}\n"
           "      - id: notes\n"
           "        type: text\n"
           "        text: Notes\n"
           "findings:\n"
           "  - id: both\n"
           "    severity: absolute\n"
           "    text: Both.\n"
           "    when: {all: [{finding: infection}, {finding: senior}]}\n"
           "  - id: infection\n"
           "    severity: temporary\n"
           "    text: Infection.\n"
           "  - id: senior\n"
           "    severity: info\n"
           "    text: Senior.\n"
           "    when: {question: age, above: 64}\n"
           "  - id: skin\n"
           "    severity: precaution\n"
           "    text: Skin.\n"
           "    when: {question: scalp, includes: [wound, dermatosis]}\n"
           "  - id: any_skin\n"
           "    severity: info\n"
           "    verdict: refer_for_diagnosis\n"
           "    text: Any skin.\n"
           "    when: {all: [{question: scalp, in: [wound, dermatosis]}, {not: {finding: skin}}]}\n"
           "roles:\n"
           "  - role: none\n"
           "    when: {eligibility: not_eligible}\n"
           "  - role: adjuvant\n"
           "    when: {question: stage, is: n6}\n"
           "  - role: single\n"
           "    when: {any: [{question: stage, in: [n2, l1]}, {finding: senior}]}\n"
           "  - role: undetermined\n"
           "    when: {question: notes, answered: true}\n";

static void matches_brute_force_minimal(void **state)
{
    (void)state;
    struct questionnaire *q = load_golden("p_minimal.yaml");
    cross_check(q);
    model_free(q);
}

static void matches_brute_force_staging(void **state)
{
    (void)state;
    struct questionnaire *q = load_golden("p_staging.yaml");
    cross_check(q);
    model_free(q);
}

static void matches_brute_force_tricky(void **state)
{
    (void)state;
    /* The file is valid except for what the analysis itself reports (a dead end, paths
     * without a role): load it without the validator's verdict. */
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", tricky_yaml, strlen(tricky_yaml), &d, &q),
                     LOAD_OK);
    validator_check(q, &d);
    /* Only path errors: every name resolved. */
    for (size_t i = 0; i < d.n; i++)
        if (d.items[i].level == DIAG_ERROR && !strstr(d.items[i].message, "no role row") &&
            !strstr(d.items[i].message, "offers none of its options")) {
            diags_print(&d, stderr);
            fail_msg("unexpected error");
        }
    assert_true(d.n_errors >= 2);
    diags_clear(&d);
    q->resolved = true; /* names are resolved; walk and rules may run */
    cross_check(q);

    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    bool dead_stage = false, no_role = false;
    for (size_t i = 0; i < paths_outcome_count(p); i++) {
        const struct paths_outcome *o = paths_outcome_get(p, i);
        dead_stage |=
            o->end == PATHS_END_DEAD_END && strcmp(q->questions[o->question].id, "stage") == 0;
        no_role |= o->end == PATHS_END_NO_ROLE;
        if (o->end == PATHS_END_DEAD_END) {
            char *example = paths_example(p, i, 3);
            assert_string_equal(example, "(sex = other; age >= 18 or age unanswered)");
            free(example);
        }
    }
    assert_true(dead_stage);
    assert_true(no_role);
    paths_free(p);
    model_free(q);
}

static void budget_stops_the_analysis(void **state)
{
    (void)state;
    struct questionnaire *q = load_golden("p_staging.yaml");
    struct paths *p = paths_analyse(q, 5);
    assert_false(paths_complete(p));
    /* It stops on the state past the budget, and says how many it looked at. */
    assert_int_equal(paths_state_count(p), 6);
    assert_string_equal(paths_stop_reason(p), "analysis stopped after 6 states; coverage not "
                                              "proven");
    /* What was found is still usable: printing does not crash and says it is partial. */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    struct paths_table t = {"0123", "2026-01-02", 0, false};
    paths_print(p, &t, out);
    fclose(out);
    assert_non_null(
        strstr(buf, "\nNOT PROVEN: analysis stopped after 6 states; coverage not proven\n"));
    free(buf);
    paths_free(p);

    p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    assert_true(paths_complete(p));
    assert_null(paths_stop_reason(p));
    paths_free(p);

    /* Coverage alone stops on its budget too, and says so the same way. */
    p = paths_cover(q, 2);
    assert_false(paths_complete(p));
    assert_int_equal(paths_state_count(p), 3);
    assert_string_equal(paths_stop_reason(p), "analysis stopped after 3 states; coverage not "
                                              "proven");
    paths_free(p);
    model_free(q);
}

/* Conditions testing more than 16 options of one multi question are not enumerated. */
static void too_many_tested_options(void **state)
{
    (void)state;
    size_t cap = 8192, len = 0;
    char *yaml = xmalloc(cap);
    len += (size_t)snprintf(yaml + len, cap - len,
                            HEADER "sections:\n  - id: s\n    title: S\n    questions:\n"
                                   "      - id: m\n        type: multi\n        text: M\n"
                                   "        options:\n");
    for (int i = 0; i < 17; i++)
        len += (size_t)snprintf(yaml + len, cap - len, "          - {value: o%d, text: O}\n", i);
    len += (size_t)snprintf(yaml + len, cap - len, "findings:\n");
    for (int i = 0; i < 17; i++)
        len += (size_t)snprintf(yaml + len, cap - len,
                                "  - id: f%d\n    severity: info\n    text: F.\n"
                                "    when: {question: m, is: o%d}\n",
                                i, i);
    snprintf(yaml + len, cap - len, "roles:\n  - role: single\n");
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", yaml, strlen(yaml), &d, &q), LOAD_OK);
    /* The validator accepts it, with a warning that coverage is not proven. */
    assert_true(validator_check(q, &d));
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.items[0].message, "more than 16 options of multi question 'm'"));
    diags_clear(&d);
    model_free(q);
    free(yaml);
}

/* Coverage tells apart the answers of a question only by the findings they raise: two
 * values that raise different findings stay apart (here only `y` alone ends without a role),
 * two that raise the same one need not. */
static void cover_tells_raises_apart(void **state)
{
    (void)state;
    static const char yaml[] =
        HEADER "sections:\n  - id: s\n    title: S\n    questions:\n"
               "      - id: m\n        type: multi\n        text: M\n        options:\n"
               "          - {value: none, text: N, exclusive: true}\n"
               "          - {value: x, text: X}\n          - {value: y, text: Y}\n"
               "          - {value: z, text: Z}\n"
               "        raises: {x: f1, y: f2, z: f1}\n"
               "findings:\n"
               "  - {id: f1, severity: info, text: F.}\n"
               "  - {id: f2, severity: info, text: F.}\n"
               "roles:\n"
               "  - role: single\n    when: {finding: f1}\n"
               "  - role: adjuvant\n    when: {question: m, is: none}\n";
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", yaml, strlen(yaml), &d, &q), LOAD_OK);
    assert_false(validator_check(q, &d));
    assert_non_null(strstr(d.items[0].message, "no role row matches these answers"));
    diags_clear(&d);
    q->resolved = true; /* every name is resolved; only a path without a role was found */
    cross_check(q);
    struct paths *v = paths_cover(q, PATHS_DEFAULT_BUDGET);
    assert_int_equal(paths_outcome_count(v), 1);
    assert_int_equal(paths_outcome_get(v, 0)->end, PATHS_END_NO_ROLE);
    paths_free(v);
    model_free(q);
}

/* Coverage builds each question's classes when its level comes, yet stops for a question
 * whose answers cannot be enumerated exactly as building them all first does: with nothing
 * explored, even when that question comes after the budget ran out. */
static void cover_stops_for_classes_like_check(void **state)
{
    (void)state;
    size_t cap = 8192, len = 0;
    char *yaml = xmalloc(cap);
    len += (size_t)snprintf(yaml + len, cap - len,
                            HEADER "sections:\n  - id: s\n    title: S\n    questions:\n");
    for (int i = 0; i < 6; i++)
        len += (size_t)snprintf(yaml + len, cap - len,
                                "      - id: y%d\n        type: yesno\n        text: Y\n"
                                "        raises: {yes: f%d}\n",
                                i, i);
    len += (size_t)snprintf(yaml + len, cap - len,
                            "      - id: m\n        type: multi\n        text: M\n"
                            "        options:\n");
    for (int i = 0; i < 17; i++)
        len += (size_t)snprintf(yaml + len, cap - len, "          - {value: o%d, text: O}\n", i);
    len += (size_t)snprintf(yaml + len, cap - len, "findings:\n");
    for (int i = 0; i < 6; i++)
        len += (size_t)snprintf(yaml + len, cap - len,
                                "  - id: f%d\n    severity: precaution\n    text: F.\n", i);
    for (int i = 0; i < 17; i++)
        len += (size_t)snprintf(yaml + len, cap - len,
                                "  - id: g%d\n    severity: info\n    text: F.\n"
                                "    when: {question: m, is: o%d}\n",
                                i, i);
    snprintf(yaml + len, cap - len, "roles:\n  - role: single\n    when: {finding: f0}\n");
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer("t.yaml", yaml, strlen(yaml), &d, &q), LOAD_OK);
    assert_true(validator_check(q, &d));
    diags_clear(&d);
    static const size_t budgets[] = {1, 3, 10, PATHS_DEFAULT_BUDGET};
    for (size_t i = 0; i < sizeof budgets / sizeof budgets[0]; i++) {
        struct paths *c = paths_check(q, budgets[i]), *v = paths_cover(q, budgets[i]);
        assert_false(paths_complete(c));
        assert_false(paths_complete(v));
        assert_non_null(strstr(paths_stop_reason(c), "more than 16 options of multi question 'm'"));
        assert_string_equal(paths_stop_reason(v), paths_stop_reason(c));
        assert_int_equal(paths_state_count(v), 0);
        assert_int_equal(paths_outcome_count(v), 0);
        for (size_t qi = 0; qi < q->n_questions; qi++)
            assert_false(paths_question_reached(v, qi));
        paths_free(c);
        paths_free(v);
    }
    model_free(q);
    free(yaml);
}

static void printed_table(void **state)
{
    (void)state;
    struct questionnaire *q = load_golden("p_staging.yaml");
    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    struct paths_table t = {"0123abcd", "2026-01-02", 0, true};
    paths_print(p, &t, out);
    fclose(out);
    const char *head = "DECISION TABLE FOR CLINICAL SIGN-OFF\n"
                       "Questionnaire:  Staging\n"
                       "                staging, version 2\n"
                       "SHA-256:        0123abcd\n"
                       "Date:           2026-01-02\n";
    assert_true(strncmp(buf, head, strlen(head)) == 0);
    /* A finding in words, with its severity and what raises it. */
    assert_non_null(strstr(buf, " 1. NOT ELIGIBLE [absolute]\n"
                                "    - Bleeding disorder? = Yes \u2192 Bleeding disorder\n"));
    assert_non_null(
        strstr(buf, " 5. ELIGIBLE [info]\n    - Stage = Norwood 6 or Ludwig 3 \u2192 Advanced "
                    "stage\n    - finding \"Advanced stage\" and finding \"Recent hair "
                    "loss\" \u2192 Advanced and\n      recent\n"));
    /* The roles in order, and the catch-all. */
    assert_non_null(strstr(buf, " 2. finding \"No specialist diagnosis\" \u2192 UNDETERMINED\n"));
    assert_non_null(strstr(buf, " 4. in every other case \u2192 SINGLE TREATMENT\n"));
    /* The proof, counts and examples. */
    assert_non_null(strstr(buf, "\nProven: every combination of answers was followed"));
    assert_non_null(strstr(buf, "  1. NOT ELIGIBLE, NONE: 16 ways; as the reference patient, but: "
                                "Bleeding\n     disorder? = Yes\n"));
    /* Nothing cut short; --full lists every way, one answer a line. */
    assert_null(strstr(buf, "more"));
    assert_non_null(strstr(buf, "\nEVERY WAY TO EACH OUTCOME\n"));
    assert_non_null(strstr(buf, "    - Bleeding disorder? = No\n"
                                "      Diagnosed by a specialist? = No or Unknown\n"));
    assert_non_null(strstr(buf, "\nSignature:  ____"));
    free(buf);
    paths_free(p);
    model_free(q);
}

/* A questionnaire whose every answer leads to one outcome prints one alternative that says
 * the answers do not matter. */
static void single_outcome(void **state)
{
    (void)state;
    struct questionnaire *q = load_text(HEADER "sections:\n  - id: s\n    title: S\n"
                                               "    questions:\n      - id: x\n"
                                               "        type: yesno\n        text: X?\n"
                                               "roles:\n  - role: single\n");
    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    assert_int_equal(paths_outcome_count(p), 1);
    const struct paths_outcome *o = paths_outcome_get(p, 0);
    assert_int_equal(o->end, PATHS_END_ROLE);
    assert_int_equal(o->eligibility, ELIG_ELIGIBLE);
    assert_int_equal(o->role, ROLE_SINGLE);
    char *example = paths_example(p, 0, 3);
    assert_string_equal(example, "(whatever the answers)");
    free(example);
    assert_null(paths_outcome_get(p, 1));
    paths_free(p);
    model_free(q);
}

/* ---- random questionnaires ---- */

/* A small deterministic generator (xorshift64), so every run checks the same files. */
static uint64_t rng_state = UINT64_C(0x9e3779b97f4a7c15);

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

struct gen {
    char *s;
    size_t len, cap;
    enum question_type types[8];
    size_t n_questions, n_findings;
};

static void emit(struct gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(struct gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    if (g->len + (size_t)n + 1 > g->cap) {
        g->cap = 2 * (g->len + (size_t)n + 1);
        g->s = xreallocarray(g->s, g->cap, 1);
    }
    va_start(ap, fmt);
    vsnprintf(g->s + g->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    g->len += (size_t)n;
}

/* A leaf on question qi, of a kind that fits its type. */
static void gen_leaf(struct gen *g, size_t qi)
{
    static const char *const yesno[] = {"is: yes", "is: no", "is: unknown", "in: [yes, unknown]"};
    static const char *const choice[] = {"is: a", "is: b", "in: [a, c]", "in: [b, c]"};
    static const char *const multi[] = {"is: x", "in: [x, y]", "includes: [x, z]", "is: none"};
    static const char *const number[] = {"below: 18", "at_most: 5", "above: 5", "at_least: 18",
                                         "is: 5"};
    if (rnd(7) == 0) {
        emit(g, "{question: q%zu, answered: %s}", qi, rnd(2) ? "true" : "false");
        return;
    }
    switch (g->types[qi]) {
    case QTYPE_YESNO:
        emit(g, "{question: q%zu, %s}", qi, yesno[rnd(4)]);
        break;
    case QTYPE_CHOICE:
        emit(g, "{question: q%zu, %s}", qi, choice[rnd(4)]);
        break;
    case QTYPE_MULTI:
        emit(g, "{question: q%zu, %s}", qi, multi[rnd(4)]);
        break;
    case QTYPE_NUMBER:
        emit(g, "{question: q%zu, %s}", qi, number[rnd(5)]);
        break;
    default:
        emit(g, "{question: q%zu, answered: %s}", qi, rnd(2) ? "true" : "false");
        break;
    }
}

/* A condition on questions [0, below), findings [0, findings) and, when `eligibility`, the
 * verdict. */
static void gen_cond(struct gen *g, size_t below, size_t findings, bool eligibility, int depth)
{
    static const char *const eligibilities[] = {"not_eligible", "deferred", "refer_for_diagnosis",
                                                "eligible_with_precautions", "eligible"};
    unsigned kind = rnd(depth > 0 ? 6 : 4);
    if (kind == 0 && findings > 0) {
        emit(g, "{finding: f%u}", rnd((unsigned)findings));
    } else if (kind == 1 && eligibility) {
        emit(g, "{eligibility: [%s, %s]}", eligibilities[rnd(5)], eligibilities[rnd(5)]);
    } else if (kind == 4) {
        emit(g, "{not: ");
        gen_cond(g, below, findings, eligibility, depth - 1);
        emit(g, "}");
    } else if (kind == 5) {
        emit(g, "{%s: [", rnd(2) ? "all" : "any");
        gen_cond(g, below, findings, eligibility, depth - 1);
        emit(g, ", ");
        gen_cond(g, below, findings, eligibility, depth - 1);
        emit(g, "]}");
    } else {
        gen_leaf(g, rnd((unsigned)below));
    }
}

static char *gen_questionnaire(void)
{
    static const char *const severities[] = {"absolute", "temporary", "precaution", "info"};
    struct gen g = {0};
    g.n_questions = 2 + rnd(4);
    g.n_findings = 1 + rnd(3);
    emit(&g, HEADER "sections:\n  - id: s\n    title: S\n    questions:\n");
    for (size_t i = 0; i < g.n_questions; i++) {
        static const enum question_type types[] = {QTYPE_YESNO, QTYPE_CHOICE, QTYPE_MULTI,
                                                   QTYPE_NUMBER, QTYPE_TEXT};
        enum question_type t = types[rnd(5)];
        g.types[i] = t;
        emit(&g, "      - id: q%zu\n        type: %s\n        text: Q\n", i, model_qtype_name(t));
        if (t != QTYPE_TEXT && rnd(5) == 0)
            emit(&g, "        required: false\n");
        if (i > 0 && rnd(5) < 2) {
            emit(&g, "        when: ");
            gen_cond(&g, i, 0, false, 1);
            emit(&g, "\n");
        }
        if (t == QTYPE_NUMBER)
            emit(&g, "        min: 0\n        max: 120\n");
        if (t == QTYPE_CHOICE || t == QTYPE_MULTI) {
            const char *const *values = t == QTYPE_CHOICE
                                            ? (const char *const[]){"a", "b", "c"}
                                            : (const char *const[]){"none", "x", "y", "z"};
            size_t n = t == QTYPE_CHOICE ? 3 : 4;
            emit(&g, "        options:\n");
            for (size_t o = 0; o < n; o++) {
                emit(&g, "          - {value: %s, text: O%s", values[o],
                     t == QTYPE_MULTI && o == 0 ? ", exclusive: true" : "");
                if (i > 0 && o > 0 && rnd(6) == 0) {
                    emit(&g, ", when: ");
                    gen_cond(&g, i, 0, false, 0);
                }
                emit(&g, "}\n");
            }
        }
        if (t != QTYPE_NUMBER && t != QTYPE_TEXT && rnd(2)) {
            const char *value = t == QTYPE_YESNO    ? (rnd(2) ? "yes" : "unknown")
                                : t == QTYPE_CHOICE ? (rnd(2) ? "a" : "b")
                                                    : (rnd(2) ? "x" : "y");
            unsigned f = rnd((unsigned)g.n_findings);
            emit(&g, "        raises: {%s: f%u", value, f);
            /* Sometimes a second value raising the same finding, or another. */
            if (rnd(2)) {
                const char *other = t == QTYPE_YESNO ? "no" : t == QTYPE_CHOICE ? "c" : "z";
                emit(&g, ", %s: f%u", other, rnd(2) ? f : rnd((unsigned)g.n_findings));
            }
            emit(&g, "}\n");
        }
    }
    emit(&g, "findings:\n");
    for (size_t f = 0; f < g.n_findings; f++) {
        emit(&g, "  - id: f%zu\n    severity: %s\n    text: F\n", f, severities[rnd(4)]);
        if (rnd(4) == 0)
            emit(&g, "    verdict: refer_for_diagnosis\n");
        if (rnd(3)) {
            emit(&g, "    when: ");
            gen_cond(&g, g.n_questions, f, false, 2); /* earlier findings only: no cycles */
            emit(&g, "\n");
        }
    }
    emit(&g, "roles:\n");
    static const char *const roles[] = {"single", "adjuvant", "undetermined", "none"};
    for (unsigned r = 0, n = 1 + rnd(3); r < n; r++) {
        emit(&g, "  - role: %s\n    when: ", roles[rnd(4)]);
        gen_cond(&g, g.n_questions, g.n_findings, true, 2);
        emit(&g, "\n");
    }
    if (rnd(2))
        emit(&g, "  - role: single\n");
    return g.s;
}

/* Random questionnaires (findings on findings, options offered on conditions, optional
 * questions, all kinds of tests): the analysis agrees with brute force on every one. */
static void matches_brute_force_random(void **state)
{
    (void)state;
    for (int round = 0; round < 400; round++) {
        char *yaml = gen_questionnaire();
        struct diags d = DIAGS_INIT;
        struct questionnaire *q = NULL;
        if (loader_load_buffer("r.yaml", yaml, strlen(yaml), &d, &q) != LOAD_OK) {
            diags_print(&d, stderr);
            fail_msg("round %d: generated file does not load:\n%s", round, yaml);
        }
        validator_check(q, &d);
        for (size_t i = 0; i < d.n; i++)
            if (d.items[i].level == DIAG_ERROR && !strstr(d.items[i].message, "never asked") &&
                !strstr(d.items[i].message, "no role row matches") &&
                !strstr(d.items[i].message, "offers none of its options")) {
                diags_print(&d, stderr);
                fail_msg("round %d: unexpected error in:\n%s", round, yaml);
            }
        diags_clear(&d);
        q->resolved = true; /* every name is resolved; only paths were found wanting */
        cross_check(q);
        model_free(q);
        free(yaml);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matches_brute_force_minimal),
        cmocka_unit_test(matches_brute_force_staging),
        cmocka_unit_test(matches_brute_force_tricky),
        cmocka_unit_test(matches_brute_force_random),
        cmocka_unit_test(budget_stops_the_analysis),
        cmocka_unit_test(too_many_tested_options),
        cmocka_unit_test(cover_stops_for_classes_like_check),
        cmocka_unit_test(cover_tells_raises_apart),
        cmocka_unit_test(printed_table),
        cmocka_unit_test(single_outcome),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
