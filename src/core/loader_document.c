/* loader_document.c - the document: format, id, version, languages (read first: every text
 * depends on them), labels, findings, role rules and recommendations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"
#include "arena.h"

/* ---- findings, roles, recommendations ---- */

static void finding_severity(struct loader *l, const struct yamltree_node *v, void *target)
{
    int s = loader_word(l, v, "severity", model_severity_parse, severity_name, SEV_COUNT);
    if (s >= 0)
        ((struct finding *)target)->severity = (enum severity)s;
}

static void finding_verdict(struct loader *l, const struct yamltree_node *v, void *target)
{
    int e = loader_word(l, v, "verdict", model_eligibility_parse, eligibility_name, ELIG_COUNT);
    if (e >= 0)
        ((struct finding *)target)->verdict = (enum eligibility)e;
}

enum { FK_ID, FK_SEVERITY, FK_VERDICT, FK_TEXT, FK_WHEN };
static const struct key finding_keys[] = {
    [FK_ID] = {"id", true, FIELD_ID, offsetof(struct finding, id), NULL},
    [FK_SEVERITY] = {"severity", true, FIELD_CUSTOM, 0, finding_severity},
    [FK_VERDICT] = {"verdict", false, FIELD_CUSTOM, 0, finding_verdict},
    [FK_TEXT] = {"text", true, FIELD_TEXT, offsetof(struct finding, text), NULL},
    [FK_WHEN] = {"when", false, FIELD_COND, offsetof(struct finding, when), NULL},
};
static const struct schema finding_schema = SCHEMA("finding", finding_keys);

static void role_role(struct loader *l, const struct yamltree_node *v, void *target)
{
    int r = loader_word(l, v, "role", model_role_parse, role_name, ROLE_COUNT);
    if (r >= 0)
        ((struct role_rule *)target)->role = (enum role)r;
}

static const struct key role_keys[] = {
    {"role", true, FIELD_CUSTOM, 0, role_role},
    {"when", false, FIELD_COND, offsetof(struct role_rule, when), NULL},
};
static const struct schema role_schema = SCHEMA("role rule", role_keys);

static void recommendation_kind(struct loader *l, const struct yamltree_node *v, void *target)
{
    int k = loader_word(l, v, "recommendation kind", model_recommendation_kind_parse, kind_name,
                        REC_KIND_COUNT);
    if (k >= 0)
        ((struct recommendation *)target)->kind = (enum recommendation_kind)k;
}

static const struct key recommendation_keys[] = {
    {"id", true, FIELD_ID, offsetof(struct recommendation, id), NULL},
    {"kind", true, FIELD_CUSTOM, 0, recommendation_kind},
    {"text", true, FIELD_TEXT, offsetof(struct recommendation, text), NULL},
    {"when", false, FIELD_COND, offsetof(struct recommendation, when), NULL},
};
static const struct schema recommendation_schema = SCHEMA("recommendation", recommendation_keys);

/* ---- the document ---- */

static void root_format(struct loader *l, const struct yamltree_node *v, void *target)
{
    (void)target;
    if (!loader_expect(l, v, YAMLTREE_SCALAR, "'mesoscreen/1'"))
        return;
    if (strcmp(v->str, "mesoscreen/1") != 0) {
        char b[QUOTE_SIZE];
        loader_error(l, v, "unsupported format %s; expected 'mesoscreen/1'", QUOTE(b, v));
    }
}

void loader_finding(struct loader *l, const struct yamltree_node *n, struct finding *f)
{
    const struct yamltree_node *found[MAX_KEYS];
    f->loc = node_loc(n);
    if (loader_mapping(l, n, &finding_schema, f, found) && !found[FK_VERDICT])
        f->verdict = model_severity_verdict(f->severity);
}

void loader_recommendation(struct loader *l, const struct yamltree_node *n,
                           struct recommendation *r)
{
    const struct yamltree_node *found[MAX_KEYS];
    r->loc = node_loc(n);
    loader_mapping(l, n, &recommendation_schema, r, found);
}

/* Whether list v was read ahead item by item into a (its placeholders replayed); a list
 * that is not exactly a's items sets l->restart. */
static bool list_taken(struct loader *l, const struct yamltree_node *v, enum stream_kind kind,
                       const struct stream_array *a)
{
    if (v->n == 0 || v->items[0].kind != YAMLTREE_TAKEN)
        return false;
    for (size_t i = 0; i < v->n; i++)
        if (!loader_taken(l, &v->items[i], kind, i))
            l->restart = true;
    if (!a || a->n != v->n)
        l->restart = true;
    return true;
}

static void root_findings(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!loader_list(l, v, "findings", false))
        return;
    const struct stream_array *a = l->stream ? &l->stream->findings : NULL;
    if (list_taken(l, v, STREAM_FINDING, a)) {
        if (!l->restart) {
            q->findings = a->items;
            q->n_findings = a->n;
        }
        return;
    }
    q->findings = arena_calloc(l->q->arena, v->n, sizeof *q->findings);
    q->n_findings = v->n;
    for (size_t i = 0; i < v->n; i++)
        loader_finding(l, &v->items[i], &q->findings[i]);
}

static void root_roles(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!loader_list(l, v, "role rules", true))
        return;
    q->role_rules = arena_calloc(l->q->arena, v->n, sizeof *q->role_rules);
    q->n_role_rules = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        q->role_rules[i].loc = node_loc(&v->items[i]);
        loader_mapping(l, &v->items[i], &role_schema, &q->role_rules[i], found);
    }
}

static void root_recommendations(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!loader_list(l, v, "recommendations", false))
        return;
    const struct stream_array *a = l->stream ? &l->stream->recommendations : NULL;
    if (list_taken(l, v, STREAM_RECOMMENDATION, a)) {
        if (!l->restart) {
            q->recommendations = a->items;
            q->n_recommendations = a->n;
        }
        return;
    }
    q->recommendations = arena_calloc(l->q->arena, v->n, sizeof *q->recommendations);
    q->n_recommendations = v->n;
    for (size_t i = 0; i < v->n; i++)
        loader_recommendation(l, &v->items[i], &q->recommendations[i]);
}

static void root_labels(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!loader_expect(l, v, YAMLTREE_MAP, "a mapping of label key to text"))
        return;
    q->labels = arena_calloc(l->q->arena, v->n ? v->n : 1, sizeof *q->labels);
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *k = &v->items[2 * i];
        if (k->skip)
            continue;
        struct label *lb = &q->labels[q->n_labels++];
        lb->key = loader_id(l, k, "label key");
        loader_text(l, k + 1, &lb->text);
    }
}

static bool language_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    if (i == n)
        return true;
    if (s[i] != '-' || n - i - 1 < 2 || n - i - 1 > 8)
        return false;
    for (i++; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

/* `languages:` is read before anything else, since every text depends on it. */
void loader_languages(struct loader *l, const struct yamltree_node *v)
{
    if (!v) {
        l->q->languages[l->q->n_languages++] = arena_strndup(l->q->arena, "en", 2);
        return;
    }
    struct questionnaire *q = l->q;
    if (loader_list(l, v, "language codes", true)) {
        for (size_t i = 0; i < v->n; i++) {
            const struct yamltree_node *c = &v->items[i];
            char b[QUOTE_SIZE];
            if (!loader_expect(l, c, YAMLTREE_SCALAR, "a language code"))
                continue;
            if (!language_valid(c->str, c->n))
                loader_error(l, c, "invalid language code %s: use a code such as 'en' or 'pt-BR'",
                             QUOTE(b, c));
            else if (loader_language_index(q, c) >= 0)
                loader_error(l, c, "duplicate language %s", QUOTE(b, c));
            else if (q->n_languages == MODEL_MAX_LANGUAGES)
                loader_error(l, c, "too many languages: at most %d", MODEL_MAX_LANGUAGES);
            else
                q->languages[q->n_languages++] = arena_strndup(l->q->arena, c->str, c->n);
        }
    }
    if (q->n_languages == 0) /* keep checking the texts against the default */
        q->languages[q->n_languages++] = arena_strndup(l->q->arena, "en", 2);
}

static void root_languages_done(struct loader *l, const struct yamltree_node *v, void *target)
{
    (void)l, (void)v, (void)target;
}

/* `url`: kept as written with its place; validator_check judges its form. */
static void root_url(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    q->url = loader_string(l, v, "a URL");
    q->url_loc = node_loc(v);
}

static const struct key root_keys[] = {
    {"format", true, FIELD_CUSTOM, 0, root_format},
    {"id", true, FIELD_ID, offsetof(struct questionnaire, id), NULL},
    {"version", true, FIELD_STRING, offsetof(struct questionnaire, version), NULL},
    {"url", false, FIELD_CUSTOM, 0, root_url},
    {"title", true, FIELD_TEXT, offsetof(struct questionnaire, title), NULL},
    {"languages", false, FIELD_CUSTOM, 0, root_languages_done},
    {"disclaimer", false, FIELD_TEXT, offsetof(struct questionnaire, disclaimer), NULL},
    {"labels", false, FIELD_CUSTOM, 0, root_labels},
    {"sections", true, FIELD_CUSTOM, 0, loader_sections},
    {"findings", false, FIELD_CUSTOM, 0, root_findings},
    {"roles", true, FIELD_CUSTOM, 0, root_roles},
    {"recommendations", false, FIELD_CUSTOM, 0, root_recommendations},
};
static const struct schema root_schema = SCHEMA("questionnaire", root_keys);
_Static_assert(sizeof root_keys / sizeof root_keys[0] <= MAX_KEYS, "raise MAX_KEYS");

void loader_document(struct loader *l, const struct yamltree_node *root)
{
    const struct yamltree_node *languages = NULL;
    if (root->kind == YAMLTREE_MAP)
        for (size_t i = 0; i < root->n; i++)
            if (!root->items[2 * i].skip && strcmp(root->items[2 * i].str, "languages") == 0)
                languages = &root->items[2 * i + 1];
    const struct loader_stream *s = l->stream;
    if (s && s->on) { /* read ahead: it must be the same node */
        if (!languages != !s->has_languages ||
            (languages &&
             (languages->line != s->languages_loc.line || languages->col != s->languages_loc.col ||
              languages->kind != s->languages_kind)))
            l->restart = true;
        loader_replay(l, STREAM_TAG(STREAM_LANGUAGES, 0));
    } else {
        loader_languages(l, languages);
    }
    const struct yamltree_node *found[MAX_KEYS];
    loader_mapping(l, root, &root_schema, l->q, found);
}
