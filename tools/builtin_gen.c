/* builtin_gen.c - compiles the built-in questionnaire at build time: loads and validates the
 * embedded YAML (builtin_yaml) with the program's own loader and validator, and writes the
 * resolved model as static C data, with the SHA-256 of the bytes, so that the program never
 * parses it at run time. Any error or warning fails the build: the built-in stays clean.
 *
 * Every field of model.h is written here; tests/unit/test_builtin.c compares model_dump of
 * the result with that of the YAML loaded at run time, so a field forgotten here fails it.
 * Usage: builtin_gen OUTPUT.c */
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "digest.h"
#include "loader.h"
#include "strbuf.h"
#include "validator.h"
#include "xalloc.h"

struct gen {
    FILE *out;
    unsigned next;      /* the number of the next definition: every name is unique */
    size_t n_languages; /* the slots of every text */
};

/* A new string built by printf, for an initializer. */
static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s = xvasprintf(f, ap);
    va_end(ap);
    return s;
}

/* C strings longer than this are written as byte lists (C17 promises 4095 in a literal). */
#define MAX_LITERAL 4000

/* Defines the string s; returns the name to refer to it by ("NULL" for NULL). */
static char *str_ref(struct gen *g, const char *s)
{
    if (!s)
        return xstrdup("NULL");
    unsigned id = g->next++;
    size_t n = strlen(s);
    fprintf(g->out, "static char s%u[] = ", id);
    if (n > MAX_LITERAL) {
        fputc('{', g->out);
        for (size_t i = 0; i <= n; i++)
            fprintf(g->out, "%s%d", i % 24 ? "," : "\n", (signed char)s[i]);
        fputs("};\n", g->out);
        return fmt("s%u", id);
    }
    fputc('"', g->out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?') /* '?': no trigraph can form */
            fprintf(g->out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(g->out, "\\%03o", *p);
        else
            fputc(*p, g->out);
    }
    fputs("\";\n", g->out);
    return fmt("s%u", id);
}

static char *loc_init(struct src_loc l)
{
    return fmt("{%u, %u}", l.line, l.col);
}

static char *number(long long v)
{
    return v == LLONG_MIN ? xstrdup("(-9223372036854775807LL - 1)") : fmt("%lldLL", v);
}

/* Defines a text's translations (one slot per language); returns its initializer. */
static char *text_init(struct gen *g, const struct text *t)
{
    char *l = loc_init(t->loc);
    if (!t->by_lang) {
        char *s = fmt("{.by_lang = NULL, .loc = %s}", l);
        free(l);
        return s;
    }
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < g->n_languages; i++) {
        char *r = str_ref(g, t->by_lang[i]);
        strbuf_printf(&b, "%s%s", i ? ", " : "", r);
        free(r);
    }
    unsigned id = g->next++;
    char *langs = strbuf_release(&b, NULL);
    fprintf(g->out, "static char *t%u[] = {%s};\n", id, langs);
    char *s = fmt("{.by_lang = t%u, .loc = %s}", id, l);
    free(langs);
    free(l);
    return s;
}

/* Defines a condition tree; returns "&cN" or "NULL". */
static char *cond_ref(struct gen *g, const struct cond *c)
{
    if (!c)
        return xstrdup("NULL");
    char *items = xstrdup("NULL"), *values = xstrdup("NULL");
    if (c->n_items) {
        struct strbuf b = STRBUF_INIT;
        for (size_t i = 0; i < c->n_items; i++) {
            char *r = cond_ref(g, c->items[i]);
            strbuf_printf(&b, "%s%s", i ? ", " : "", r);
            free(r);
        }
        char *list = strbuf_release(&b, NULL);
        free(items);
        items = fmt("ci%u", g->next);
        fprintf(g->out, "static struct cond *%s[] = {%s};\n", items, list);
        g->next++;
        free(list);
    }
    if (c->n_values) {
        struct strbuf v = STRBUF_INIT;
        for (size_t i = 0; i < c->n_values; i++) {
            char *r = str_ref(g, c->values[i].value), *lo = loc_init(c->values[i].loc);
            strbuf_printf(&v, "%s{%s, %s, %d}", i ? ", " : "", r, lo, c->values[i].index);
            free(r);
            free(lo);
        }
        unsigned id = g->next++;
        char *vs = strbuf_release(&v, NULL);
        fprintf(g->out, "static struct cond_value cv%u[] = {%s};\n", id, vs);
        free(values);
        values = fmt("cv%u", id);
        free(vs);
    }
    char *ref = str_ref(g, c->ref), *l = loc_init(c->loc), *rl = loc_init(c->ref_loc),
         *nb = number(c->number);
    unsigned id = g->next++;
    fprintf(g->out,
            "static struct cond c%u = {.kind = %d, .loc = %s, .items = %s, .n_items = %" PRIu32
            ", .ref = %s, .ref_loc = %s, .ref_index = %d, .values = %s, .n_values = %" PRIu32
            ", .op = %d, .number = %s, .flag = %d, .eligibilities = %uu};\n",
            id, (int)c->kind, l, items, c->n_items, ref, rl, c->ref_index, values, c->n_values,
            (int)c->op, nb, (int)c->flag, c->eligibilities);
    free(items), free(values), free(ref), free(l), free(rl), free(nb);
    return fmt("&c%u", id);
}

/* Defines a question's options and raises; returns the question's initializer. */
static char *question_init(struct gen *g, const struct question *qn)
{
    char *options = xstrdup("NULL"), *raises = xstrdup("NULL");
    if (qn->n_options) {
        struct strbuf b = STRBUF_INIT;
        for (size_t i = 0; i < qn->n_options; i++) {
            const struct qoption *o = &qn->options[i];
            char *v = str_ref(g, o->value), *l = loc_init(o->loc), *t = text_init(g, &o->text),
                 *h = text_init(g, &o->help), *k = str_ref(g, o->key), *w = cond_ref(g, o->when);
            strbuf_printf(&b,
                          "  {.value = %s, .loc = %s, .text = %s, .help = %s, .exclusive = %d, "
                          ".key = %s, .when = %s},\n",
                          v, l, t, h, (int)o->exclusive, k, w);
            free(v), free(l), free(t), free(h), free(k), free(w);
        }
        char *list = strbuf_release(&b, NULL);
        free(options);
        options = fmt("qo%u", g->next++);
        fprintf(g->out, "static struct qoption %s[] = {\n%s};\n", options, list);
        free(list);
    }
    if (qn->n_raises) {
        struct strbuf b = STRBUF_INIT;
        for (size_t i = 0; i < qn->n_raises; i++) {
            const struct raise *r = &qn->raises[i];
            char *v = str_ref(g, r->value), *l = loc_init(r->loc), *f = str_ref(g, r->finding),
                 *fl = loc_init(r->finding_loc);
            strbuf_printf(&b,
                          "  {.value = %s, .loc = %s, .value_index = %d, .finding = %s, "
                          ".finding_loc = %s, .finding_index = %d},\n",
                          v, l, r->value_index, f, fl, r->finding_index);
            free(v), free(l), free(f), free(fl);
        }
        char *list = strbuf_release(&b, NULL);
        free(raises);
        raises = fmt("qr%u", g->next++);
        fprintf(g->out, "static struct raise %s[] = {\n%s};\n", raises, list);
        free(list);
    }
    char *defaults = xstrdup("NULL");
    if (qn->n_defaults) {
        struct strbuf v = STRBUF_INIT;
        for (size_t i = 0; i < qn->n_defaults; i++) {
            char *r = str_ref(g, qn->defaults[i].value), *at = loc_init(qn->defaults[i].loc);
            strbuf_printf(&v, "%s{%s, %s}", i ? ", " : "", r, at);
            free(r), free(at);
        }
        unsigned n = g->next++;
        char *vs = strbuf_release(&v, NULL);
        fprintf(g->out, "static struct value_ref qd%u[] = {%s};\n", n, vs);
        free(defaults), free(vs);
        defaults = fmt("qd%u", n);
    }
    char *id = str_ref(g, qn->id), *l = loc_init(qn->loc), *t = text_init(g, &qn->text),
         *h = text_init(g, &qn->help), *w = cond_ref(g, qn->when), *u = text_init(g, &qn->unit),
         *lo = number(qn->min), *hi = number(qn->max), *dl = loc_init(qn->default_loc);
    char *s = fmt("  {.id = %s, .loc = %s, .type = %d, .section = %" PRIu32 ", .text = %s, "
                  ".help = %s, .required = %d, .when = %s, .options = %s, .n_options = %" PRIu32
                  ", .min = %s, .max = %s, .max_length = %lld, .unit = %s, .raises = %s, "
                  ".n_raises = %" PRIu32 ", .defaults = %s, .n_defaults = %" PRIu32
                  ", .default_loc = %s, .default_mask = %lluu},\n",
                  id, l, (int)qn->type, qn->section, t, h, (int)qn->required, w, options,
                  qn->n_options, lo, hi, qn->max_length, u, raises, qn->n_raises, defaults,
                  qn->n_defaults, dl, (unsigned long long)qn->default_mask);
    free(options), free(raises), free(id), free(l), free(t), free(h), free(w), free(u), free(lo),
        free(hi), free(defaults), free(dl);
    return s;
}

/* Defines an array from the initializers of its n elements ("NULL" when n is 0). */
static char *array(struct gen *g, const char *type, struct strbuf *items, size_t n)
{
    char *list = strbuf_release(items, NULL);
    if (n == 0) {
        free(list);
        return xstrdup("NULL");
    }
    char *name = fmt("a%u", g->next++);
    fprintf(g->out, "static %s %s[] = {\n%s};\n", type, name, list);
    free(list);
    return name;
}

static char *sections(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_sections; i++) {
        const struct section *s = &q->sections[i];
        char *id = str_ref(g, s->id), *l = loc_init(s->loc), *t = text_init(g, &s->title),
             *w = cond_ref(g, s->when);
        strbuf_printf(&b,
                      "  {.id = %s, .loc = %s, .title = %s, .when = %s, .first_question = %" PRIu32
                      ", .n_questions = %" PRIu32 "},\n",
                      id, l, t, w, s->first_question, s->n_questions);
        free(id), free(l), free(t), free(w);
    }
    return array(g, "struct section", &b, q->n_sections);
}

static char *questions(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_questions; i++) {
        char *s = question_init(g, &q->questions[i]);
        strbuf_puts(&b, s);
        free(s);
    }
    return array(g, "struct question", &b, q->n_questions);
}

static char *findings(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_findings; i++) {
        const struct finding *f = &q->findings[i];
        char *id = str_ref(g, f->id), *l = loc_init(f->loc), *t = text_init(g, &f->text),
             *w = cond_ref(g, f->when);
        strbuf_printf(&b,
                      "  {.id = %s, .loc = %s, .severity = %d, .verdict = %d, .text = %s, "
                      ".when = %s},\n",
                      id, l, (int)f->severity, (int)f->verdict, t, w);
        free(id), free(l), free(t), free(w);
    }
    return array(g, "struct finding", &b, q->n_findings);
}

static char *role_rules(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_role_rules; i++) {
        const struct role_rule *r = &q->role_rules[i];
        char *l = loc_init(r->loc), *w = cond_ref(g, r->when);
        strbuf_printf(&b, "  {.role = %d, .loc = %s, .when = %s},\n", (int)r->role, l, w);
        free(l), free(w);
    }
    return array(g, "struct role_rule", &b, q->n_role_rules);
}

static char *recommendations(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_recommendations; i++) {
        const struct recommendation *r = &q->recommendations[i];
        char *id = str_ref(g, r->id), *l = loc_init(r->loc), *t = text_init(g, &r->text),
             *w = cond_ref(g, r->when);
        strbuf_printf(&b, "  {.id = %s, .loc = %s, .kind = %d, .text = %s, .when = %s},\n", id, l,
                      (int)r->kind, t, w);
        free(id), free(l), free(t), free(w);
    }
    return array(g, "struct recommendation", &b, q->n_recommendations);
}

static char *labels(struct gen *g, const struct questionnaire *q)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < q->n_labels; i++) {
        char *k = str_ref(g, q->labels[i].key), *t = text_init(g, &q->labels[i].text);
        strbuf_printf(&b, "  {.key = %s, .text = %s},\n", k, t);
        free(k), free(t);
    }
    return array(g, "struct label", &b, q->n_labels);
}

static void questionnaire(struct gen *g, const struct questionnaire *q, const char *sha)
{
    struct strbuf langs = STRBUF_INIT;
    for (size_t i = 0; i < MODEL_MAX_LANGUAGES; i++) {
        char *r = str_ref(g, q->languages[i]);
        strbuf_printf(&langs, "%s%s", i ? ", " : "", r);
        free(r);
    }
    char *file = str_ref(g, q->file), *id = str_ref(g, q->id), *version = str_ref(g, q->version),
         *url = str_ref(g, q->url), *url_loc = loc_init(q->url_loc),
         *title = text_init(g, &q->title), *disclaimer = text_init(g, &q->disclaimer),
         *ss = sections(g, q), *qs = questions(g, q), *fs = findings(g, q), *rs = role_rules(g, q),
         *cs = recommendations(g, q), *ls = labels(g, q), *lang = strbuf_release(&langs, NULL);
    fprintf(g->out,
            "static struct questionnaire model = {\n"
            "  .file = %s, .source = NULL, .source_len = %zu,\n"
            "  .id = %s, .version = %s, .url = %s, .url_loc = %s, .title = %s,\n"
            "  .languages = {%s}, .n_languages = %zu, .disclaimer = %s,\n"
            "  .sections = %s, .n_sections = %zu, .questions = %s, .n_questions = %zu,\n"
            "  .findings = %s, .n_findings = %zu, .role_rules = %s, .n_role_rules = %zu,\n"
            "  .recommendations = %s, .n_recommendations = %zu, .labels = %s, .n_labels = %zu,\n"
            "  .resolved = %d, .source_sha256 = \"%s\", .compiled = true,\n"
            "};\n\n",
            file, q->source_len, id, version, url, url_loc, title, lang, q->n_languages, disclaimer,
            ss, q->n_sections, qs, q->n_questions, fs, q->n_findings, rs, q->n_role_rules, cs,
            q->n_recommendations, ls, q->n_labels, (int)q->resolved, sha);
    free(file), free(id), free(version), free(url), free(url_loc), free(title), free(disclaimer),
        free(ss), free(qs), free(fs), free(rs), free(cs), free(ls), free(lang);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: builtin_gen OUTPUT.c\n");
        return 64;
    }
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    bool ok = loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q) == LOAD_OK &&
              validator_check(q, &d);
    if (!ok || d.n > 0) {
        diags_sort(&d);
        diags_print(&d, stderr);
        fprintf(stderr, "builtin_gen: the built-in questionnaire must load without a problem\n");
        return 65;
    }
    char sha[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(builtin_yaml, builtin_yaml_len, sha);

    char *tmp = fmt("%s.tmp", argv[1]);
    struct gen g = {.out = fopen(tmp, "w"), .n_languages = q->n_languages};
    if (!g.out) {
        perror(tmp);
        return 73;
    }
    fprintf(g.out, "/* Generated by tools/builtin_gen.c from the built-in questionnaire; do not "
                   "edit. */\n#include <stdbool.h>\n#include <stddef.h>\n\n"
                   "#include \"builtin.h\"\n#include \"model.h\"\n\n");
    questionnaire(&g, q, sha);
    fprintf(g.out, "struct questionnaire *builtin_questionnaire(void)\n{\n"
                   "    model.source = (char *)builtin_yaml; /* read only, like the rest */\n"
                   "    return &model;\n}\n");
    if (fclose(g.out) != 0 || rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        return 73;
    }
    free(tmp);
    model_free(q);
    diags_clear(&d);
    return 0;
}
