/* loader_questions.c - sections and their questions: options, raises, and the checks that
 * depend on a question's type. */
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"
#include "arena.h"
#include "xalloc.h"

/* ---- options ---- */

static const struct key option_keys[] = {
    {"value", true, FIELD_ID, offsetof(struct qoption, value), NULL},
    {"text", true, FIELD_TEXT, offsetof(struct qoption, text), NULL},
    {"help", false, FIELD_TEXT, offsetof(struct qoption, help), NULL},
    {"exclusive", false, FIELD_BOOL, offsetof(struct qoption, exclusive), NULL},
    {"key", false, FIELD_STRING, offsetof(struct qoption, key), NULL},
    {"when", false, FIELD_COND, offsetof(struct qoption, when), NULL},
};
static const struct schema option_schema = SCHEMA("option", option_keys);

static void question_options(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    if (!loader_list(l, v, "options", true))
        return;
    qn->options = arena_calloc(l->q->arena, v->n, sizeof *qn->options);
    qn->n_options = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *found[MAX_KEYS];
        if (i == MODEL_MAX_OPTIONS)
            loader_error(l, &v->items[i], "too many options: a question has at most %d",
                         MODEL_MAX_OPTIONS);
        qn->options[i].loc = node_loc(&v->items[i]);
        loader_mapping(l, &v->items[i], &option_schema, &qn->options[i], found);
    }
}

/* ---- raises ---- */

static void question_raises(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    if (!loader_expect(l, v, YAMLTREE_MAP, "a mapping of answer to finding id"))
        return;
    size_t total = 0;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *f = &v->items[2 * i + 1];
        total += f->kind == YAMLTREE_SEQ ? f->n : 1;
    }
    qn->raises = arena_calloc(l->q->arena, total ? total : 1, sizeof *qn->raises);
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *k = &v->items[2 * i], *f = k + 1;
        if (k->skip)
            continue;
        char *value = loader_id(l, k, "answer value");
        const struct yamltree_node *items = f;
        size_t n = 1;
        if (f->kind == YAMLTREE_SEQ) {
            items = f->items;
            n = f->n;
            if (n == 0)
                loader_error(l, f, "expected at least one finding id, found an empty list");
        }
        for (size_t j = 0; j < n; j++) {
            char *finding = loader_id(l, &items[j], "finding id");
            if (!value || !finding)
                continue;
            qn->raises[qn->n_raises++] = (struct raise){
                .value = value, /* shared: the model lives in one arena */
                .loc = node_loc(k),
                .value_index = -1,
                .finding = finding,
                .finding_loc = node_loc(&items[j]),
                .finding_index = -1,
            };
        }
    }
}

/* ---- defaults ---- */

/* `default: VALUE` or `default: [VALUE, ...]`: option values, checked by the validator. */
static void question_default(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct question *qn = target;
    const struct yamltree_node *items = v;
    size_t n = 1;
    if (v->kind == YAMLTREE_SEQ) {
        items = v->items;
        n = v->n;
        if (n == 0) {
            loader_error(l, v, "expected an answer value or a list of them, found an empty list");
            return;
        }
    }
    qn->default_values = arena_calloc(l->q->arena, n, sizeof *qn->default_values);
    qn->default_locs = arena_calloc(l->q->arena, n, sizeof *qn->default_locs);
    qn->default_loc = node_loc(v);
    for (size_t i = 0; i < n; i++) {
        char *value = loader_id(l, &items[i], "answer value");
        if (!value)
            continue;
        qn->default_locs[qn->n_defaults] = node_loc(&items[i]);
        qn->default_values[qn->n_defaults++] = value;
    }
}

/* ---- questions ---- */

static void question_type(struct loader *l, const struct yamltree_node *v, void *target)
{
    int t = loader_word(l, v, "question type", model_qtype_parse, qtype_name, QTYPE_COUNT);
    if (t >= 0)
        ((struct question *)target)->type = (enum question_type)t;
}

enum {
    QK_ID,
    QK_TYPE,
    QK_TEXT,
    QK_HELP,
    QK_REQUIRED,
    QK_WHEN,
    QK_OPTIONS,
    QK_MIN,
    QK_MAX,
    QK_UNIT,
    QK_RAISES,
    QK_DEFAULT,
    QK_MAX_LENGTH
};

static const struct key question_keys[] = {
    [QK_ID] = {"id", true, FIELD_ID, offsetof(struct question, id), NULL},
    [QK_TYPE] = {"type", true, FIELD_CUSTOM, 0, question_type},
    [QK_TEXT] = {"text", true, FIELD_TEXT, offsetof(struct question, text), NULL},
    [QK_HELP] = {"help", false, FIELD_TEXT, offsetof(struct question, help), NULL},
    [QK_REQUIRED] = {"required", false, FIELD_BOOL, offsetof(struct question, required), NULL},
    [QK_WHEN] = {"when", false, FIELD_COND, offsetof(struct question, when), NULL},
    [QK_OPTIONS] = {"options", false, FIELD_CUSTOM, 0, question_options},
    [QK_MIN] = {"min", false, FIELD_NUMBER, offsetof(struct question, min), NULL},
    [QK_MAX] = {"max", false, FIELD_NUMBER, offsetof(struct question, max), NULL},
    [QK_UNIT] = {"unit", false, FIELD_TEXT, offsetof(struct question, unit), NULL},
    [QK_RAISES] = {"raises", false, FIELD_CUSTOM, 0, question_raises},
    [QK_DEFAULT] = {"default", false, FIELD_CUSTOM, 0, question_default},
    [QK_MAX_LENGTH] = {"max_length", false, FIELD_NUMBER, offsetof(struct question, max_length),
                       NULL},
};
static const struct schema question_schema = SCHEMA("question", question_keys);
_Static_assert(sizeof question_keys / sizeof question_keys[0] <= MAX_KEYS, "raise MAX_KEYS");

/* Which type-specific keys each question type takes. */
enum { NO, MAY, MUST };
static const struct {
    int key;
    unsigned char by_type[QTYPE_COUNT];
} type_keys[] = {
    /*                  yesno choice multi number text */
    {QK_OPTIONS, {NO, MUST, MUST, NO, NO}}, {QK_MIN, {NO, NO, NO, MUST, NO}},
    {QK_MAX, {NO, NO, NO, MUST, NO}},       {QK_UNIT, {NO, NO, NO, MAY, NO}},
    {QK_RAISES, {MAY, MAY, MAY, NO, NO}},   {QK_DEFAULT, {MAY, MAY, MAY, NO, NO}},
    {QK_MAX_LENGTH, {NO, NO, NO, NO, MAY}},
};

/* The key node named `name` in mapping n (there is one: its value was read). */
static const struct yamltree_node *map_key(const struct yamltree_node *n, const char *name)
{
    for (size_t i = 0; i < n->n; i++)
        if (!n->items[2 * i].skip && strcmp(n->items[2 * i].str, name) == 0)
            return &n->items[2 * i];
    return n;
}

/* The checks that depend on the question's type, once all its keys are read. */
static void question_shape(struct loader *l, const struct yamltree_node *n, struct question *qn,
                           const struct yamltree_node **found)
{
    const char *type = model_qtype_name(qn->type);
    for (size_t i = 0; i < sizeof type_keys / sizeof type_keys[0]; i++) {
        int k = type_keys[i].key;
        const char *name = question_keys[k].name;
        unsigned char rule = type_keys[i].by_type[qn->type];
        if (rule == NO && found[k])
            loader_error(l, found[k], "'%s' does not apply to a %s question", name, type);
        else if (rule == MUST && !found[k])
            loader_error(l, n, "a %s question needs '%s'", type, name);
    }
    if (!found[QK_REQUIRED])
        qn->required = qn->type != QTYPE_TEXT && !found[QK_DEFAULT];
    else if (qn->required && found[QK_DEFAULT])
        loader_error(l, found[QK_REQUIRED],
                     "a question with a 'default' is optional: leave out 'required: true'");
    if (qn->type == QTYPE_TEXT && !found[QK_MAX_LENGTH])
        qn->max_length = MODEL_TEXT_MAX_LENGTH;
    long long length;
    if (qn->type == QTYPE_TEXT && found[QK_MAX_LENGTH] &&
        loader_number_value(found[QK_MAX_LENGTH] + 1, &length) == NUMBER_OK &&
        (length < 1 || length > MODEL_TEXT_MAX_LENGTH_LIMIT))
        loader_error(l, found[QK_MAX_LENGTH] + 1, "max_length must be from 1 to %d characters",
                     MODEL_TEXT_MAX_LENGTH_LIMIT);
    long long min, max;
    if (qn->type == QTYPE_NUMBER && found[QK_MIN] && found[QK_MAX] &&
        loader_number_value(found[QK_MIN] + 1, &min) == NUMBER_OK &&
        loader_number_value(found[QK_MAX] + 1, &max) == NUMBER_OK && min > max)
        loader_error(l, found[QK_MIN], "min (%lld) is greater than max (%lld)", min, max);
    if (qn->type != QTYPE_MULTI && found[QK_OPTIONS]) {
        const struct yamltree_node *opts = found[QK_OPTIONS] + 1;
        for (size_t i = 0; i < qn->n_options; i++)
            if (qn->options[i].exclusive)
                loader_error(l, map_key(&opts->items[i], "exclusive"),
                             "'exclusive' only applies to multi questions");
    }
}

void loader_question(struct loader *l, const struct yamltree_node *n, size_t section)
{
    struct questionnaire *q = l->q;
    if (q->n_questions == l->cap_questions) { /* doubling: a big file copies each one once */
        l->cap_questions = l->cap_questions ? 2 * l->cap_questions : 64;
        q->questions = xreallocarray(q->questions, l->cap_questions, sizeof *q->questions);
    }
    struct question *qn = &q->questions[q->n_questions++];
    *qn = (struct question){.loc = node_loc(n), .section = section, .type = QTYPE_COUNT};
    const struct yamltree_node *found[MAX_KEYS];
    if (loader_mapping(l, n, &question_schema, qn, found) && qn->type != QTYPE_COUNT)
        question_shape(l, n, qn, found);
}

/* ---- sections ---- */

/* The questions go to q->questions in the order the walk meets them: each one either read
 * ahead (a placeholder: it is already there, next in line) or read now (appended, which is
 * the right place only when nothing read ahead waits). */
static void section_questions(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct section *s = target;
    s->first_question = l->walked;
    if (!loader_list(l, v, "questions", true))
        return;
    for (size_t i = 0; i < v->n; i++) {
        const struct yamltree_node *item = &v->items[i];
        if (loader_taken(l, item, STREAM_QUESTION, l->walked)) {
            if (l->walked >= l->q->n_questions || l->q->questions[l->walked].section != l->section)
                l->restart = true;
        } else {
            if (l->walked != l->q->n_questions)
                l->restart = true;
            loader_question(l, item, l->section);
        }
        l->walked++;
    }
    s->n_questions = l->walked - s->first_question;
}

static const struct key section_keys[] = {
    {"id", true, FIELD_ID, offsetof(struct section, id), NULL},
    {"title", true, FIELD_TEXT, offsetof(struct section, title), NULL},
    {"when", false, FIELD_COND, offsetof(struct section, when), NULL},
    {"questions", true, FIELD_CUSTOM, 0, section_questions},
};
static const struct schema section_schema = SCHEMA("section", section_keys);

void loader_section(struct loader *l, const struct yamltree_node *n, size_t index,
                    struct section *s)
{
    const struct yamltree_node *found[MAX_KEYS];
    l->section = index;
    s->loc = node_loc(n);
    s->first_question = l->walked;
    loader_mapping(l, n, &section_schema, s, found);
}

void loader_sections(struct loader *l, const struct yamltree_node *v, void *target)
{
    struct questionnaire *q = target;
    if (!loader_list(l, v, "sections", true))
        return;
    if (v->items[0].kind == YAMLTREE_TAKEN) { /* read ahead, questions and all */
        const struct stream_array *a = l->stream ? &l->stream->sections : NULL;
        for (size_t i = 0; i < v->n; i++)
            if (!loader_taken(l, &v->items[i], STREAM_SECTION, i))
                l->restart = true;
        if (!a || a->n != v->n)
            l->restart = true;
        if (!l->restart) {
            q->sections = a->items;
            q->n_sections = a->n;
        }
        return;
    }
    q->sections = arena_calloc(l->q->arena, v->n, sizeof *q->sections);
    q->n_sections = v->n;
    for (size_t i = 0; i < v->n; i++)
        loader_section(l, &v->items[i], i, &q->sections[i]);
}
