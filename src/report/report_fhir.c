/* report_fhir.c - a screening as an HL7 FHIR R4 transaction Bundle: the QuestionnaireResponse
 * (the answers, matching the Questionnaire of fhir_questionnaire.c) and an Observation of the
 * outcome, each created once however often the bundle is sent.
 *
 * Mapping:
 *   identifier     urn:uuid:<screening id> (system urn:ietf:rfc:3986) on both resources: the
 *                  UUID minted when the screening began, or for `answer` one derived from
 *                  the questionnaire's SHA-256, the time, the people and the answers; each
 *                  entry is a conditional create on it (ifNoneExist), and the entries'
 *                  fullUrls are other UUIDs (a server rewrites every string holding one)
 *   response       questionnaire <url>|<version>, status completed, language, authored,
 *                  subject {identifier {system (--fhir-patient-system), value}, display
 *                  name}, author {Practitioner display}, source (the subject when the
 *                  patient answered, else a RelatedPerson); item: one group per section with
 *                  reached questions (linkId "section.<id>"), its items the reached questions
 *                  (linkId = id, text); yes/no/unknown as yesnodontknow codings, choices as
 *                  codings of the question's answers code system, numbers valueInteger
 *                  (valueDecimal beyond 32 bits), text valueString; displays in the
 *                  screening's language
 *   observation    status final, category survey, code screening-outcome (the
 *                  questionnaire's outcome code system), subject, effectiveDateTime,
 *                  performer (practitioner, clinic), valueCodeableConcept the verdict,
 *                  derivedFrom the response; component role-of-treatment = the role, and
 *                  per finding code = the finding, value = its severity, with a
 *                  derivation-reference extension per answer behind it (path into the
 *                  response); the recommendations as notes */
#include "report_fhir.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "fhir.h"
#include "fhir_questionnaire.h"
#include "jsonutil.h"
#include "model.h"
#include "people.h"
#include "strbuf.h"
#include "timestamp.h"
#include "xalloc.h"

#define EXT_DERIVATION_REFERENCE "http://hl7.org/fhir/StructureDefinition/derivation-reference"
#define CATEGORY_SYSTEM          "http://terminology.hl7.org/CodeSystem/observation-category"

/* What every part of the bundle needs. */
struct fhir_ctx {
    const struct walk *w;
    const struct questionnaire *q;
    const struct outcome *o;
    const struct report_meta *m;
    size_t lang;
    char *identifier;   /* urn:uuid:<screening id> */
    char *response_url; /* the response's fullUrl */
};

static const char *const answered_by_labels[][2] = {
    {"answered_by_guardian", "guardian"},
    {"answered_by_interpreter", "interpreter"},
};

/* ---- the response ---- */

/* The answer[] of a reached question; NULL when it has no answer. */
static json_t *answers(const struct fhir_ctx *c, const struct question *qn, const struct answer *a)
{
    if (!a || !a->given || (qn->type == QTYPE_TEXT && (!a->text || !a->text[0])))
        return NULL;
    json_t *arr = jsonutil_array();
    char *system = fhir_system_url(c->q, FHIR_CS_ANSWERS, qn->id);
    json_t *v;
    switch (qn->type) {
    case QTYPE_YESNO: {
        char *display = fhir_label_text(c->q, fhir_yesno_label(a->choice), c->lang);
        v = jsonutil_object();
        jsonutil_set(
            v, "valueCoding",
            fhir_coding(fhir_yesno_system(a->choice), fhir_yesno_code(a->choice), display));
        jsonutil_append(arr, v);
        free(display);
        break;
    }
    case QTYPE_CHOICE:
    case QTYPE_MULTI:
        for (size_t i = 0; i < qn->n_options && i < MODEL_MAX_OPTIONS; i++) {
            bool picked = qn->type == QTYPE_CHOICE ? a->choice >= 0 && (size_t)a->choice == i
                                                   : (a->selected & ((uint64_t)1 << i)) != 0;
            if (!picked)
                continue;
            v = jsonutil_object();
            jsonutil_set(v, "valueCoding",
                         fhir_coding(system, qn->options[i].value,
                                     model_text(&qn->options[i].text, c->lang)));
            jsonutil_append(arr, v);
        }
        break;
    case QTYPE_NUMBER: {
        v = jsonutil_object();
        /* the item is integer when the question's range fits 32 bits, else decimal */
        bool integer = qn->min >= INT32_MIN && qn->max <= INT32_MAX;
        jsonutil_set(v, integer ? "valueInteger" : "valueDecimal", jsonutil_integer(a->number));
        jsonutil_append(arr, v);
        break;
    }
    case QTYPE_TEXT:
        v = jsonutil_object();
        jsonutil_set(v, "valueString", jsonutil_string(a->text));
        jsonutil_append(arr, v);
        break;
    case QTYPE_COUNT:
        break;
    }
    free(system);
    return arr;
}

static json_t *item(const char *link_id, const char *text)
{
    json_t *it = jsonutil_object();
    jsonutil_set(it, "linkId", jsonutil_string(link_id));
    if (text && *text)
        jsonutil_set(it, "text", jsonutil_string(text));
    return it;
}

/* One group per section with reached questions, in asking order. */
static json_t *response_items(const struct fhir_ctx *c)
{
    json_t *groups = jsonutil_array();
    for (size_t s = 0; s < c->q->n_sections; s++) {
        const struct section *sec = &c->q->sections[s];
        json_t *children = NULL;
        for (size_t i = sec->first_question; i < sec->first_question + sec->n_questions; i++) {
            if (!walk_reached(c->w, i))
                continue;
            const struct question *qn = &c->q->questions[i];
            json_t *it = item(qn->id, model_text(&qn->text, c->lang));
            json_t *ans = answers(c, qn, walk_get(c->w, i));
            if (ans)
                jsonutil_set(it, "answer", ans);
            if (!children)
                children = jsonutil_array();
            jsonutil_append(children, it);
        }
        if (!children)
            continue;
        char *link = fhir_section_link_id(sec);
        json_t *group = item(link, model_text(&sec->title, c->lang));
        free(link);
        jsonutil_set(group, "item", children);
        jsonutil_append(groups, group);
    }
    return groups;
}

/* {system urn:ietf:rfc:3986, value urn:uuid:...} */
static json_t *identifier(const struct fhir_ctx *c)
{
    json_t *id = jsonutil_object();
    jsonutil_set(id, "system", jsonutil_string(FHIR_URI_SYSTEM));
    jsonutil_set(id, "value", jsonutil_string(c->identifier));
    return id;
}

/* The patient as a logical reference (by identifier); NULL when no patient is stated. */
static json_t *patient_reference(const struct fhir_ctx *c)
{
    const struct report_meta *m = c->m;
    if (!m->patient || !*m->patient)
        return NULL;
    json_t *ref = jsonutil_object(), *id = jsonutil_object();
    jsonutil_set(ref, "type", jsonutil_string("Patient"));
    if (m->patient_system && *m->patient_system)
        jsonutil_set(id, "system", jsonutil_string(m->patient_system));
    jsonutil_set(id, "value", jsonutil_string(m->patient));
    jsonutil_set(ref, "identifier", id);
    if (m->patient_name && *m->patient_name)
        jsonutil_set(ref, "display", jsonutil_string(m->patient_name));
    return ref;
}

static json_t *display_reference(const char *type, const char *display)
{
    json_t *ref = jsonutil_object();
    jsonutil_set(ref, "type", jsonutil_string(type));
    jsonutil_set(ref, "display", jsonutil_string(display));
    return ref;
}

/* Who answered: the patient (the subject), or a guardian or interpreter. */
static json_t *source_reference(const struct fhir_ctx *c)
{
    int who = c->m->answered_by ? people_answered_by_parse(c->m->answered_by) : -1;
    if (who == ANSWERED_BY_PATIENT)
        return patient_reference(c);
    if (who != ANSWERED_BY_GUARDIAN && who != ANSWERED_BY_INTERPRETER)
        return NULL;
    const char *const *l = answered_by_labels[who == ANSWERED_BY_GUARDIAN ? 0 : 1];
    return display_reference("RelatedPerson", model_label(c->q, l[0], c->lang, l[1]));
}

static json_t *response(const struct fhir_ctx *c, const char *when)
{
    json_t *r = jsonutil_object(), *ref;
    char *url = fhir_questionnaire_url(c->q);
    char *canonical = fhir_canonical(url, c->q->version);
    jsonutil_set(r, "resourceType", jsonutil_string("QuestionnaireResponse"));
    jsonutil_set(r, "language", jsonutil_string(c->q->languages[c->lang]));
    jsonutil_set(r, "identifier", identifier(c));
    jsonutil_set(r, "questionnaire", jsonutil_string(canonical));
    jsonutil_set(r, "status", jsonutil_string("completed"));
    if ((ref = patient_reference(c)))
        jsonutil_set(r, "subject", ref);
    jsonutil_set(r, "authored", jsonutil_string(when));
    if (c->m->practitioner && *c->m->practitioner)
        jsonutil_set(r, "author", display_reference("Practitioner", c->m->practitioner));
    if ((ref = source_reference(c)))
        jsonutil_set(r, "source", ref);
    json_t *items = response_items(c);
    if (json_array_size(items) > 0)
        jsonutil_set(r, "item", items);
    else
        json_decref(items);
    free(url);
    free(canonical);
    return r;
}

/* ---- the observation ---- */

/* A CodeableConcept of one coding of the questionnaire's code system `kind`. */
static json_t *concept(const struct fhir_ctx *c, const char *kind, const char *code,
                       const char *display)
{
    char *system = fhir_system_url(c->q, kind, NULL);
    json_t *cc = jsonutil_object(), *codings = jsonutil_array();
    jsonutil_append(codings, fhir_coding(system, code, display));
    jsonutil_set(cc, "coding", codings);
    if (display && *display)
        jsonutil_set(cc, "text", jsonutil_string(display));
    free(system);
    return cc;
}

/* A verdict, role or severity word (or FHIR_CODE_ROLE) of the outcome code system. */
static json_t *outcome_concept(const struct fhir_ctx *c, const char *code)
{
    char *display = fhir_label_text(c->q, fhir_fixed_label(code), c->lang);
    json_t *cc = concept(c, FHIR_CS_OUTCOME, code, display);
    free(display);
    return cc;
}

/* Where the answer behind b sits in the response (a FHIRPath from the resource): the item's
 * answer, or the item itself when it was left unanswered and counted as its default. */
static char *answer_path(const struct fhir_ctx *c, const struct because *b)
{
    const struct question *qn = &c->q->questions[b->question];
    char *section = fhir_section_link_id(&c->q->sections[qn->section]);
    char *path = xasprintf("QuestionnaireResponse.item.where(linkId = '%s').item.where(linkId = "
                           "'%s')%s",
                           section, qn->id, b->defaulted ? "" : ".answer");
    free(section);
    return path;
}

static json_t *derivation(const struct fhir_ctx *c, const struct because *b)
{
    json_t *ext = jsonutil_object(), *parts = jsonutil_array(), *p, *ref;
    jsonutil_set(ext, "url", jsonutil_string(EXT_DERIVATION_REFERENCE));
    p = jsonutil_object();
    jsonutil_set(p, "url", jsonutil_string("reference"));
    ref = jsonutil_object();
    jsonutil_set(ref, "reference", jsonutil_string(c->response_url));
    jsonutil_set(ref, "type", jsonutil_string("QuestionnaireResponse"));
    jsonutil_set(p, "valueReference", ref);
    jsonutil_append(parts, p);
    p = jsonutil_object();
    jsonutil_set(p, "url", jsonutil_string("path"));
    char *path = answer_path(c, b);
    jsonutil_set(p, "valueString", jsonutil_string(path));
    free(path);
    jsonutil_append(parts, p);
    jsonutil_set(ext, "extension", parts);
    return ext;
}

static json_t *components(const struct fhir_ctx *c)
{
    json_t *list = jsonutil_array(), *comp;
    if (c->o->has_role) {
        comp = jsonutil_object();
        jsonutil_set(comp, "code", outcome_concept(c, FHIR_CODE_ROLE));
        jsonutil_set(comp, "valueCodeableConcept", outcome_concept(c, model_role_name(c->o->role)));
        jsonutil_append(list, comp);
    }
    for (size_t i = 0; i < c->o->n_findings; i++) {
        const struct raised_finding *rf = &c->o->findings[i];
        const struct finding *f = &c->q->findings[rf->finding];
        comp = jsonutil_object();
        if (rf->n_because > 0) {
            json_t *exts = jsonutil_array();
            for (size_t k = 0; k < rf->n_because; k++)
                jsonutil_append(exts, derivation(c, &rf->because[k]));
            jsonutil_set(comp, "extension", exts);
        }
        jsonutil_set(comp, "code",
                     concept(c, FHIR_CS_FINDING, f->id, model_text(&f->text, c->lang)));
        jsonutil_set(comp, "valueCodeableConcept",
                     outcome_concept(c, model_severity_name(f->severity)));
        jsonutil_append(list, comp);
    }
    return list;
}

static json_t *notes(const struct fhir_ctx *c)
{
    json_t *list = jsonutil_array();
    for (size_t i = 0; i < c->o->n_recommendations; i++) {
        const struct recommendation *r = &c->q->recommendations[c->o->recommendations[i]];
        json_t *n = jsonutil_object();
        jsonutil_set(n, "text", jsonutil_string(model_text(&r->text, c->lang)));
        jsonutil_append(list, n);
    }
    return list;
}

static json_t *observation(const struct fhir_ctx *c, const char *when)
{
    json_t *r = jsonutil_object(), *list, *ref, *cat = jsonutil_object(), *codings;
    jsonutil_set(r, "resourceType", jsonutil_string("Observation"));
    jsonutil_set(r, "language", jsonutil_string(c->q->languages[c->lang]));
    list = jsonutil_array();
    jsonutil_append(list, identifier(c));
    jsonutil_set(r, "identifier", list);
    jsonutil_set(r, "status", jsonutil_string("final"));
    codings = jsonutil_array();
    jsonutil_append(codings, fhir_coding(CATEGORY_SYSTEM, "survey", NULL));
    jsonutil_set(cat, "coding", codings);
    list = jsonutil_array();
    jsonutil_append(list, cat);
    jsonutil_set(r, "category", list);
    jsonutil_set(
        r, "code",
        concept(c, FHIR_CS_OUTCOME, FHIR_CODE_SCREENING, model_text(&c->q->title, c->lang)));
    if ((ref = patient_reference(c)))
        jsonutil_set(r, "subject", ref);
    jsonutil_set(r, "effectiveDateTime", jsonutil_string(when));
    list = jsonutil_array();
    if (c->m->practitioner && *c->m->practitioner)
        jsonutil_append(list, display_reference("Practitioner", c->m->practitioner));
    if (c->m->clinic && *c->m->clinic)
        jsonutil_append(list, display_reference("Organization", c->m->clinic));
    if (json_array_size(list) > 0)
        jsonutil_set(r, "performer", list);
    else
        json_decref(list);
    jsonutil_set(r, "valueCodeableConcept",
                 outcome_concept(c, model_eligibility_name(c->o->eligibility)));
    list = notes(c);
    if (json_array_size(list) > 0)
        jsonutil_set(r, "note", list);
    else
        json_decref(list);
    list = jsonutil_array();
    ref = jsonutil_object();
    jsonutil_set(ref, "reference", jsonutil_string(c->response_url));
    jsonutil_set(ref, "type", jsonutil_string("QuestionnaireResponse"));
    jsonutil_append(list, ref);
    jsonutil_set(r, "derivedFrom", list);
    list = components(c);
    if (json_array_size(list) > 0)
        jsonutil_set(r, "component", list);
    else
        json_decref(list);
    return r;
}

/* ---- the bundle ---- */

/* The screening's identifier: urn:uuid of the minted id, or derived from its content. */
static char *screening_identifier(const struct fhir_ctx *c, const char *when)
{
    if (c->m->screening_id && *c->m->screening_id)
        return xasprintf("urn:uuid:%s", c->m->screening_id);
    char sha[DIGEST_HEX_LEN + 1];
    digest_questionnaire_hex(c->q, sha);
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < c->q->n_questions; i++) {
        if (!walk_reached(c->w, i))
            continue;
        char *a = answer_format(&c->q->questions[i], walk_get(c->w, i));
        strbuf_printf(&b, "%zu:%s=%zu:%s;", strlen(c->q->questions[i].id), c->q->questions[i].id,
                      strlen(a), a);
        free(a);
    }
    char *answers_seed = strbuf_release(&b, NULL);
    const struct report_meta *m = c->m;
    const char *parts[] = {"screening",     sha,       when,         m->patient,
                           m->practitioner, m->clinic, answers_seed, c->q->languages[c->lang]};
    char *urn = fhir_derived_urn(parts, sizeof parts / sizeof parts[0]);
    free(answers_seed);
    return urn;
}

static void add_entry(json_t *entries, const struct fhir_ctx *c, const char *full_url,
                      json_t *resource)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "identifier=");
    fhir_uri_escape(&b, FHIR_URI_SYSTEM "|");
    fhir_uri_escape(&b, c->identifier);
    char *if_none = strbuf_release(&b, NULL);
    fhir_bundle_post(entries, full_url, resource, if_none);
    free(if_none);
}

char *report_fhir_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    struct fhir_ctx c = {.w = w, .q = walk_questionnaire(w), .o = o, .m = m, .lang = m->lang};
    char when[TIMESTAMP_SIZE];
    timestamp_iso8601(m->when, when);
    c.identifier = screening_identifier(&c, when);
    /* fullUrls of their own: a server rewrites every string that holds one */
    const char *rp[] = {"response", c.identifier}, *op[] = {"observation", c.identifier};
    c.response_url = fhir_derived_urn(rp, 2);
    char *observation_url = fhir_derived_urn(op, 2);

    json_t *bundle = jsonutil_object(), *entries = jsonutil_array();
    jsonutil_set(bundle, "resourceType", jsonutil_string("Bundle"));
    jsonutil_set(bundle, "language", jsonutil_string(c.q->languages[c.lang]));
    jsonutil_set(bundle, "type", jsonutil_string("transaction"));
    add_entry(entries, &c, c.response_url, response(&c, when));
    add_entry(entries, &c, observation_url, observation(&c, when));
    jsonutil_set(bundle, "entry", entries);

    free(c.identifier);
    free(c.response_url);
    free(observation_url);
    return jsonutil_dump(bundle, len);
}
