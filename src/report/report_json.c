/* report_json.c - the JSON report: one object with the questionnaire, who and when, the
 * verdict, findings with their answers, recommendations and every answer (product.md 5).
 *
 * Answers are in the stable vocabulary: an option's value ("yes", "controlled"), a multi
 * answer as an array of values in option order, a number as a JSON integer, text as a
 * string. A reached question left without an answer (an optional one, or empty text) has
 * answer null: the report shows it was asked; one with a `default` adds "default", the
 * answer it counted as (and a because entry it supports says "default": true). A missing
 * patient, practitioner, name, birth date, clinic or answerer is null, and so is `replaces`
 * for a report that replaces none. Each finding has its severity (absolute, temporary,
 * precaution, info) and the verdict it imposes (e.g. refer_for_diagnosis). */
#include "report_json.h"

#include "digest.h"
#include "jsonutil.h"
#include "model.h"
#include "report_words.h"
#include "timestamp.h"

/* Whether a holds a real answer (text answers must be non-empty). */
static bool report_json_has_answer(const struct question *qn, const struct answer *a)
{
    if (!a || !a->given)
        return false;
    return qn->type != QTYPE_TEXT || (a->text && a->text[0]);
}

/* The answer to qn as a JSON value in the stable vocabulary; null when there is none. */
static json_t *report_json_answer(const struct question *qn, const struct answer *a)
{
    if (!report_json_has_answer(qn, a))
        return json_null();
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return jsonutil_string(model_option_value(qn, (size_t)a->choice));
    case QTYPE_MULTI: {
        json_t *values = jsonutil_array();
        for (size_t i = 0; i < qn->n_options && i < 64; i++)
            if (a->selected & ((uint64_t)1 << i))
                jsonutil_append(values, jsonutil_string(qn->options[i].value));
        return values;
    }
    case QTYPE_NUMBER:
        return jsonutil_integer(a->number);
    case QTYPE_TEXT:
        return jsonutil_string(a->text);
    case QTYPE_COUNT:
        break;
    }
    return json_null();
}

static json_t *report_json_questionnaire(const struct questionnaire *q)
{
    char sha[DIGEST_HEX_LEN + 1];
    json_t *obj = jsonutil_object();

    digest_questionnaire_hex(q, sha);
    jsonutil_set(obj, "id", jsonutil_string(q->id));
    jsonutil_set(obj, "version", jsonutil_string(q->version));
    jsonutil_set(obj, "sha256", jsonutil_string(sha));
    return obj;
}

static json_t *report_json_findings(const struct walk *w, const struct outcome *o, size_t lang)
{
    const struct questionnaire *q = walk_questionnaire(w);
    json_t *arr = jsonutil_array();

    for (size_t i = 0; i < o->n_findings; i++) {
        const struct raised_finding *rf = &o->findings[i];
        const struct finding *f = &q->findings[rf->finding];
        json_t *obj = jsonutil_object(), *because = jsonutil_array();

        jsonutil_set(obj, "id", jsonutil_string(f->id));
        jsonutil_set(obj, "severity", jsonutil_string(model_severity_name(f->severity)));
        jsonutil_set(obj, "verdict", jsonutil_string(model_eligibility_name(f->verdict)));
        jsonutil_set(obj, "text", jsonutil_string(model_text(&f->text, lang)));
        for (size_t k = 0; k < rf->n_because; k++) {
            const struct because *bc = &rf->because[k];
            const struct question *qn = &q->questions[bc->question];
            struct answer raising;
            rules_because_answer(w, bc, &raising);
            json_t *b = jsonutil_object();
            jsonutil_set(b, "question", jsonutil_string(qn->id));
            jsonutil_set(b, "answer", report_json_answer(qn, &raising));
            if (bc->defaulted)
                jsonutil_set(b, "default", json_true());
            jsonutil_append(because, b);
        }
        jsonutil_set(obj, "because", because);
        jsonutil_append(arr, obj);
    }
    return arr;
}

static json_t *report_json_recommendations(const struct questionnaire *q, const struct outcome *o,
                                           size_t lang)
{
    json_t *arr = jsonutil_array();
    for (size_t i = 0; i < o->n_recommendations; i++) {
        const struct recommendation *r = &q->recommendations[o->recommendations[i]];
        json_t *obj = jsonutil_object();
        jsonutil_set(obj, "id", jsonutil_string(r->id));
        jsonutil_set(obj, "kind", jsonutil_string(model_recommendation_kind_name(r->kind)));
        jsonutil_set(obj, "text", jsonutil_string(model_text(&r->text, lang)));
        jsonutil_append(arr, obj);
    }
    return arr;
}

/* Every reached question, in asking order; skipped questions never appear. */
static json_t *report_json_answers(const struct walk *w, size_t lang)
{
    const struct questionnaire *q = walk_questionnaire(w);
    json_t *arr = jsonutil_array();
    for (size_t i = 0; i < q->n_questions; i++) {
        if (!walk_reached(w, i))
            continue;
        const struct question *qn = &q->questions[i];
        json_t *obj = jsonutil_object();
        jsonutil_set(obj, "question", jsonutil_string(qn->id));
        jsonutil_set(obj, "text", jsonutil_string(model_text(&qn->text, lang)));
        jsonutil_set(obj, "answer", report_json_answer(qn, walk_get(w, i)));
        struct answer dflt;
        if (!report_json_has_answer(qn, walk_get(w, i)) && answer_default(qn, &dflt))
            jsonutil_set(obj, "default", report_json_answer(qn, &dflt)); /* what it counted as */
        jsonutil_append(arr, obj);
    }
    return arr;
}

char *report_json_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    const struct questionnaire *q = walk_questionnaire(w);
    char when[TIMESTAMP_SIZE];
    json_t *root = jsonutil_object();

    timestamp_iso8601(m->when, when);
    jsonutil_set(root, "questionnaire", report_json_questionnaire(q));
    jsonutil_set(root, "mesoscreen_version", jsonutil_string(MESOSCREEN_VERSION));
    jsonutil_set(root, "language", jsonutil_string(q->languages[m->lang]));
    jsonutil_set(root, "disclaimer",
                 jsonutil_string(q->disclaimer.by_lang && *model_text(&q->disclaimer, m->lang)
                                     ? model_text(&q->disclaimer, m->lang)
                                     : report_word(q, m->lang, "disclaimer_default")));
    jsonutil_set(root, "clinic", jsonutil_string(m->clinic));
    jsonutil_set(root, "patient", jsonutil_string(m->patient));
    jsonutil_set(root, "patient_name", jsonutil_string(m->patient_name));
    jsonutil_set(root, "birth_date", jsonutil_string(m->birth_date));
    jsonutil_set(root, "answered_by", jsonutil_string(m->answered_by));
    jsonutil_set(root, "practitioner", jsonutil_string(m->practitioner));
    jsonutil_set(root, "timestamp", jsonutil_string(when));
    jsonutil_set(root, "replaces", jsonutil_string(m->replaces));
    jsonutil_set(root, "eligibility", jsonutil_string(model_eligibility_name(o->eligibility)));
    jsonutil_set(root, "role",
                 o->has_role ? jsonutil_string(model_role_name(o->role)) : json_null());
    jsonutil_set(root, "findings", report_json_findings(w, o, m->lang));
    jsonutil_set(root, "recommendations", report_json_recommendations(q, o, m->lang));
    jsonutil_set(root, "answers", report_json_answers(w, m->lang));
    return jsonutil_dump(root, len);
}
