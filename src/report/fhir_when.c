/* fhir_when.c - `when` conditions as FHIR enableWhen, or as FHIRPath where enableWhen falls
 * short.
 *
 * A condition is false on a question that was not reached; FHIR agrees, since a disabled
 * question has no answer: `=` and the comparisons are false, `!=` ("no answer equals") true,
 * as `not` of a leaf is here. enableWhen holds a flat list under one behaviour (all or any),
 * so it takes: one leaf; `in` with several values (any); `includes` (all); `not` of `in`
 * (all of `!=`); `all` of leaves, `includes` and `not in`; `any` of leaves and `in`;
 * `answered` as `exists` (an unreached question has no answer in either). Every other shape
 * (a nested all/any, a comparison with a bound beyond 32 bits) goes to FHIRPath. */
#include "fhir_when.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fhir.h"
#include "jsonutil.h"
#include "strbuf.h"
#include "xalloc.h"

/* The enableWhen behaviour a list needs: EW_ONE while it has one entry. */
enum ew_behavior { EW_ONE, EW_ALL, EW_ANY };

static const char *const ew_compare_ops[CMP_COUNT] = {
    [CMP_BELOW] = "<",     [CMP_AT_MOST] = "<=", [CMP_ABOVE] = ">",
    [CMP_AT_LEAST] = ">=", [CMP_EQUAL] = "=",
};

/* The coding of option index i of question qn (answer side of an enableWhen). */
static json_t *ew_coding(const struct questionnaire *q, const struct question *qn, int i)
{
    if (qn->type == QTYPE_YESNO)
        return fhir_coding(fhir_yesno_system(i), fhir_yesno_code(i), NULL);
    char *system = fhir_system_url(q, FHIR_CS_ANSWERS, qn->id);
    json_t *c = fhir_coding(system, qn->options[i].value, NULL);
    free(system);
    return c;
}

static bool ew_fits_int32(long long v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* Whether question qn is a FHIR integer (its range fits 32 bits). */
static bool ew_integer_question(const struct question *qn)
{
    return ew_fits_int32(qn->min) && ew_fits_int32(qn->max);
}

static void ew_add(json_t *list, const char *question, const char *op, const char *key,
                   json_t *answer)
{
    json_t *e = jsonutil_object();
    jsonutil_set(e, "question", jsonutil_string(question));
    jsonutil_set(e, "operator", jsonutil_string(op));
    jsonutil_set(e, key, answer);
    jsonutil_append(list, e);
}

/* Appends the enableWhen entries of c to list under behaviour b (EW_ALL or EW_ANY), or
 * returns false when c cannot join such a list. A leaf with one value joins either. */
static bool ew_collect(json_t *list, const struct questionnaire *q, const struct cond *c,
                       enum ew_behavior b)
{
    const struct cond *leaf = c->kind == COND_NOT && c->n_items == 1 ? c->items[0] : c;
    if (leaf->kind != COND_IN && leaf->kind != COND_INCLUDES && leaf->kind != COND_COMPARE &&
        leaf->kind != COND_ANSWERED)
        return false;
    if (leaf->ref_index < 0)
        xdie("fhir_when: unresolved condition");
    const struct question *qn = &q->questions[leaf->ref_index];
    bool negated = leaf != c;

    switch (leaf->kind) {
    case COND_IN:
    case COND_INCLUDES: {
        /* in: any of the values; includes: all of them; not in: none of them. */
        enum ew_behavior needs = leaf->kind == COND_INCLUDES ? EW_ALL : EW_ANY;
        if (negated)
            needs = leaf->kind == COND_IN ? EW_ALL : EW_ANY;
        if (leaf->n_values > 1 && needs != b)
            return false;
        if (negated && leaf->kind == COND_INCLUDES && leaf->n_values > 1)
            return false; /* some value missing: no operator says that */
        for (size_t i = 0; i < leaf->n_values; i++)
            ew_add(list, qn->id, negated ? "!=" : "=", "answerCoding",
                   ew_coding(q, qn, leaf->values[i].index));
        return true;
    }
    case COND_COMPARE:
        if (negated || !ew_integer_question(qn) || !ew_fits_int32(leaf->number))
            return false;
        ew_add(list, qn->id, ew_compare_ops[leaf->op], "answerInteger",
               jsonutil_integer(leaf->number));
        return true;
    case COND_ANSWERED:
        ew_add(list, qn->id, "exists", "answerBoolean", json_boolean(leaf->flag != negated));
        return true;
    default:
        return false;
    }
}

/* c as an enableWhen list and its behaviour; NULL when enableWhen cannot express it. */
static json_t *ew_list(const struct questionnaire *q, const struct cond *c, enum ew_behavior *b)
{
    json_t *list = jsonutil_array();
    bool ok = true;
    if (c->kind == COND_ALL || c->kind == COND_ANY) {
        *b = c->kind == COND_ALL ? EW_ALL : EW_ANY;
        for (size_t i = 0; i < c->n_items && ok; i++)
            ok = ew_collect(list, q, c->items[i], *b);
        ok = ok && json_array_size(list) > 0;
    } else {
        /* a single leaf picks the behaviour its values need */
        *b = EW_ANY;
        ok = ew_collect(list, q, c, EW_ANY);
        if (!ok) {
            json_array_clear(list);
            *b = EW_ALL;
            ok = ew_collect(list, q, c, EW_ALL);
        }
    }
    if (!ok) {
        json_decref(list);
        return NULL;
    }
    if (json_array_size(list) == 1)
        *b = EW_ONE;
    return list;
}

json_t *fhir_when_expression(const char *fhirpath)
{
    json_t *e = jsonutil_object();
    jsonutil_set(e, "language", jsonutil_string("text/fhirpath"));
    jsonutil_set(e, "expression", jsonutil_string(fhirpath));
    return e;
}

void fhir_when_apply(json_t *item, const struct questionnaire *q, const struct cond *c)
{
    if (!c)
        return;
    enum ew_behavior b;
    json_t *list = ew_list(q, c, &b);
    if (list) {
        jsonutil_set(item, "enableWhen", list);
        if (b != EW_ONE)
            jsonutil_set(item, "enableBehavior", jsonutil_string(b == EW_ALL ? "all" : "any"));
        return;
    }
    char *path = fhir_when_fhirpath(q, c);
    json_t *ext = jsonutil_object();
    jsonutil_set(ext, "url", jsonutil_string(FHIR_EXT_ENABLE_WHEN_EXPRESSION));
    jsonutil_set(ext, "valueExpression", fhir_when_expression(path));
    free(path);
    json_t *exts = json_object_get(item, "extension");
    if (!exts) {
        exts = jsonutil_array();
        jsonutil_set(item, "extension", exts);
    }
    jsonutil_append(exts, ext);
}

/* ---- FHIRPath ---- */

/* The answers' values of question id (ids are letters, digits, '_' and '-': safe quoted). */
static void fp_answers(struct strbuf *b, const char *id)
{
    strbuf_printf(b, "%%resource.repeat(item).where(linkId = '%s').answer.value", id);
}

/* ('a' | 'b') of the leaf's option codes. */
static void fp_codes(struct strbuf *b, const struct question *qn, const struct cond *c)
{
    strbuf_puts(b, "(");
    for (size_t i = 0; i < c->n_values; i++) {
        int v = c->values[i].index;
        strbuf_printf(b, "%s'%s'", i ? " | " : "",
                      qn->type == QTYPE_YESNO ? fhir_yesno_code(v) : qn->options[v].value);
    }
    strbuf_puts(b, ")");
}

static void fp_cond(struct strbuf *b, const struct questionnaire *q, const struct cond *c)
{
    const struct question *qn = c->ref_index >= 0 && (size_t)c->ref_index < q->n_questions
                                    ? &q->questions[c->ref_index]
                                    : NULL;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY:
        if (c->n_items == 0) {
            strbuf_puts(b, c->kind == COND_ALL ? "true" : "false");
            return;
        }
        for (size_t i = 0; i < c->n_items; i++) {
            strbuf_puts(b, i ? (c->kind == COND_ALL ? " and (" : " or (") : "(");
            fp_cond(b, q, c->items[i]);
            strbuf_puts(b, ")");
        }
        return;
    case COND_NOT:
        strbuf_puts(b, "(");
        fp_cond(b, q, c->items[0]);
        strbuf_puts(b, ").not()");
        return;
    case COND_IN:
        fp_answers(b, qn->id);
        strbuf_puts(b, ".where(code in ");
        fp_codes(b, qn, c);
        strbuf_puts(b, ").exists()");
        return;
    case COND_INCLUDES:
        fp_answers(b, qn->id);
        strbuf_puts(b, ".code.supersetOf");
        fp_codes(b, qn, c);
        return;
    case COND_COMPARE:
        fp_answers(b, qn->id);
        strbuf_printf(b, ".where($this %s %lld).exists()", ew_compare_ops[c->op], c->number);
        return;
    case COND_ANSWERED:
        fp_answers(b, qn->id);
        strbuf_puts(b, c->flag ? ".exists()" : ".empty()");
        return;
    default:
        xdie("fhir_when: condition kind %d is not about answers", (int)c->kind);
    }
}

char *fhir_when_fhirpath(const struct questionnaire *q, const struct cond *c)
{
    struct strbuf b = STRBUF_INIT;
    if (!c)
        strbuf_puts(&b, "true");
    else
        fp_cond(&b, q, c);
    return strbuf_release(&b, NULL);
}
