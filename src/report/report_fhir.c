/* report_fhir.c - the report as an HL7 FHIR R4 QuestionnaireResponse (JSON), so a clinical
 * record system can file the screening with its answers and its outcome.
 *
 * Mapping:
 *   id            "ms-" + 32 hex digits of SHA-256(questionnaire SHA-256, time, patient,
 *                 practitioner): the same screening always gets the same id
 *   questionnaire "urn:mesoscreen:questionnaire:<id>|<version>" (version percent-encoded);
 *                 the questionnaire's SHA-256 in an extension (url urn:mesoscreen:sha256)
 *   status        "completed"; authored: ISO 8601 with UTC offset
 *   subject       {identifier {value: patient}}; author {display: practitioner}; each
 *                 left out when not stated
 *   item[]        one group per section with reached questions (linkId = section id,
 *                 text = title), its items the reached questions (linkId = question id,
 *                 text); answer[] by type: yes/no/unknown as valueCoding from the FHIR
 *                 yesnodontknow value set (v2-0136 Y / N, data-absent-reason
 *                 asked-unknown); choice and multi as valueCoding (system
 *                 urn:mesoscreen:questionnaire:<id>:<question>, code = option value, one
 *                 answer per picked value); number as valueInteger (valueDecimal beyond
 *                 32 bits); text as valueString. A question left unanswered has no answer.
 *   outcome       a last group, linkId "mesoscreen.outcome" (a dot cannot occur in a
 *                 questionnaire id, so it never collides): "mesoscreen.eligibility" and
 *                 "mesoscreen.role" as valueCoding (systems urn:mesoscreen:eligibility,
 *                 urn:mesoscreen:role, codes the stable words of product.md 4), then
 *                 "mesoscreen.findings.<severity>" with one valueCoding per finding (its
 *                 answer.item "mesoscreen.because" lists "question = answer" strings), and
 *                 "mesoscreen.recommendations.<kind>" with one valueCoding per
 *                 recommendation. */
#include "report_fhir.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "jsonutil.h"
#include "model.h"
#include "strbuf.h"
#include "timestamp.h"
#include "xalloc.h"

#define FHIR_YESNO_SYSTEM  "http://terminology.hl7.org/CodeSystem/v2-0136"
#define FHIR_ABSENT_SYSTEM "http://terminology.hl7.org/CodeSystem/data-absent-reason"
#define FHIR_URN           "urn:mesoscreen:"

/* yes / no / unknown in the yesnodontknow value set. */
static const struct fhir_coding {
    const char *system, *code, *display;
} fhir_yesno[YESNO_COUNT] = {
    [YESNO_YES] = {FHIR_YESNO_SYSTEM, "Y", "Yes"},
    [YESNO_NO] = {FHIR_YESNO_SYSTEM, "N", "No"},
    [YESNO_UNKNOWN] = {FHIR_ABSENT_SYSTEM, "asked-unknown", "Don't know"},
};

static const char *const fhir_severity_text[SEV_COUNT] = {
    [SEV_ABSOLUTE] = "Absolute contraindications",
    [SEV_TEMPORARY] = "Temporary contraindications",
    [SEV_PRECAUTION] = "Precautions",
    [SEV_INFO] = "For information",
};

static const char *const fhir_kind_text[REC_KIND_COUNT] = {
    [REC_NEXT_STEP] = "Next step",
    [REC_COURSE] = "Treatment course",
    [REC_FOLLOW_UP] = "Follow-up",
    [REC_AFTERCARE] = "Aftercare",
};

static json_t *fhir_coding(const char *system, const char *code, const char *display)
{
    json_t *c = jsonutil_object();
    jsonutil_set(c, "system", jsonutil_string(system));
    jsonutil_set(c, "code", jsonutil_string(code));
    if (display && *display)
        jsonutil_set(c, "display", jsonutil_string(display));
    return c;
}

/* {"valueCoding": coding} */
static json_t *fhir_answer_coding(json_t *coding)
{
    json_t *a = jsonutil_object();
    jsonutil_set(a, "valueCoding", coding);
    return a;
}

/* An item {linkId, text}; answers or items are added by the caller. */
static json_t *fhir_item(const char *link_id, const char *text)
{
    json_t *it = jsonutil_object();
    jsonutil_set(it, "linkId", jsonutil_string(link_id));
    if (text && *text)
        jsonutil_set(it, "text", jsonutil_string(text));
    return it;
}

/* A URI with everything but RFC 3986 unreserved characters percent-encoded. */
static void fhir_uri_escape(struct strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            strbuf_add(b, (const char *)p, 1);
        else
            strbuf_printf(b, "%%%02X", (unsigned)*p);
    }
}

/* urn:mesoscreen:questionnaire:<id>[:<part>] into a new string. */
static char *fhir_system(const struct questionnaire *q, const char *part)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, FHIR_URN "questionnaire:");
    fhir_uri_escape(&b, q->id);
    if (part) {
        strbuf_puts(&b, ":");
        fhir_uri_escape(&b, part);
    }
    return strbuf_release(&b, NULL);
}

/* The answer[] of a reached question; NULL when it has no answer. */
static json_t *fhir_answers(const struct questionnaire *q, const struct question *qn,
                            const struct answer *a, size_t lang)
{
    if (!a || !a->given || (qn->type == QTYPE_TEXT && (!a->text || !a->text[0])))
        return NULL;
    json_t *arr = jsonutil_array();
    char *system = fhir_system(q, qn->id);
    switch (qn->type) {
    case QTYPE_YESNO: {
        if (a->choice < 0 || a->choice >= YESNO_COUNT)
            xdie("report_fhir: yes/no answer %d out of range", a->choice);
        const struct fhir_coding *c = &fhir_yesno[a->choice];
        jsonutil_append(arr, fhir_answer_coding(fhir_coding(c->system, c->code, c->display)));
        break;
    }
    case QTYPE_CHOICE:
    case QTYPE_MULTI:
        for (size_t i = 0; i < qn->n_options && i < 64; i++) {
            bool picked = qn->type == QTYPE_CHOICE ? a->choice >= 0 && (size_t)a->choice == i
                                                   : (a->selected & ((uint64_t)1 << i)) != 0;
            if (picked)
                jsonutil_append(
                    arr, fhir_answer_coding(fhir_coding(system, qn->options[i].value,
                                                        model_text(&qn->options[i].text, lang))));
        }
        break;
    case QTYPE_NUMBER: {
        json_t *v = jsonutil_object();
        /* FHIR integer is 32-bit; a larger whole number is still a valid decimal. */
        bool fits = a->number >= INT32_MIN && a->number <= INT32_MAX;
        jsonutil_set(v, fits ? "valueInteger" : "valueDecimal", jsonutil_integer(a->number));
        jsonutil_append(arr, v);
        break;
    }
    case QTYPE_TEXT: {
        json_t *v = jsonutil_object();
        jsonutil_set(v, "valueString", jsonutil_string(a->text));
        jsonutil_append(arr, v);
        break;
    }
    case QTYPE_COUNT:
        break;
    }
    free(system);
    return arr;
}

/* One group per section with reached questions, in asking order. */
static void fhir_sections(json_t *items, const struct walk *w, size_t lang)
{
    const struct questionnaire *q = walk_questionnaire(w);
    for (size_t s = 0; s < q->n_sections; s++) {
        const struct section *sec = &q->sections[s];
        json_t *group = NULL, *children = NULL;
        for (size_t i = sec->first_question; i < sec->first_question + sec->n_questions; i++) {
            if (!walk_reached(w, i))
                continue;
            const struct question *qn = &q->questions[i];
            if (!group) {
                group = fhir_item(sec->id, model_text(&sec->title, lang));
                children = jsonutil_array();
            }
            json_t *it = fhir_item(qn->id, model_text(&qn->text, lang));
            json_t *ans = fhir_answers(q, qn, walk_get(w, i), lang);
            if (ans)
                jsonutil_set(it, "answer", ans);
            jsonutil_append(children, it);
        }
        if (group) {
            jsonutil_set(group, "item", children);
            jsonutil_append(items, group);
        }
    }
}

/* A finding's answer: its coding, and the answers behind it as a nested item. */
static json_t *fhir_finding_answer(const struct walk *w, const struct raised_finding *rf,
                                   const char *system, size_t lang)
{
    const struct questionnaire *q = walk_questionnaire(w);
    const struct finding *f = &q->findings[rf->finding];
    json_t *a = fhir_answer_coding(fhir_coding(system, f->id, model_text(&f->text, lang)));
    if (rf->n_because == 0)
        return a;
    json_t *because = fhir_item("mesoscreen.because", "Because"), *values = jsonutil_array();
    for (size_t k = 0; k < rf->n_because; k++) {
        const struct question *qn = &q->questions[rf->because[k].question];
        struct answer raising;
        rules_because_answer(w, &rf->because[k], &raising);
        char *ans = answer_format(qn, &raising);
        char *s = xasprintf("%s = %s", qn->id, ans);
        json_t *v = jsonutil_object();
        jsonutil_set(v, "valueString", jsonutil_string(s));
        jsonutil_append(values, v);
        free(s);
        free(ans);
    }
    jsonutil_set(because, "answer", values);
    json_t *nested = jsonutil_array();
    jsonutil_append(nested, because);
    jsonutil_set(a, "item", nested);
    return a;
}

static json_t *fhir_outcome(const struct walk *w, const struct outcome *o, size_t lang)
{
    const struct questionnaire *q = walk_questionnaire(w);
    json_t *group = fhir_item("mesoscreen.outcome", "Screening outcome");
    json_t *items = jsonutil_array(), *it, *arr;

    it = fhir_item("mesoscreen.eligibility", "Eligibility");
    arr = jsonutil_array();
    jsonutil_append(arr,
                    fhir_answer_coding(fhir_coding(FHIR_URN "eligibility",
                                                   model_eligibility_name(o->eligibility), NULL)));
    jsonutil_set(it, "answer", arr);
    jsonutil_append(items, it);

    it = fhir_item("mesoscreen.role", "Role");
    if (o->has_role) {
        arr = jsonutil_array();
        jsonutil_append(
            arr, fhir_answer_coding(fhir_coding(FHIR_URN "role", model_role_name(o->role), NULL)));
        jsonutil_set(it, "answer", arr);
    }
    jsonutil_append(items, it);

    char *system = fhir_system(q, "finding");
    for (int sev = 0; sev < SEV_COUNT; sev++) {
        arr = NULL;
        for (size_t i = 0; i < o->n_findings; i++) {
            if ((int)q->findings[o->findings[i].finding].severity != sev)
                continue;
            if (!arr)
                arr = jsonutil_array();
            jsonutil_append(arr, fhir_finding_answer(w, &o->findings[i], system, lang));
        }
        if (arr) {
            char *link = xasprintf("mesoscreen.findings.%s", model_severity_name(sev));
            it = fhir_item(link, fhir_severity_text[sev]);
            jsonutil_set(it, "answer", arr);
            jsonutil_append(items, it);
            free(link);
        }
    }
    free(system);

    system = fhir_system(q, "recommendation");
    for (int kind = 0; kind < REC_KIND_COUNT; kind++) {
        arr = NULL;
        for (size_t i = 0; i < o->n_recommendations; i++) {
            const struct recommendation *r = &q->recommendations[o->recommendations[i]];
            if ((int)r->kind != kind)
                continue;
            if (!arr)
                arr = jsonutil_array();
            jsonutil_append(
                arr, fhir_answer_coding(fhir_coding(system, r->id, model_text(&r->text, lang))));
        }
        if (arr) {
            char *link =
                xasprintf("mesoscreen.recommendations.%s", model_recommendation_kind_name(kind));
            it = fhir_item(link, fhir_kind_text[kind]);
            jsonutil_set(it, "answer", arr);
            jsonutil_append(items, it);
            free(link);
        }
    }
    free(system);

    jsonutil_set(group, "item", items);
    return group;
}

char *report_fhir_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    const struct questionnaire *q = walk_questionnaire(w);
    char sha[DIGEST_HEX_LEN + 1], id_sha[DIGEST_HEX_LEN + 1], when[TIMESTAMP_SIZE];
    json_t *root = jsonutil_object();
    struct strbuf b = STRBUF_INIT;

    digest_questionnaire_hex(q, sha);
    timestamp_iso8601(m->when, when);

    /* Length-prefixed fields, so that no two different inputs hash the same string. */
    const char *parts[] = {sha, when, m->patient ? m->patient : "",
                           m->practitioner ? m->practitioner : ""};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        strbuf_printf(&b, "%zu:%s;", strlen(parts[i]), parts[i]);
    char *seed = strbuf_release(&b, NULL);
    digest_sha256_hex(seed, strlen(seed), id_sha);
    free(seed);
    char *id = xasprintf("ms-%.32s", id_sha);

    strbuf_puts(&b, FHIR_URN "questionnaire:");
    fhir_uri_escape(&b, q->id);
    strbuf_puts(&b, "|");
    fhir_uri_escape(&b, q->version);
    char *canonical = strbuf_release(&b, NULL);

    jsonutil_set(root, "resourceType", jsonutil_string("QuestionnaireResponse"));
    jsonutil_set(root, "id", jsonutil_string(id));
    json_t *ext = jsonutil_array(), *e = jsonutil_object();
    jsonutil_set(e, "url", jsonutil_string(FHIR_URN "sha256"));
    jsonutil_set(e, "valueString", jsonutil_string(sha));
    jsonutil_append(ext, e);
    jsonutil_set(root, "extension", ext);
    jsonutil_set(root, "questionnaire", jsonutil_string(canonical));
    jsonutil_set(root, "status", jsonutil_string("completed"));
    if (m->patient && *m->patient) {
        json_t *subject = jsonutil_object(), *ident = jsonutil_object();
        jsonutil_set(ident, "value", jsonutil_string(m->patient));
        jsonutil_set(subject, "identifier", ident);
        jsonutil_set(root, "subject", subject);
    }
    jsonutil_set(root, "authored", jsonutil_string(when));
    if (m->practitioner && *m->practitioner) {
        json_t *author = jsonutil_object();
        jsonutil_set(author, "display", jsonutil_string(m->practitioner));
        jsonutil_set(root, "author", author);
    }
    json_t *items = jsonutil_array();
    fhir_sections(items, w, m->lang);
    jsonutil_append(items, fhir_outcome(w, o, m->lang));
    jsonutil_set(root, "item", items);

    free(id);
    free(canonical);
    return jsonutil_dump(root, len);
}
