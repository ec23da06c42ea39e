/* test_report.c - the three report formats over a small questionnaire built in C: content,
 * 80 columns, escaping, the FHIR shape R4 requires, reproducibility and report_time. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "digest.h"
#include "model.h"
#include "report.h"
#include "rules.h"
#include "utf8.h"
#include "walk.h"
#include "xalloc.h"

/* ---- a small resolved questionnaire -------------------------------------------------- */

/* A text of the questionnaire's one language. */
static struct text T(const char *s) {
    struct text t = {0};
    t.by_lang = xcalloc(1, sizeof *t.by_lang);
    t.by_lang[0] = xstrdup(s);
    return t;
}

enum {
    Q_SEX,
    Q_AGE,
    Q_BLEEDING,
    Q_MEDS,
    Q_NOTES,
    Q_COUNT
};
enum { F_BLEED, F_BLEED_UNKNOWN, F_ASPIRIN, F_COUNT };

static void raise_on(struct question *qn, const char *value, int vi, const char *finding, int fi)
{
    qn->raises = xreallocarray(qn->raises, qn->n_raises + 1, sizeof *qn->raises);
    qn->raises[qn->n_raises++] = (struct raise){.value = xstrdup(value),
                                                .value_index = vi,
                                                .finding = xstrdup(finding),
                                                .finding_index = fi};
}

static struct questionnaire *test_questionnaire(void)
{
    struct questionnaire *q = xcalloc(1, sizeof *q);
    q->file = xstrdup("test.yaml");
    q->source = xstrdup("format: mesoscreen/1\n# test source\n");
    q->source_len = strlen(q->source);
    q->id = xstrdup("test-screening");
    q->version = xstrdup("2.1 beta");
    q->title = T("Test screening");
    q->languages[0] = xstrdup("en");
    q->n_languages = 1;

    q->n_sections = 2;
    q->sections = xcalloc(2, sizeof *q->sections);
    q->sections[0] = (struct section){
        .id = xstrdup("patient"), .title = T("Patient"), .first_question = 0, .n_questions = 2};
    q->sections[1] = (struct section){
        .id = xstrdup("safety"), .title = T("Safety"), .first_question = 2, .n_questions = 3};

    q->n_questions = Q_COUNT;
    q->questions = xcalloc(Q_COUNT, sizeof *q->questions);
    struct question *qs = q->questions;
    qs[Q_SEX] = (struct question){.id = xstrdup("sex"),
                                  .type = QTYPE_CHOICE,
                                  .section = 0,
                                  .text = T("Sex"),
                                  .required = true,
                                  .n_options = 2};
    qs[Q_SEX].options = xcalloc(2, sizeof(struct qoption));
    qs[Q_SEX].options[0] = (struct qoption){.value = xstrdup("female"), .text = T("Female")};
    qs[Q_SEX].options[1] = (struct qoption){.value = xstrdup("male"), .text = T("Male")};
    qs[Q_AGE] = (struct question){.id = xstrdup("age"),
                                  .type = QTYPE_NUMBER,
                                  .section = 0,
                                  .text = T("Age"),
                                  .required = true,
                                  .min = 0,
                                  .max = 120,
                                  .unit = T("years")};
    qs[Q_BLEEDING] = (struct question){
        .id = xstrdup("bleeding"),
        .type = QTYPE_YESNO,
        .section = 1,
        .required = true,
        .text = T("Does the patient have a bleeding disorder (hemophilia, von Willebrand "
                  "disease, low platelets or another clotting disorder)?")};
    raise_on(&qs[Q_BLEEDING], "yes", YESNO_YES, "bleed", F_BLEED);
    raise_on(&qs[Q_BLEEDING], "unknown", YESNO_UNKNOWN, "bleed_unknown", F_BLEED_UNKNOWN);
    qs[Q_MEDS] = (struct question){.id = xstrdup("meds"),
                                   .type = QTYPE_MULTI,
                                   .section = 1,
                                   .text = T("Medication now"),
                                   .required = true,
                                   .n_options = 3};
    qs[Q_MEDS].options = xcalloc(3, sizeof(struct qoption));
    qs[Q_MEDS].options[0] =
        (struct qoption){.value = xstrdup("none"), .text = T("None"), .exclusive = true};
    qs[Q_MEDS].options[1] = (struct qoption){.value = xstrdup("aspirin"), .text = T("Aspirin")};
    qs[Q_MEDS].options[2] = (struct qoption){.value = xstrdup("prp"), .text = T("PRP")};
    raise_on(&qs[Q_MEDS], "aspirin", 1, "aspirin", F_ASPIRIN);
    qs[Q_NOTES] = (struct question){.id = xstrdup("notes"),
                                    .type = QTYPE_TEXT,
                                    .section = 1,
                                    .text = T("Practitioner notes"),
                                    .required = false};

    q->n_findings = F_COUNT;
    q->findings = xcalloc(F_COUNT, sizeof *q->findings);
    q->findings[F_BLEED] = (struct finding){.id = xstrdup("bleed"),
                                            .severity = SEV_ABSOLUTE,
                                            .verdict = ELIG_NOT_ELIGIBLE,
                                            .text = T("Bleeding disorder: no injections.")};
    q->findings[F_BLEED_UNKNOWN] = (struct finding){.id = xstrdup("bleed_unknown"),
                                                    .severity = SEV_TEMPORARY,
                                                    .verdict = ELIG_DEFERRED,
                                                    .text = T("Bleeding disorder not ruled out.")};
    q->findings[F_ASPIRIN] = (struct finding){.id = xstrdup("aspirin"),
                                              .severity = SEV_PRECAUTION,
                                              .verdict = ELIG_ELIGIBLE_WITH_PRECAUTIONS,
                                              .text = T("Antiplatelet.")};

    q->n_role_rules = 1;
    q->role_rules = xcalloc(1, sizeof *q->role_rules);
    q->role_rules[0] = (struct role_rule){.role = ROLE_SINGLE};

    q->n_recommendations = 2;
    q->recommendations = xcalloc(2, sizeof *q->recommendations);
    q->recommendations[0] = (struct recommendation){
        .id = xstrdup("course"), .kind = REC_COURSE, .text = T("4 to 10 sessions.")};
    q->recommendations[1] = (struct recommendation){
        .id = xstrdup("aftercare"), .kind = REC_AFTERCARE, .text = T("Mild pain can follow.")};
    q->resolved = true;
    return q;
}

/* A finished screening of q: the walk, its outcome and the report's metadata. */
struct screening {
    struct questionnaire *q;
    struct walk *w;
    struct outcome o;
    struct report_meta m;
};

static void set(struct screening *s, size_t qi, struct answer a)
{
    a.given = true;
    assert_true(walk_set(s->w, qi, &a));
}

static void screening_start(struct screening *s, int bleeding, uint64_t meds, const char *notes)
{
    memset(s, 0, sizeof *s);
    s->q = test_questionnaire();
    s->w = walk_new(s->q);
    set(s, Q_SEX, (struct answer){.choice = 0});
    set(s, Q_AGE, (struct answer){.number = 34});
    set(s, Q_BLEEDING, (struct answer){.choice = bleeding});
    set(s, Q_MEDS, (struct answer){.selected = meds});
    if (notes)
        set(s, Q_NOTES, (struct answer){.text = (char *)notes});
    walk_visit(s->w, Q_NOTES);
    assert_true(walk_complete(s->w));
    assert_true(rules_evaluate(s->w, &s->o));
    s->m = (struct report_meta){.patient = "P-0042",
                                .practitioner = "Dra. Núñez Ibáñez",
                                .when = 1795596180, /* 2026-11-25T08:43:00Z */
                                .lang = 0};
}

static void screening_end(struct screening *s)
{
    outcome_free(&s->o);
    walk_free(s->w);
    model_free(s->q);
}

static char *render(struct screening *s, enum report_format f)
{
    size_t len = 0;
    char *err = NULL;
    char *out = report_render(f, s->w, &s->o, &s->m, &len, &err);
    assert_null(err);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    assert_true(len > 0 && out[len - 1] == '\n');
    return out;
}

static json_t *render_json(struct screening *s, enum report_format f)
{
    char *out = render(s, f);
    json_error_t err;
    json_t *root = json_loads(out, 0, &err);
    if (!root)
        fail_msg("invalid JSON at %d:%d: %s\n%s", err.line, err.column, err.text, out);
    free(out);
    return root;
}

/* ---- formats and time ---------------------------------------------------------------- */

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(report_format_parse("text"), REPORT_TEXT);
    assert_int_equal(report_format_parse("json"), REPORT_JSON);
    assert_int_equal(report_format_parse("fhir"), REPORT_FHIR);
    assert_int_equal(report_format_parse("xml"), -1);
    assert_int_equal(report_format_parse(""), -1);
    assert_int_equal(report_format_parse(NULL), -1);
    assert_string_equal(report_format_extension(REPORT_TEXT), "txt");
    assert_string_equal(report_format_extension(REPORT_JSON), "json");
    assert_string_equal(report_format_extension(REPORT_FHIR), "json");
}

static void test_report_time(void **state)
{
    (void)state;
    char *err = NULL;
    static const char *const bad[] = {
        "", "-1", "12a", " 12", "1.5", "0x10", "1e9", "99999999999999999999999", "253402214401"};

    assert_int_equal(setenv("SOURCE_DATE_EPOCH", "1795596180", 1), 0);
    assert_int_equal(report_time(&err), 1795596180);
    assert_null(err);
    assert_int_equal(setenv("SOURCE_DATE_EPOCH", "0", 1), 0);
    assert_int_equal(report_time(&err), 0);
    assert_null(err);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(setenv("SOURCE_DATE_EPOCH", bad[i], 1), 0);
        assert_int_equal(report_time(&err), (time_t)-1);
        assert_non_null(err);
        assert_non_null(strstr(err, "SOURCE_DATE_EPOCH"));
        free(err);
        err = NULL;
    }
    assert_int_equal(unsetenv("SOURCE_DATE_EPOCH"), 0);
    time_t before = time(NULL), t = report_time(&err);
    assert_null(err);
    assert_true(t >= before && t <= time(NULL));
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void test_json_content(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_YES, 1u << 1 | 1u << 2, "Prefers evening sessions.");
    json_t *root = render_json(&s, REPORT_JSON);
    char sha[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(s.q->source, s.q->source_len, sha);

    /* Keys in the documented order. */
    static const char *const keys[] = {"questionnaire", "mesoscreen_version",
                                       "language",      "disclaimer",
                                       "clinic",        "patient",
                                       "patient_name",  "birth_date",
                                       "answered_by",   "practitioner",
                                       "timestamp",     "replaces",
                                       "eligibility",   "role",
                                       "findings",      "recommendations",
                                       "answers"};
    size_t k = 0;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        assert_true(k < sizeof keys / sizeof keys[0]);
        assert_string_equal(key, keys[k++]);
    }
    assert_int_equal(k, sizeof keys / sizeof keys[0]);

    json_t *qj = json_object_get(root, "questionnaire");
    assert_string_equal(json_string_value(json_object_get(qj, "id")), "test-screening");
    assert_string_equal(json_string_value(json_object_get(qj, "version")), "2.1 beta");
    assert_string_equal(json_string_value(json_object_get(qj, "sha256")), sha);
    assert_string_equal(json_string_value(json_object_get(root, "practitioner")),
                        "Dra. Núñez Ibáñez");
    assert_string_equal(json_string_value(json_object_get(root, "timestamp")),
                        "2026-11-25T08:43:00+00:00");
    assert_string_equal(json_string_value(json_object_get(root, "eligibility")), "not_eligible");
    assert_string_equal(json_string_value(json_object_get(root, "role")), "single");

    json_t *findings = json_object_get(root, "findings");
    assert_int_equal(json_array_size(findings), 2);
    json_t *f0 = json_array_get(findings, 0);
    assert_string_equal(json_string_value(json_object_get(f0, "id")), "bleed");
    assert_string_equal(json_string_value(json_object_get(f0, "severity")), "absolute");
    json_t *b0 = json_array_get(json_object_get(f0, "because"), 0);
    assert_string_equal(json_string_value(json_object_get(b0, "question")), "bleeding");
    assert_string_equal(json_string_value(json_object_get(b0, "answer")), "yes");
    json_t *f1 = json_array_get(findings, 1);
    assert_string_equal(json_string_value(json_object_get(f1, "id")), "aspirin");
    json_t *b1 = json_object_get(json_array_get(json_object_get(f1, "because"), 0), "answer");
    assert_true(json_is_array(b1));

    json_t *recs = json_object_get(root, "recommendations");
    assert_int_equal(json_array_size(recs), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(recs, 0), "kind")),
                        "course");

    json_t *answers = json_object_get(root, "answers");
    assert_int_equal(json_array_size(answers), Q_COUNT);
    json_t *age = json_object_get(json_array_get(answers, Q_AGE), "answer");
    assert_true(json_is_integer(age));
    assert_int_equal(json_integer_value(age), 34);
    json_t *meds = json_object_get(json_array_get(answers, Q_MEDS), "answer");
    assert_int_equal(json_array_size(meds), 2);
    assert_string_equal(json_string_value(json_array_get(meds, 0)), "aspirin");
    assert_string_equal(json_string_value(json_array_get(meds, 1)), "prp");
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(answers, Q_NOTES), "answer")),
        "Prefers evening sessions.");
    assert_string_equal(json_string_value(json_object_get(json_array_get(answers, Q_SEX), "text")),
                        "Sex");
    json_decref(root);
    screening_end(&s);
}

/* An optional question left empty is null; a missing patient is null. */
static void test_json_nulls(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    s.m.patient = NULL;
    json_t *root = render_json(&s, REPORT_JSON);
    assert_true(json_is_null(json_object_get(root, "patient")));
    assert_string_equal(json_string_value(json_object_get(root, "eligibility")), "eligible");
    assert_int_equal(json_array_size(json_object_get(root, "findings")), 0);
    json_t *answers = json_object_get(root, "answers");
    assert_true(json_is_null(json_object_get(json_array_get(answers, Q_NOTES), "answer")));
    json_decref(root);
    screening_end(&s);
}

/* Invalid UTF-8 from the command line still gives valid JSON (U+FFFD). */
static void test_json_invalid_utf8(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    s.m.patient = "P\xff-1";
    json_t *root = render_json(&s, REPORT_JSON);
    assert_string_equal(json_string_value(json_object_get(root, "patient")), "P\xEF\xBF\xBD-1");
    json_decref(root);
    screening_end(&s);
}

/* ---- text ---------------------------------------------------------------------------- */

/* Pages of at most 60 lines of at most 80 columns, a form feed before every page but the
 * first, and no other control character. */
static void assert_lines_fit(const char *out)
{
    const char *p = out;
    int lineno = 1, page_lines = 0;
    while (*p) {
        if (*p == '\f') {
            page_lines = 0;
            p++;
        }
        if (++page_lines > 60)
            fail_msg("line %d: a page of more than 60 lines", lineno);
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        char *line = xstrndup(p, (size_t)(nl - p));
        if (utf8_width(line) > 80)
            fail_msg("line %d is %zu columns: %s", lineno, utf8_width(line), line);
        for (const char *c = line; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                fail_msg("control character in line %d", lineno);
        free(line);
        p = nl + 1;
        lineno++;
    }
}

static void test_text_content(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_YES, 1u << 1, "Line one of the notes.\nLine two.");
    char *out = render(&s, REPORT_TEXT);
    if (getenv("SHOW_REPORT"))
        fputs(out, stderr);
    assert_lines_fit(out);
    static const char *const expected[] = {
        "Test screening",
        "Questionnaire: test-screening, version 2.1 beta.",
        "Page 1 of 2",
        "\fClinic: (not stated)",
        "Page 2 of 2\nPatient: P-0042 ",
        "Patient:",
        "P-0042",
        "Dra. Núñez Ibáñez",
        "2026-11-25 08:43 (UTC+00:00)",
        "#  VERDICT:  NOT ELIGIBLE",
        "#  ROLE:     SINGLE TREATMENT",
        "Contraindications\n  - Bleeding disorder: no injections.\n    because:",
        "another clotting disorder)? \xe2\x80\x94\n             Yes\n",
        /* the raising value only: aspirin raised it, not PRP also ticked */
        "Precautions\n  - Antiplatelet.\n    because: Medication now \xe2\x80\x94 Aspirin\n",
        "Treatment course\n  - 4 to 10 sessions.\n",
        "Aftercare\n  - Mild pain can follow.\n",
        "  Age\n    > 34 years\n",
        "  Sex\n    > Female\n",
        "    > Yes\n",
        "    > Aspirin\n",
        /* Every note line indented: none can pass for a line of the report's own. */
        "PRACTITIONER NOTES\n  Line one of the notes.\n  Line two.\n",
        "the final decision on treatment.",
        "PATIENT DECLARATION\nMy answers are true and complete.",
        "Patient or guardian: ___",
        "PHYSICIAN'S DECISION\n[ ] Treat    [ ] Defer    [ ] Decline\n",
        "Treating physician: ___",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (!strstr(out, expected[i]))
            fail_msg("missing \"%s\"", expected[i]);
    /* The SHA-256 of the source is printed whole. */
    char sha[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(s.q->source, s.q->source_len, sha);
    assert_non_null(strstr(out, sha));
    free(out);
    screening_end(&s);
}

/* Hostile metadata: long ids wrap inside 80 columns, escapes never reach the output raw. */
static void test_text_hostile(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_UNKNOWN, 1u, NULL);
    char long_id[301];
    memset(long_id, 'X', 300);
    long_id[300] = '\0';
    s.m.patient = long_id;
    s.m.practitioner = "Dr. \x1b[31mRed\x1b[0m\tTab\x7f";
    char *out = render(&s, REPORT_TEXT);
    assert_lines_fit(out);
    assert_non_null(strstr(out, "Dr. \\x1B[31mRed\\x1B[0m Tab\\x7F"));
    assert_null(strchr(out, '\x1b'));
    assert_non_null(strstr(out, "#  VERDICT:  DEFERRED"));
    assert_non_null(strstr(out, "because: Does the patient have a bleeding disorder"));
    assert_non_null(strstr(out, "PRACTITIONER NOTES\nNone.\n"));
    free(out);
    screening_end(&s);
}

/* The questionnaire's labels replace the English headings. */
static void test_text_labels(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    s.q->n_labels = 5;
    s.q->labels = xcalloc(5, sizeof *s.q->labels);
    s.q->labels[0] = (struct label){.key = xstrdup("verdict"), .text = T("DICTAMEN:")};
    s.q->labels[1] = (struct label){.key = xstrdup("verdict_eligible"), .text = T("APTO")};
    /* Newlines and over-long words in labels that go on one line never break the page. */
    s.q->labels[2] = (struct label){.key = xstrdup("page"), .text = T("Pá\ngina")};
    s.q->labels[3] = (struct label){.key = xstrdup("signature"), .text = T("Fir\nma:")};
    char long_label[200];
    memset(long_label, 'L', sizeof long_label - 1);
    long_label[sizeof long_label - 1] = '\0';
    s.q->labels[4] = (struct label){.key = xstrdup("signature_patient"), .text = T(long_label)};
    char *out = render(&s, REPORT_TEXT);
    assert_lines_fit(out);
    assert_non_null(strstr(out, "#  DICTAMEN:  APTO"));
    assert_non_null(strstr(out, "Pá\\x0Agina 1 of 2"));
    assert_non_null(strstr(out, "Fir\\x0Ama: ___"));
    assert_non_null(strstr(out, "#  ROLE:"));
    free(out);
    screening_end(&s);
}

/* ---- FHIR ---------------------------------------------------------------------------- */

/* value[x] of a QuestionnaireResponse.item.answer in R4. */
static const char *const fhir_value_types[] = {"valueBoolean", "valueDecimal",  "valueInteger",
                                               "valueDate",    "valueDateTime", "valueTime",
                                               "valueString",  "valueUri",      "valueAttachment",
                                               "valueCoding",  "valueQuantity", "valueReference"};

static void check_fhir_items(json_t *items);

static void check_fhir_answer(json_t *answer)
{
    size_t n_values = 0;
    const char *key;
    json_t *v;
    json_object_foreach(answer, key, v)
    {
        if (strcmp(key, "item") == 0) {
            check_fhir_items(v);
            continue;
        }
        bool known = false;
        for (size_t i = 0; i < sizeof fhir_value_types / sizeof fhir_value_types[0]; i++)
            known |= strcmp(key, fhir_value_types[i]) == 0;
        if (!known)
            fail_msg("unexpected answer key %s", key);
        n_values++;
        if (strcmp(key, "valueCoding") == 0) {
            assert_true(json_is_string(json_object_get(v, "system")));
            assert_true(json_is_string(json_object_get(v, "code")));
        }
        if (strcmp(key, "valueInteger") == 0) {
            assert_true(json_is_integer(v));
            assert_true(json_integer_value(v) >= INT32_MIN && json_integer_value(v) <= INT32_MAX);
        }
        if (strcmp(key, "valueString") == 0)
            assert_true(json_is_string(v) && json_string_length(v) > 0);
    }
    assert_int_equal(n_values, 1);
}

static void check_fhir_items(json_t *items)
{
    assert_true(json_is_array(items));
    assert_true(json_array_size(items) > 0);
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        json_t *link = json_object_get(it, "linkId");
        assert_true(json_is_string(link) && json_string_length(link) > 0);
        json_t *answers = json_object_get(it, "answer"), *sub = json_object_get(it, "item");
        assert_false(answers && sub); /* qrs-1: an item holds answers or items, not both */
        if (answers) {
            size_t k;
            json_t *a;
            assert_true(json_array_size(answers) > 0);
            json_array_foreach(answers, k, a) check_fhir_answer(a);
        }
        if (sub)
            check_fhir_items(sub);
    }
}

/* Finds the item with this linkId anywhere under items. */
static json_t *fhir_find(json_t *items, const char *link)
{
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        if (strcmp(json_string_value(json_object_get(it, "linkId")), link) == 0)
            return it;
        json_t *sub = json_object_get(it, "item");
        json_t *found = sub ? fhir_find(sub, link) : NULL;
        if (found)
            return found;
    }
    return NULL;
}

static json_t *fhir_coding0(json_t *items, const char *link)
{
    json_t *it = fhir_find(items, link);
    if (!it)
        fail_msg("no item %s", link);
    return json_object_get(json_array_get(json_object_get(it, "answer"), 0), "valueCoding");
}

/* The entry of the bundle holding a resource of this type. */
static json_t *fhir_entry(json_t *bundle, const char *type)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(bundle, "entry"), i, e)
    {
        const char *t =
            json_string_value(json_object_get(json_object_get(e, "resource"), "resourceType"));
        if (t && strcmp(t, type) == 0)
            return e;
    }
    fail_msg("no %s in the bundle", type);
    return NULL;
}

static void test_fhir_shape(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_UNKNOWN, 1u << 1 | 1u << 2, "Some notes.");
    json_t *bundle = render_json(&s, REPORT_FHIR);
    assert_string_equal(json_string_value(json_object_get(bundle, "resourceType")), "Bundle");
    assert_string_equal(json_string_value(json_object_get(bundle, "type")), "transaction");
    assert_int_equal(json_array_size(json_object_get(bundle, "entry")), 2);
    json_t *qe = fhir_entry(bundle, "QuestionnaireResponse"),
           *oe = fhir_entry(bundle, "Observation");
    json_t *root = json_object_get(qe, "resource"), *obs = json_object_get(oe, "resource");

    /* One identifier on both, never equal to (or inside) a fullUrl; conditional creates on it. */
    const char *ident =
        json_string_value(json_object_get(json_object_get(root, "identifier"), "value"));
    assert_non_null(ident);
    assert_int_equal(strncmp(ident, "urn:uuid:", 9), 0);
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(obs, "identifier"), 0), "value")),
                        ident);
    const char *full_q = json_string_value(json_object_get(qe, "fullUrl"));
    const char *full_o = json_string_value(json_object_get(oe, "fullUrl"));
    assert_null(strstr(ident, full_q));
    assert_null(strstr(ident, full_o));
    assert_string_not_equal(full_q, full_o);
    const char *if_none =
        json_string_value(json_object_get(json_object_get(qe, "request"), "ifNoneExist"));
    assert_non_null(if_none);
    assert_non_null(strstr(if_none, "identifier=urn%3Aietf%3Arfc%3A3986%7Curn%3Auuid%3A"));
    assert_non_null(strstr(if_none, ident + 9));

    assert_string_equal(json_string_value(json_object_get(root, "status")), "completed");
    assert_string_equal(json_string_value(json_object_get(root, "language")), "en");
    /* authored: a dateTime with seconds and a time zone. */
    const char *authored = json_string_value(json_object_get(root, "authored"));
    assert_non_null(authored);
    int y, mo, d, h, mi, sec, oh, om;
    char sign;
    assert_int_equal(sscanf(authored, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi,
                            &sec, &sign, &oh, &om),
                     9);
    assert_int_equal(strlen(authored), 25);
    assert_true(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && sec < 60);
    assert_true(sign == '+' || sign == '-');
    /* No url: a urn:uuid of id and version; the version encoded where a canonical needs it. */
    const char *canonical = json_string_value(json_object_get(root, "questionnaire"));
    assert_int_equal(strncmp(canonical, "urn:uuid:", 9), 0);
    assert_string_equal(canonical + 45, "|2.1%20beta");
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(root, "subject"), "identifier"), "value")),
        "P-0042");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(root, "author"), "display")),
        "Dra. Núñez Ibáñez");

    json_t *items = json_object_get(root, "item");
    check_fhir_items(items);
    /* Sections are groups whose linkId cannot be a question's. */
    assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "linkId")),
                        "section.patient");
    json_t *c = fhir_coding0(items, "bleeding");
    assert_string_equal(json_string_value(json_object_get(c, "system")),
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason");
    assert_string_equal(json_string_value(json_object_get(c, "code")), "asked-unknown");
    c = fhir_coding0(items, "sex");
    assert_string_equal(json_string_value(json_object_get(c, "code")), "female");
    assert_int_equal(strncmp(json_string_value(json_object_get(c, "system")), "urn:uuid:", 9), 0);
    assert_int_equal(json_array_size(json_object_get(fhir_find(items, "meds"), "answer")), 2);
    json_t *age = json_array_get(json_object_get(fhir_find(items, "age"), "answer"), 0);
    assert_int_equal(json_integer_value(json_object_get(age, "valueInteger")), 34);
    /* No outcome among the answers. */
    assert_null(fhir_find(items, "mesoscreen.outcome"));

    /* The outcome: the verdict, and the finding with its severity and the answer behind it. */
    assert_string_equal(json_string_value(json_object_get(obs, "status")), "final");
    json_t *verdict =
        json_array_get(json_object_get(json_object_get(obs, "valueCodeableConcept"), "coding"), 0);
    assert_string_equal(json_string_value(json_object_get(verdict, "code")), "deferred");
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(obs, "derivedFrom"), 0), "reference")),
                        full_q);
    bool found = false;
    size_t i;
    json_t *comp;
    json_array_foreach(json_object_get(obs, "component"), i, comp)
    {
        json_t *code = json_array_get(json_object_get(json_object_get(comp, "code"), "coding"), 0);
        if (strcmp(json_string_value(json_object_get(code, "code")), "bleed_unknown") != 0)
            continue;
        found = true;
        json_t *sev = json_array_get(
            json_object_get(json_object_get(comp, "valueCodeableConcept"), "coding"), 0);
        assert_string_equal(json_string_value(json_object_get(sev, "code")), "temporary");
        json_t *ext = json_array_get(json_object_get(comp, "extension"), 0);
        json_t *path = json_array_get(json_object_get(ext, "extension"), 1);
        assert_non_null(
            strstr(json_string_value(json_object_get(path, "valueString")), "linkId = 'bleeding'"));
    }
    assert_true(found);
    json_decref(bundle);
    screening_end(&s);
}

static void test_fhir_yes_no(void **state)
{
    (void)state;
    static const struct {
        int choice;
        const char *code;
    } cases[] = {{YESNO_YES, "Y"}, {YESNO_NO, "N"}};
    for (size_t i = 0; i < 2; i++) {
        struct screening s;
        screening_start(&s, cases[i].choice, 1u, NULL);
        s.m.patient = NULL;
        s.m.practitioner = NULL;
        json_t *bundle = render_json(&s, REPORT_FHIR);
        json_t *root = json_object_get(fhir_entry(bundle, "QuestionnaireResponse"), "resource");
        assert_null(json_object_get(root, "subject"));
        assert_null(json_object_get(root, "author"));
        assert_null(json_object_get(json_object_get(fhir_entry(bundle, "Observation"), "resource"),
                                    "subject"));
        json_t *items = json_object_get(root, "item");
        check_fhir_items(items);
        json_t *c = fhir_coding0(items, "bleeding");
        assert_string_equal(json_string_value(json_object_get(c, "system")),
                            "http://terminology.hl7.org/CodeSystem/v2-0136");
        assert_string_equal(json_string_value(json_object_get(c, "code")), cases[i].code);
        assert_string_equal(json_string_value(json_object_get(c, "display")),
                            cases[i].choice == YESNO_YES ? "Yes" : "No");
        /* The optional notes were reached but not answered: an item without answer. */
        json_t *notes = fhir_find(items, "notes");
        assert_non_null(notes);
        assert_null(json_object_get(notes, "answer"));
        json_decref(bundle);
        screening_end(&s);
    }
}

/* A minted screening id is the identifier; without one, the same screening gets the same. */
static void test_fhir_screening_id(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    s.m.screening_id = "0f0e0d0c-0b0a-4908-8706-050403020100";
    json_t *bundle = render_json(&s, REPORT_FHIR);
    json_t *root = json_object_get(fhir_entry(bundle, "QuestionnaireResponse"), "resource");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(root, "identifier"), "value")),
        "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100");
    json_decref(bundle);
    screening_end(&s);
}

/* ---- every format ------------------------------------------------------------------- */

static void test_reproducible(void **state)
{
    (void)state;
    /* The PDF module is not beside this test: PDFs are tested through the program. */
    for (int f = 0; f < REPORT_PDF; f++) {
        struct screening a, b;
        screening_start(&a, YESNO_YES, 1u << 2, "Notes.");
        screening_start(&b, YESNO_YES, 1u << 2, "Notes.");
        char *ra = render(&a, (enum report_format)f), *rb = render(&b, (enum report_format)f);
        assert_string_equal(ra, rb);
        free(ra);
        free(rb);
        screening_end(&a);
        screening_end(&b);
    }
}

/* The local time zone's offset is shown, in every format. */
/* A correction names the report it replaces, on page 1 of the paper report and in JSON; the
 * people fields appear on page 1 and in every page's header. */
static void test_replaces_and_people(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    s.m.replaces = "2026-11-25_P-0042.txt";
    s.m.patient_name = "Inés Peña";
    s.m.birth_date = "1984-02-29";
    s.m.answered_by = "interpreter";
    s.m.clinic = "Clínica Sol";
    char *text = render(&s, REPORT_TEXT);
    if (getenv("SHOW_REPORT"))
        fputs(text, stderr);
    char *ff = strchr(text, '\f');
    assert_non_null(ff);
    char *replaces = strstr(text, "This report replaces 2026-11-25_P-0042.txt\n");
    assert_true(replaces && replaces < ff);
    assert_non_null(strstr(text, "Patient:       P-0042, Inés Peña, born 1984-02-29\n"));
    assert_non_null(strstr(text, "Answered by:   the patient, through an interpreter\n"));
    assert_non_null(strstr(text, "\fClínica Sol "));
    assert_non_null(strstr(ff, "Patient: P-0042, Inés Peña "));
    free(text);
    json_t *root = render_json(&s, REPORT_JSON);
    assert_string_equal(json_string_value(json_object_get(root, "replaces")),
                        "2026-11-25_P-0042.txt");
    assert_string_equal(json_string_value(json_object_get(root, "answered_by")), "interpreter");
    json_decref(root);
    screening_end(&s);
}

/* So many findings that only the densest page 1 holds them: two to a line, the signed parts
 * still on page 1, the findings in full on page 2. */
static void test_text_many_findings(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_YES, 1u << 1, NULL);
    outcome_free(&s.o);
    enum { N = 36 };
    s.o = (struct outcome){.eligibility = ELIG_NOT_ELIGIBLE, .has_role = true, .role = ROLE_NONE};
    s.o.findings = xcalloc(N, sizeof *s.o.findings);
    s.o.n_findings = N;
    for (size_t i = 0; i < N; i++)
        s.o.findings[i].finding = i * F_COUNT / N; /* grouped, most severe first */
    char *out = render(&s, REPORT_TEXT);
    if (getenv("SHOW_REPORT"))
        fputs(out, stderr);
    assert_lines_fit(out);
    char *ff = strchr(out, '\f');
    assert_non_null(ff);
    *ff = '\0'; /* page 1 alone */
    assert_non_null(strstr(out, "#  VERDICT:  NOT ELIGIBLE"));
    assert_non_null(strstr(out, "PATIENT DECLARATION\n"));
    assert_non_null(strstr(out, "Patient or guardian: ___"));
    assert_non_null(strstr(out, "PHYSICIAN'S DECISION\n"));
    assert_non_null(strstr(out, "Treating physician: ___"));
    /* Two findings to a line, first sentences without their full stop. */
    assert_non_null(strstr(out, "\n  - Bleeding disorder: no injections     - Bleeding disorder"));
    assert_non_null(strstr(out, "- Antiplatelet\n"));
    *ff = '\f';
    assert_non_null(strstr(ff, "FINDINGS IN DETAIL"));
    free(out);
    screening_end(&s);
}

static void test_time_zone(void **state)
{
    (void)state;
    struct screening s;
    screening_start(&s, YESNO_NO, 1u, NULL);
    assert_int_equal(setenv("TZ", "EST5", 1), 0);
    char *text = render(&s, REPORT_TEXT), *json = render(&s, REPORT_JSON),
         *fhir = render(&s, REPORT_FHIR);
    assert_non_null(strstr(text, "2026-11-25 03:43 (UTC-05:00)"));
    assert_non_null(strstr(json, "\"2026-11-25T03:43:00-05:00\""));
    assert_non_null(strstr(fhir, "\"authored\": \"2026-11-25T03:43:00-05:00\""));
    free(text);
    free(json);
    free(fhir);
    assert_int_equal(setenv("TZ", "UTC", 1), 0);
    screening_end(&s);
}

/* Every line of every golden text report is at most 80 characters (code points). */
static void test_golden_text_width(void **state)
{
    (void)state;
    const char *dir = TEST_SOURCE_DIR "/golden/reports";
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n_files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        size_t chars = 0, line = 1;
        int c;
        while ((c = fgetc(f)) != EOF) {
            if (c == '\n') {
                line++, chars = 0;
                continue;
            }
            if (c == '\f' && chars == 0)
                continue; /* a new page */
            if ((c & 0xC0) != 0x80 && ++chars > 80)
                fail_msg("%s:%zu: longer than 80 characters", path, line);
        }
        fclose(f);
        free(path);
        n_files++;
    }
    closedir(d);
    assert_true(n_files >= 8);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),       cmocka_unit_test(test_report_time),
        cmocka_unit_test(test_json_content),       cmocka_unit_test(test_json_nulls),
        cmocka_unit_test(test_json_invalid_utf8),  cmocka_unit_test(test_text_content),
        cmocka_unit_test(test_text_hostile),       cmocka_unit_test(test_text_labels),
        cmocka_unit_test(test_fhir_shape),         cmocka_unit_test(test_fhir_yes_no),
        cmocka_unit_test(test_fhir_screening_id),  cmocka_unit_test(test_reproducible),
        cmocka_unit_test(test_time_zone),          cmocka_unit_test(test_replaces_and_people),
        cmocka_unit_test(test_text_many_findings), cmocka_unit_test(test_golden_text_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
