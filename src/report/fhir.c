/* fhir.c - what mesoscreen's FHIR resources share: codings, derived URLs and names, texts
 * with their translations, and the fixed vocabulary's words (see fhir.h). */
#include "fhir.h"

#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "jsonutil.h"
#include "strbuf.h"
#include "uuid.h"
#include "xalloc.h"

json_t *fhir_coding(const char *system, const char *code, const char *display)
{
    json_t *c = jsonutil_object();
    jsonutil_set(c, "system", jsonutil_string(system));
    jsonutil_set(c, "code", jsonutil_string(code));
    if (display && *display)
        jsonutil_set(c, "display", jsonutil_string(display));
    return c;
}

void fhir_uri_escape(struct strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            strbuf_add(b, (const char *)p, 1);
        else
            strbuf_printf(b, "%%%02X", (unsigned)*p);
    }
}

char *fhir_derived_urn(const char *const *parts, size_t n)
{
    struct digest_sha256 ctx;
    unsigned char digest[DIGEST_SHA256_SIZE];
    digest_sha256_init(&ctx);
    static const char domain[] = "mesoscreen/fhir;";
    digest_sha256_update(&ctx, domain, sizeof domain - 1);
    for (size_t i = 0; i < n; i++) {
        const char *p = parts[i] ? parts[i] : "";
        char len[32];
        int k = snprintf(len, sizeof len, "%zu:", strlen(p));
        digest_sha256_update(&ctx, len, (size_t)k);
        digest_sha256_update(&ctx, p, strlen(p));
    }
    digest_sha256_final(&ctx, digest);
    char id[UUID_STR_SIZE];
    uuid_format(digest, 8, id);
    return xasprintf("urn:uuid:%s", id);
}

char *fhir_questionnaire_url(const struct questionnaire *q)
{
    if (q->url)
        return xstrdup(q->url);
    const char *parts[] = {"questionnaire", q->id, q->version};
    return fhir_derived_urn(parts, 3);
}

char *fhir_canonical(const char *url, const char *version)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_printf(&b, "%s|", url);
    fhir_uri_escape(&b, version);
    return strbuf_release(&b, NULL);
}

char *fhir_system_url(const struct questionnaire *q, const char *kind, const char *name)
{
    if (q->url)
        return name ? xasprintf("%s/%s/%s", q->url, kind, name) : xasprintf("%s/%s", q->url, kind);
    const char *parts[] = {"codesystem", q->id, kind, name};
    return fhir_derived_urn(parts, name ? 4 : 3);
}

/* A translation extension {lang, content}. */
static json_t *fhir_translation(const char *lang, const char *content)
{
    json_t *ext = jsonutil_object(), *parts = jsonutil_array(), *p;
    jsonutil_set(ext, "url", jsonutil_string(FHIR_EXT_TRANSLATION));
    p = jsonutil_object();
    jsonutil_set(p, "url", jsonutil_string("lang"));
    jsonutil_set(p, "valueCode", jsonutil_string(lang));
    jsonutil_append(parts, p);
    p = jsonutil_object();
    jsonutil_set(p, "url", jsonutil_string("content"));
    jsonutil_set(p, "valueString", jsonutil_string(content));
    jsonutil_append(parts, p);
    jsonutil_set(ext, "extension", parts);
    return ext;
}

/* obj[key] = texts[lang]; obj["_" key].extension = the other languages' non-empty texts. */
static void fhir_set_texts(json_t *obj, const char *key, const struct questionnaire *q,
                           char *const *texts, size_t lang)
{
    if (!texts[lang] || !*texts[lang])
        return;
    jsonutil_set(obj, key, jsonutil_string(texts[lang]));
    json_t *exts = NULL;
    for (size_t i = 0; i < q->n_languages; i++) {
        if (i == lang || !texts[i] || !*texts[i] || strcmp(texts[i], texts[lang]) == 0)
            continue;
        if (!exts)
            exts = jsonutil_array();
        jsonutil_append(exts, fhir_translation(q->languages[i], texts[i]));
    }
    if (exts) {
        json_t *prim = jsonutil_object();
        jsonutil_set(prim, "extension", exts);
        char *k = xasprintf("_%s", key);
        jsonutil_set(obj, k, prim);
        free(k);
    }
}

void fhir_set_text(json_t *obj, const char *key, const struct questionnaire *q,
                   const struct text *t, size_t lang)
{
    if (!t->by_lang)
        return;
    char *texts[MODEL_MAX_LANGUAGES] = {0};
    for (size_t i = 0; i < q->n_languages; i++)
        texts[i] = (char *)model_text(t, i);
    fhir_set_texts(obj, key, q, texts, lang);
}

/* ---- the fixed vocabulary ---- */

static const struct fhir_label fhir_yesno_labels[YESNO_COUNT] = {
    [YESNO_YES] = {"answer_yes", "Yes"},
    [YESNO_NO] = {"answer_no", "No"},
    [YESNO_UNKNOWN] = {"answer_unknown", "Unknown (the patient does not know)"},
};

static const struct {
    const char *code;
    struct fhir_label label;
} fhir_fixed_labels[] = {
    {"not_eligible", {"verdict_not_eligible", "NOT ELIGIBLE"}},
    {"deferred", {"verdict_deferred", "DEFERRED"}},
    {"refer_for_diagnosis", {"verdict_refer_for_diagnosis", "REFER FOR DIAGNOSIS"}},
    {"eligible_with_precautions",
     {"verdict_eligible_with_precautions", "ELIGIBLE WITH PRECAUTIONS"}},
    {"eligible", {"verdict_eligible", "ELIGIBLE"}},
    {"single", {"role_single", "SINGLE TREATMENT"}},
    {"adjuvant", {"role_adjuvant", "ADJUVANT"}},
    {"undetermined", {"role_undetermined", "UNDETERMINED"}},
    {"none", {"role_none", "NONE"}},
    {"absolute", {"severity_absolute", "Absolute contraindications"}},
    {"temporary", {"severity_temporary", "Temporary contraindications"}},
    {"precaution", {"severity_precaution", "Precautions"}},
    {"info", {"severity_info", "For information"}},
    {FHIR_CODE_ROLE, {"role", "ROLE:"}},
};

struct fhir_label fhir_yesno_label(int i)
{
    if (i < 0 || i >= YESNO_COUNT)
        xdie("fhir_yesno_label: option %d out of range", i);
    return fhir_yesno_labels[i];
}

struct fhir_label fhir_fixed_label(const char *code)
{
    for (size_t i = 0; i < sizeof fhir_fixed_labels / sizeof fhir_fixed_labels[0]; i++)
        if (strcmp(fhir_fixed_labels[i].code, code) == 0)
            return fhir_fixed_labels[i].label;
    xdie("fhir_fixed_label: no label for '%s'", code);
}

char *fhir_label_text(const struct questionnaire *q, struct fhir_label l, size_t lang)
{
    char *s = xstrdup(model_label(q, l.key, lang, l.fallback));
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
        s[--n] = '\0';
    return s;
}

void fhir_set_label(json_t *obj, const char *key, const struct questionnaire *q,
                    struct fhir_label l, size_t lang)
{
    char *texts[MODEL_MAX_LANGUAGES] = {0};
    for (size_t i = 0; i < q->n_languages; i++)
        texts[i] = fhir_label_text(q, l, i);
    fhir_set_texts(obj, key, q, texts, lang);
    for (size_t i = 0; i < q->n_languages; i++)
        free(texts[i]);
}

static const char *const fhir_yesno_codes[YESNO_COUNT][2] = {
    [YESNO_YES] = {FHIR_YESNO_SYSTEM, "Y"},
    [YESNO_NO] = {FHIR_YESNO_SYSTEM, "N"},
    [YESNO_UNKNOWN] = {FHIR_ABSENT_SYSTEM, "asked-unknown"},
};

const char *fhir_yesno_system(int i)
{
    fhir_yesno_label(i); /* range check */
    return fhir_yesno_codes[i][0];
}

const char *fhir_yesno_code(int i)
{
    fhir_yesno_label(i);
    return fhir_yesno_codes[i][1];
}

void fhir_bundle_post(json_t *entries, const char *full_url, json_t *resource,
                      const char *if_none_exist)
{
    const char *type = json_string_value(json_object_get(resource, "resourceType"));
    json_t *e = jsonutil_object(), *req = jsonutil_object();
    jsonutil_set(e, "fullUrl", jsonutil_string(full_url));
    jsonutil_set(e, "resource", resource);
    jsonutil_set(req, "method", jsonutil_string("POST"));
    jsonutil_set(req, "url", jsonutil_string(type));
    jsonutil_set(req, "ifNoneExist", jsonutil_string(if_none_exist));
    jsonutil_set(e, "request", req);
    jsonutil_append(entries, e);
}
