/* fhir.h - what the FHIR resources mesoscreen writes share: codings, canonical URLs and
 * code systems derived from the questionnaire, names derived from content, texts with their
 * translations, and the displays of the fixed vocabulary in the questionnaire's languages.
 * Used by report_fhir.c (the screening) and fhir_questionnaire.c (the questionnaire). */
#ifndef MESOSCREEN_FHIR_H
#define MESOSCREEN_FHIR_H

#include <jansson.h>
#include <stddef.h>

#include "model.h"

#define FHIR_YESNO_SYSTEM    "http://terminology.hl7.org/CodeSystem/v2-0136"
#define FHIR_ABSENT_SYSTEM   "http://terminology.hl7.org/CodeSystem/data-absent-reason"
#define FHIR_URI_SYSTEM      "urn:ietf:rfc:3986"
#define FHIR_EXT_TRANSLATION "http://hl7.org/fhir/StructureDefinition/translation"

/* The code systems a questionnaire publishes (fhir_system_url's `kind`). */
#define FHIR_CS_OUTCOME "outcome" /* the outcome's code, verdicts, roles, severities */
#define FHIR_CS_FINDING "finding" /* the questionnaire's finding ids */
#define FHIR_CS_ANSWERS "answers" /* one per choice question: its option values */

/* The fixed codes of the outcome code system, besides the verdict, role and severity words
 * of product.md section 4 (which never contain '-'). */
#define FHIR_CODE_SCREENING "screening-outcome" /* Observation.code */
#define FHIR_CODE_ROLE      "role-of-treatment" /* the role's component */

/* {system, code, display}: display left out when NULL or "". A new reference. */
json_t *fhir_coding(const char *system, const char *code, const char *display);

/* s with everything but RFC 3986 unreserved characters percent-encoded, appended to b. */
struct strbuf;
void fhir_uri_escape(struct strbuf *b, const char *s);

/* Appends to the transaction Bundle's entries an entry that POSTs resource (its reference is
 * taken) under full_url, created only when no resource matches if_none_exist (a FHIR search
 * such as "identifier=..."), so that sending it again never makes a duplicate. */
void fhir_bundle_post(json_t *entries, const char *full_url, json_t *resource,
                      const char *if_none_exist);

/* "urn:uuid:" and a UUID (version 8) made from the SHA-256 of the n strings (each length-
 * prefixed, so that no two different lists give the same name). The caller frees it. */
char *fhir_derived_urn(const char *const *parts, size_t n);

/* The Questionnaire's canonical URL: the questionnaire's `url`, else a urn:uuid derived from
 * its id and version. The caller frees it. */
char *fhir_questionnaire_url(const struct questionnaire *q);

/* "url|version", the version percent-encoded where it holds what a canonical cannot (spaces,
 * '|', ...). The caller frees it. */
char *fhir_canonical(const char *url, const char *version);

/* The URL of one of the questionnaire's code systems: `url`/KIND[/NAME] when it has a url,
 * else a urn:uuid derived from its id, KIND and NAME (NULL for none). Version-independent:
 * a code keeps its system across versions. The caller frees it. */
char *fhir_system_url(const struct questionnaire *q, const char *kind, const char *name);

/* Sets obj[key] to text t in language `lang` and, when the questionnaire has other
 * languages with a translation of t, obj["_" key] to the translation extensions (FHIR's
 * http://hl7.org/fhir/StructureDefinition/translation). Nothing for an empty text. */
void fhir_set_text(json_t *obj, const char *key, const struct questionnaire *q,
                   const struct text *t, size_t lang);

/* A word of the fixed vocabulary (yes/no/unknown, verdicts, roles, severities, the role
 * component): the questionnaire's label that translates it, and the English default. */
struct fhir_label {
    const char *key, *fallback;
};

/* The label of yes/no option index i, of a verdict, role or severity word or of
 * FHIR_CODE_ROLE. Dies on any other code (a programmer error). */
struct fhir_label fhir_yesno_label(int i);
struct fhir_label fhir_fixed_label(const char *code);

/* The label's text in language lang, without the trailing ':' a report heading has. The
 * caller frees it. */
char *fhir_label_text(const struct questionnaire *q, struct fhir_label l, size_t lang);

/* Sets obj[key] to the label in language lang, with translations into the questionnaire's
 * other languages as fhir_set_text does. */
void fhir_set_label(json_t *obj, const char *key, const struct questionnaire *q,
                    struct fhir_label l, size_t lang);

/* The yesnodontknow coding of option index i of a yes/no question. */
const char *fhir_yesno_system(int i);
const char *fhir_yesno_code(int i);

#endif
