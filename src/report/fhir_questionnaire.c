/* fhir_questionnaire.c - a questionnaire as a FHIR R4 Questionnaire and the CodeSystems of
 * its codes, in one transaction Bundle to load into a FHIR server.
 *
 * Mapping (any questionnaire; the canonical URLs are in fhir.h):
 *   Questionnaire  url (`url`, else a urn:uuid of id and version), version, status active,
 *                  identifier ni:///sha-256;... (RFC 6920) of the exact source, language
 *                  (the first), title; texts in the other languages as translation
 *                  extensions
 *   section        a group, linkId "section.<id>", enableWhen (fhir_when.c) from its `when`
 *   question       linkId = its id; yesno: choice with the yesnodontknow codings; choice:
 *                  choice; multi: choice, repeats, exclusive options marked
 *                  (questionnaire-optionExclusive); number: integer (decimal beyond 32 bits)
 *                  with minValue / maxValue and questionnaire-unit; text: text; required;
 *                  an option's `when` as sdc-questionnaire-answerOptionsToggleExpression;
 *                  help as a display item "<id>.help" (itemControl help)
 *   CodeSystems    outcome (screening-outcome, role-of-treatment, verdicts, roles,
 *                  severities), finding (finding ids), answers/<question> (option values);
 *                  displays in the first language, designations in the others */
#include "fhir_questionnaire.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "fhir.h"
#include "fhir_when.h"
#include "jsonutil.h"
#include "strbuf.h"
#include "xalloc.h"

#define EXT_BASE             "http://hl7.org/fhir/StructureDefinition/"
#define EXT_OPTION_EXCLUSIVE EXT_BASE "questionnaire-optionExclusive"
#define EXT_MIN_VALUE        EXT_BASE "minValue"
#define EXT_MAX_VALUE        EXT_BASE "maxValue"
#define EXT_UNIT             EXT_BASE "questionnaire-unit"
#define EXT_ITEM_CONTROL     EXT_BASE "questionnaire-itemControl"
#define EXT_OPTIONS_TOGGLE                                                                         \
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/"                                              \
    "sdc-questionnaire-answerOptionsToggleExpression"
#define ITEM_CONTROL_SYSTEM "http://hl7.org/fhir/questionnaire-item-control"

/* The language the Questionnaire is written in: the questionnaire's first. */
#define QLANG 0

char *fhir_section_link_id(const struct section *s)
{
    return xasprintf("section.%s", s->id);
}

/* Appends ext to obj.extension, creating the array. */
static void add_extension(json_t *obj, json_t *ext)
{
    json_t *exts = json_object_get(obj, "extension");
    if (!exts) {
        exts = jsonutil_array();
        jsonutil_set(obj, "extension", exts);
    }
    jsonutil_append(exts, ext);
}

static json_t *extension(const char *url, const char *value_key, json_t *value)
{
    json_t *e = jsonutil_object();
    jsonutil_set(e, "url", jsonutil_string(url));
    jsonutil_set(e, value_key, value);
    return e;
}

static bool fits_int32(long long v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* ---- items ---- */

/* The coding of option i of qn, its display translated. */
static json_t *option_coding(const struct questionnaire *q, const struct question *qn, size_t i)
{
    json_t *c;
    if (qn->type == QTYPE_YESNO) {
        c = fhir_coding(fhir_yesno_system((int)i), fhir_yesno_code((int)i), NULL);
        fhir_set_label(c, "display", q, fhir_yesno_label((int)i), QLANG);
    } else {
        char *system = fhir_system_url(q, FHIR_CS_ANSWERS, qn->id);
        c = fhir_coding(system, qn->options[i].value, NULL);
        fhir_set_text(c, "display", q, &qn->options[i].text, QLANG);
        free(system);
    }
    return c;
}

static void item_options(json_t *item, const struct questionnaire *q, const struct question *qn)
{
    json_t *options = jsonutil_array();
    for (size_t i = 0; i < model_option_count(qn); i++) {
        json_t *o = jsonutil_object();
        jsonutil_set(o, "valueCoding", option_coding(q, qn, i));
        if (qn->type == QTYPE_MULTI && qn->options[i].exclusive)
            add_extension(o, extension(EXT_OPTION_EXCLUSIVE, "valueBoolean", json_true()));
        jsonutil_append(options, o);

        if (qn->type != QTYPE_YESNO && qn->options[i].when) {
            json_t *toggle = jsonutil_object(), *parts = jsonutil_array();
            jsonutil_set(toggle, "url", jsonutil_string(EXT_OPTIONS_TOGGLE));
            jsonutil_append(parts, extension("option", "valueCoding", option_coding(q, qn, i)));
            char *path = fhir_when_fhirpath(q, qn->options[i].when);
            jsonutil_append(parts,
                            extension("expression", "valueExpression", fhir_when_expression(path)));
            free(path);
            jsonutil_set(toggle, "extension", parts);
            add_extension(item, toggle);
        }
    }
    jsonutil_set(item, "answerOption", options);
}

static void item_number(json_t *item, const struct questionnaire *q, const struct question *qn)
{
    bool integer = fits_int32(qn->min) && fits_int32(qn->max);
    const char *key = integer ? "valueInteger" : "valueDecimal";
    add_extension(item, extension(EXT_MIN_VALUE, key, jsonutil_integer(qn->min)));
    add_extension(item, extension(EXT_MAX_VALUE, key, jsonutil_integer(qn->max)));
    if (qn->unit.by_lang) {
        json_t *unit = jsonutil_object();
        fhir_set_text(unit, "display", q, &qn->unit, QLANG);
        add_extension(item, extension(EXT_UNIT, "valueCoding", unit));
    }
}

/* The help text as a display item shown behind a help button. */
static json_t *item_help(const struct questionnaire *q, const struct question *qn)
{
    json_t *help = jsonutil_object(), *cc = jsonutil_object(), *codings = jsonutil_array();
    char *link = xasprintf("%s.help", qn->id);
    jsonutil_set(help, "linkId", jsonutil_string(link));
    free(link);
    fhir_set_text(help, "text", q, &qn->help, QLANG);
    jsonutil_set(help, "type", jsonutil_string("display"));
    jsonutil_append(codings, fhir_coding(ITEM_CONTROL_SYSTEM, "help", NULL));
    jsonutil_set(cc, "coding", codings);
    add_extension(help, extension(EXT_ITEM_CONTROL, "valueCodeableConcept", cc));
    return help;
}

static const char *const item_types[QTYPE_COUNT] = {
    [QTYPE_YESNO] = "choice",   [QTYPE_CHOICE] = "choice", [QTYPE_MULTI] = "choice",
    [QTYPE_NUMBER] = "integer", [QTYPE_TEXT] = "text",
};

static json_t *item_question(const struct questionnaire *q, const struct question *qn)
{
    json_t *item = jsonutil_object();
    jsonutil_set(item, "linkId", jsonutil_string(qn->id));
    fhir_set_text(item, "text", q, &qn->text, QLANG);
    const char *type = item_types[qn->type];
    if (qn->type == QTYPE_NUMBER && !(fits_int32(qn->min) && fits_int32(qn->max)))
        type = "decimal";
    jsonutil_set(item, "type", jsonutil_string(type));
    jsonutil_set(item, "required", json_boolean(qn->required));
    if (qn->type == QTYPE_MULTI)
        jsonutil_set(item, "repeats", json_true());
    fhir_when_apply(item, q, qn->when);
    if (model_option_count(qn) > 0)
        item_options(item, q, qn);
    if (qn->type == QTYPE_NUMBER)
        item_number(item, q, qn);
    if (qn->help.by_lang) {
        json_t *children = jsonutil_array();
        jsonutil_append(children, item_help(q, qn));
        jsonutil_set(item, "item", children);
    }
    return item;
}

static json_t *items(const struct questionnaire *q)
{
    json_t *groups = jsonutil_array();
    for (size_t s = 0; s < q->n_sections; s++) {
        const struct section *sec = &q->sections[s];
        json_t *group = jsonutil_object(), *children = jsonutil_array();
        char *link = fhir_section_link_id(sec);
        jsonutil_set(group, "linkId", jsonutil_string(link));
        free(link);
        fhir_set_text(group, "text", q, &sec->title, QLANG);
        jsonutil_set(group, "type", jsonutil_string("group"));
        fhir_when_apply(group, q, sec->when);
        for (size_t i = sec->first_question; i < sec->first_question + sec->n_questions; i++)
            jsonutil_append(children, item_question(q, &q->questions[i]));
        jsonutil_set(group, "item", children);
        jsonutil_append(groups, group);
    }
    return groups;
}

/* ni:///sha-256;<base64url> of the questionnaire's exact source (RFC 6920): the URL-safe
 * alphabet, no padding. */
static char *source_ni(const struct questionnaire *q)
{
    static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char hex[DIGEST_HEX_LEN + 1];
    uint8_t digest[DIGEST_SHA256_SIZE];
    digest_questionnaire_hex(q, hex); /* the built-in carries it, computed at build time */
    for (size_t i = 0; i < DIGEST_SHA256_SIZE; i++) {
        unsigned v = 0;
        sscanf(hex + 2 * i, "%2x", &v);
        digest[i] = (uint8_t)v;
    }
    char out[(DIGEST_SHA256_SIZE * 4 + 2) / 3 + 1];
    size_t n = 0;
    for (size_t i = 0; i < DIGEST_SHA256_SIZE; i += 3) {
        size_t left = DIGEST_SHA256_SIZE - i;
        uint32_t v = (uint32_t)digest[i] << 16 | (left > 1 ? (uint32_t)digest[i + 1] << 8 : 0) |
                     (left > 2 ? digest[i + 2] : 0);
        out[n++] = b64url[v >> 18 & 63];
        out[n++] = b64url[v >> 12 & 63];
        if (left > 1)
            out[n++] = b64url[v >> 6 & 63];
        if (left > 2)
            out[n++] = b64url[v & 63];
    }
    out[n] = '\0';
    return xasprintf("ni:///sha-256;%s", out);
}

static json_t *questionnaire_resource(const struct questionnaire *q, const char *url)
{
    json_t *r = jsonutil_object(), *ids = jsonutil_array(), *id = jsonutil_object();
    jsonutil_set(r, "resourceType", jsonutil_string("Questionnaire"));
    jsonutil_set(r, "language", jsonutil_string(q->languages[QLANG]));
    jsonutil_set(r, "url", jsonutil_string(url));
    char *ni = source_ni(q);
    jsonutil_set(id, "system", jsonutil_string(FHIR_URI_SYSTEM));
    jsonutil_set(id, "value", jsonutil_string(ni));
    free(ni);
    jsonutil_append(ids, id);
    jsonutil_set(r, "identifier", ids);
    jsonutil_set(r, "version", jsonutil_string(q->version));
    fhir_set_text(r, "title", q, &q->title, QLANG);
    jsonutil_set(r, "status", jsonutil_string("active"));
    json_t *subject = jsonutil_array();
    jsonutil_append(subject, jsonutil_string("Patient"));
    jsonutil_set(r, "subjectType", subject);
    if (q->disclaimer.by_lang)
        fhir_set_text(r, "description", q, &q->disclaimer, QLANG);
    jsonutil_set(r, "item", items(q));
    return r;
}

/* ---- code systems ---- */

/* A concept {code, display, designation[]}: display in the first language, designations for
 * the other languages where they differ. texts[i] is the display in language i. */
static json_t *concept(const struct questionnaire *q, const char *code, char *const *texts)
{
    json_t *c = jsonutil_object(), *des = NULL;
    jsonutil_set(c, "code", jsonutil_string(code));
    jsonutil_set(c, "display", jsonutil_string(texts[QLANG]));
    for (size_t i = 0; i < q->n_languages; i++) {
        if (i == QLANG || strcmp(texts[i], texts[QLANG]) == 0)
            continue;
        json_t *d = jsonutil_object();
        jsonutil_set(d, "language", jsonutil_string(q->languages[i]));
        jsonutil_set(d, "value", jsonutil_string(texts[i]));
        if (!des)
            des = jsonutil_array();
        jsonutil_append(des, d);
    }
    if (des)
        jsonutil_set(c, "designation", des);
    return c;
}

static json_t *concept_text(const struct questionnaire *q, const char *code, const struct text *t)
{
    char *texts[MODEL_MAX_LANGUAGES];
    for (size_t i = 0; i < q->n_languages; i++)
        texts[i] = (char *)model_text(t, i);
    return concept(q, code, texts);
}

static json_t *concept_label(const struct questionnaire *q, const char *code)
{
    char *texts[MODEL_MAX_LANGUAGES];
    for (size_t i = 0; i < q->n_languages; i++)
        texts[i] = fhir_label_text(q, fhir_fixed_label(code), i);
    json_t *c = concept(q, code, texts);
    for (size_t i = 0; i < q->n_languages; i++)
        free(texts[i]);
    return c;
}

static json_t *code_system(const struct questionnaire *q, const char *kind, const char *name,
                           const struct text *title, json_t *concepts)
{
    json_t *cs = jsonutil_object();
    char *url = fhir_system_url(q, kind, name);
    jsonutil_set(cs, "resourceType", jsonutil_string("CodeSystem"));
    jsonutil_set(cs, "language", jsonutil_string(q->languages[QLANG]));
    jsonutil_set(cs, "url", jsonutil_string(url));
    jsonutil_set(cs, "version", jsonutil_string(q->version));
    fhir_set_text(cs, "title", q, title, QLANG);
    jsonutil_set(cs, "status", jsonutil_string("active"));
    jsonutil_set(cs, "caseSensitive", json_true());
    jsonutil_set(cs, "content", jsonutil_string("complete"));
    jsonutil_set(cs, "count", jsonutil_integer((long long)json_array_size(concepts)));
    jsonutil_set(cs, "concept", concepts);
    free(url);
    return cs;
}

static json_t *outcome_system(const struct questionnaire *q)
{
    json_t *concepts = jsonutil_array();
    jsonutil_append(concepts, concept_text(q, FHIR_CODE_SCREENING, &q->title));
    jsonutil_append(concepts, concept_label(q, FHIR_CODE_ROLE));
    for (int e = 0; e < ELIG_COUNT; e++)
        jsonutil_append(concepts, concept_label(q, model_eligibility_name(e)));
    for (int r = 0; r < ROLE_COUNT; r++)
        jsonutil_append(concepts, concept_label(q, model_role_name(r)));
    for (int s = 0; s < SEV_COUNT; s++)
        jsonutil_append(concepts, concept_label(q, model_severity_name(s)));
    return code_system(q, FHIR_CS_OUTCOME, NULL, &q->title, concepts);
}

static json_t *finding_system(const struct questionnaire *q)
{
    json_t *concepts = jsonutil_array();
    for (size_t f = 0; f < q->n_findings; f++)
        jsonutil_append(concepts, concept_text(q, q->findings[f].id, &q->findings[f].text));
    return code_system(q, FHIR_CS_FINDING, NULL, &q->title, concepts);
}

static json_t *answers_system(const struct questionnaire *q, const struct question *qn)
{
    json_t *concepts = jsonutil_array();
    for (size_t i = 0; i < qn->n_options; i++)
        jsonutil_append(concepts, concept_text(q, qn->options[i].value, &qn->options[i].text));
    return code_system(q, FHIR_CS_ANSWERS, qn->id, &qn->text, concepts);
}

/* ---- the bundle ---- */

/* A POST entry created only when no resource of its type has its url and version. */
static void add_entry(json_t *entries, const struct questionnaire *q, json_t *resource,
                      const char *name)
{
    const char *type = json_string_value(json_object_get(resource, "resourceType"));
    const char *url = json_string_value(json_object_get(resource, "url"));
    const char *parts[] = {"entry", q->id, q->version, type, name};
    char *full_url = fhir_derived_urn(parts, 5);
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "url=");
    fhir_uri_escape(&b, url);
    strbuf_puts(&b, "&version=");
    fhir_uri_escape(&b, q->version);
    char *if_none = strbuf_release(&b, NULL);
    fhir_bundle_post(entries, full_url, resource, if_none);
    free(full_url);
    free(if_none);
}

char *fhir_questionnaire_render(const struct questionnaire *q, size_t *len)
{
    if (!q->resolved)
        xdie("fhir_questionnaire_render: the questionnaire is not validated");
    json_t *bundle = jsonutil_object(), *entries = jsonutil_array();
    char *url = fhir_questionnaire_url(q);
    jsonutil_set(bundle, "resourceType", jsonutil_string("Bundle"));
    jsonutil_set(bundle, "type", jsonutil_string("transaction"));
    add_entry(entries, q, questionnaire_resource(q, url), "questionnaire");
    add_entry(entries, q, outcome_system(q), FHIR_CS_OUTCOME);
    if (q->n_findings > 0) /* FHIR allows no empty list */
        add_entry(entries, q, finding_system(q), FHIR_CS_FINDING);
    for (size_t i = 0; i < q->n_questions; i++)
        if (q->questions[i].type == QTYPE_CHOICE || q->questions[i].type == QTYPE_MULTI)
            add_entry(entries, q, answers_system(q, &q->questions[i]), q->questions[i].id);
    jsonutil_set(bundle, "entry", entries);
    free(url);
    return jsonutil_dump(bundle, len);
}
