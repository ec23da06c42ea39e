/* model_dump.c - every field of the model as canonical text (see model_dump.h). */
#include "model_dump.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "strbuf.h"

/* The structures' sizes on LP64 as this file knows them: a field added to model.h changes a
 * size and stops the build here until the dump (and tools/builtin_gen.c) print it. */
#if defined(__LP64__)
_Static_assert(sizeof(struct src_loc) == 8, "dump the new src_loc field");
_Static_assert(sizeof(struct text) == 16, "dump the new text field");
_Static_assert(sizeof(struct value_ref) == 16, "dump the new value_ref field");
_Static_assert(sizeof(struct cond) == 80, "dump the new cond field");
_Static_assert(sizeof(struct cond_value) == 24, "dump the new cond_value field");
_Static_assert(sizeof(struct qoption) == 72, "dump the new qoption field");
_Static_assert(sizeof(struct raise) == 40, "dump the new raise field");
_Static_assert(sizeof(struct question) == 160, "dump the new question field");
_Static_assert(sizeof(struct section) == 48, "dump the new section field");
_Static_assert(sizeof(struct finding) == 48, "dump the new finding field");
_Static_assert(sizeof(struct role_rule) == 24, "dump the new role_rule field");
_Static_assert(sizeof(struct recommendation) == 48, "dump the new recommendation field");
_Static_assert(sizeof(struct label) == 24, "dump the new label field");
_Static_assert(sizeof(struct questionnaire) == 352, "dump the new questionnaire field");
#endif

struct dump {
    struct strbuf b;
    char path[512];
    size_t n_languages; /* the slots of every text */
};

/* Appends ".name" or "[i]" to the path for the length of one call; returns the old length. */
static size_t enter(struct dump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static size_t enter(struct dump *d, const char *fmt, ...)
{
    size_t old = strlen(d->path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->path + old, sizeof d->path - old, fmt, ap);
    va_end(ap);
    return old;
}

static void leave(struct dump *d, size_t old)
{
    d->path[old] = '\0';
}

/* A string, escaped so that the dump is one line per field; NULL as `null`. */
static void str(struct dump *d, const char *name, const char *s)
{
    strbuf_printf(&d->b, "%s.%s ", d->path, name);
    if (!s) {
        strbuf_puts(&d->b, "null\n");
        return;
    }
    strbuf_puts(&d->b, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            strbuf_printf(&d->b, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            strbuf_printf(&d->b, "\\x%02x", (unsigned char)*s);
        else
            strbuf_add(&d->b, s, 1);
    }
    strbuf_puts(&d->b, "\"\n");
}

static void num(struct dump *d, const char *name, long long v)
{
    strbuf_printf(&d->b, "%s.%s %lld\n", d->path, name, v);
}

static void loc(struct dump *d, const char *name, struct src_loc l)
{
    strbuf_printf(&d->b, "%s.%s %u:%u\n", d->path, name, l.line, l.col);
}

/* A text's n_languages slots, then null up to MODEL_MAX_LANGUAGES: the same lines for
 * every questionnaire, whatever its number of languages. */
static void text(struct dump *d, const char *name, const struct text *t)
{
    size_t old = enter(d, ".%s", name);
    loc(d, "loc", t->loc);
    if (!t->by_lang)
        strbuf_printf(&d->b, "%s absent\n", d->path);
    for (size_t i = 0; t->by_lang && i < MODEL_MAX_LANGUAGES; i++) {
        char lang[16];
        snprintf(lang, sizeof lang, "[%zu]", i);
        str(d, lang, i < d->n_languages ? t->by_lang[i] : NULL);
    }
    leave(d, old);
}

static void cond(struct dump *d, const char *name, const struct cond *c)
{
    size_t old = enter(d, ".%s", name);
    if (!c) {
        strbuf_printf(&d->b, "%s null\n", d->path);
        leave(d, old);
        return;
    }
    num(d, "kind", c->kind);
    loc(d, "loc", c->loc);
    num(d, "n_items", (long long)c->n_items);
    for (size_t i = 0; i < c->n_items; i++) {
        char item[32];
        snprintf(item, sizeof item, "items[%zu]", i);
        cond(d, item, c->items[i]);
    }
    str(d, "ref", c->ref);
    loc(d, "ref_loc", c->ref_loc);
    num(d, "ref_index", c->ref_index);
    num(d, "n_values", (long long)c->n_values);
    for (size_t i = 0; i < c->n_values; i++) {
        size_t o = enter(d, ".values[%zu]", i);
        str(d, "value", c->values[i].value);
        loc(d, "loc", c->values[i].loc);
        num(d, "index", c->values[i].index);
        leave(d, o);
    }
    num(d, "op", c->op);
    num(d, "number", c->number);
    num(d, "flag", c->flag);
    num(d, "eligibilities", c->eligibilities);
    leave(d, old);
}

static void question(struct dump *d, const struct question *qn)
{
    str(d, "id", qn->id);
    loc(d, "loc", qn->loc);
    num(d, "type", qn->type);
    num(d, "section", (long long)qn->section);
    text(d, "text", &qn->text);
    text(d, "help", &qn->help);
    num(d, "required", qn->required);
    cond(d, "when", qn->when);
    num(d, "n_options", (long long)qn->n_options);
    for (size_t i = 0; i < qn->n_options; i++) {
        const struct qoption *o = &qn->options[i];
        size_t old = enter(d, ".options[%zu]", i);
        str(d, "value", o->value);
        loc(d, "loc", o->loc);
        text(d, "text", &o->text);
        text(d, "help", &o->help);
        num(d, "exclusive", o->exclusive);
        str(d, "key", o->key);
        cond(d, "when", o->when);
        leave(d, old);
    }
    num(d, "min", qn->min);
    num(d, "max", qn->max);
    num(d, "max_length", qn->max_length);
    text(d, "unit", &qn->unit);
    num(d, "n_raises", (long long)qn->n_raises);
    for (size_t i = 0; i < qn->n_raises; i++) {
        const struct raise *r = &qn->raises[i];
        size_t old = enter(d, ".raises[%zu]", i);
        str(d, "value", r->value);
        loc(d, "loc", r->loc);
        num(d, "value_index", r->value_index);
        str(d, "finding", r->finding);
        loc(d, "finding_loc", r->finding_loc);
        num(d, "finding_index", r->finding_index);
        leave(d, old);
    }
    num(d, "n_defaults", (long long)qn->n_defaults);
    for (size_t i = 0; i < qn->n_defaults; i++) {
        size_t old = enter(d, ".defaults[%zu]", i);
        str(d, "value", qn->defaults[i].value);
        loc(d, "loc", qn->defaults[i].loc);
        leave(d, old);
    }
    loc(d, "default_loc", qn->default_loc);
    strbuf_printf(&d->b, "%s.default_mask %llu\n", d->path, (unsigned long long)qn->default_mask);
}

static void lists(struct dump *d, const struct questionnaire *q)
{
    for (size_t i = 0; i < q->n_sections; i++) {
        const struct section *s = &q->sections[i];
        size_t old = enter(d, ".sections[%zu]", i);
        str(d, "id", s->id);
        loc(d, "loc", s->loc);
        text(d, "title", &s->title);
        cond(d, "when", s->when);
        num(d, "first_question", (long long)s->first_question);
        num(d, "n_questions", (long long)s->n_questions);
        leave(d, old);
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        size_t old = enter(d, ".questions[%zu]", i);
        question(d, &q->questions[i]);
        leave(d, old);
    }
    for (size_t i = 0; i < q->n_findings; i++) {
        const struct finding *f = &q->findings[i];
        size_t old = enter(d, ".findings[%zu]", i);
        str(d, "id", f->id);
        loc(d, "loc", f->loc);
        num(d, "severity", f->severity);
        num(d, "verdict", f->verdict);
        text(d, "text", &f->text);
        cond(d, "when", f->when);
        leave(d, old);
    }
    for (size_t i = 0; i < q->n_role_rules; i++) {
        const struct role_rule *r = &q->role_rules[i];
        size_t old = enter(d, ".role_rules[%zu]", i);
        num(d, "role", r->role);
        loc(d, "loc", r->loc);
        cond(d, "when", r->when);
        leave(d, old);
    }
    for (size_t i = 0; i < q->n_recommendations; i++) {
        const struct recommendation *r = &q->recommendations[i];
        size_t old = enter(d, ".recommendations[%zu]", i);
        str(d, "id", r->id);
        loc(d, "loc", r->loc);
        num(d, "kind", r->kind);
        text(d, "text", &r->text);
        cond(d, "when", r->when);
        leave(d, old);
    }
    for (size_t i = 0; i < q->n_labels; i++) {
        size_t old = enter(d, ".labels[%zu]", i);
        str(d, "key", q->labels[i].key);
        text(d, "text", &q->labels[i].text);
        leave(d, old);
    }
}

char *model_dump(const struct questionnaire *q)
{
    struct dump d = {.b = STRBUF_INIT, .path = "q", .n_languages = q->n_languages};
    str(&d, "file", q->file);
    num(&d, "source_len", (long long)q->source_len);
    strbuf_puts(&d.b, "q.source <<\n");
    if (q->source)
        strbuf_add(&d.b, q->source, q->source_len);
    strbuf_puts(&d.b, "\n>>\n");
    str(&d, "id", q->id);
    str(&d, "version", q->version);
    str(&d, "url", q->url);
    loc(&d, "url_loc", q->url_loc);
    text(&d, "title", &q->title);
    num(&d, "n_languages", (long long)q->n_languages);
    for (size_t i = 0; i < MODEL_MAX_LANGUAGES; i++) {
        char name[32];
        snprintf(name, sizeof name, "languages[%zu]", i);
        str(&d, name, q->languages[i]);
    }
    text(&d, "disclaimer", &q->disclaimer);
    num(&d, "n_sections", (long long)q->n_sections);
    num(&d, "n_questions", (long long)q->n_questions);
    num(&d, "n_findings", (long long)q->n_findings);
    num(&d, "n_role_rules", (long long)q->n_role_rules);
    num(&d, "n_recommendations", (long long)q->n_recommendations);
    num(&d, "n_labels", (long long)q->n_labels);
    lists(&d, q);
    num(&d, "resolved", q->resolved);
    return strbuf_release(&d.b, NULL);
}
